import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { createRef, StrictMode, type ReactNode, type Ref } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  createTracker,
  createVoucherifyClient,
  isVoucherifyError,
  useVoucherInput,
  VoucherifyError,
  type ApplyOutcome,
  type UseVoucherInputOptions,
} from 'voucherkit';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { Providers, recordValidationRequests, sandbox, server, setupSandboxServer, validations } from './harness.js';

setupSandboxServer();

const order = { amount: 4000 };

function renderInput(options: UseVoucherInputOptions = {}, provider: Parameters<typeof Providers>[0] = {}) {
  const queryClient = new QueryClient();
  return renderHook((props: UseVoucherInputOptions) => useVoucherInput(props), {
    initialProps: { order, currency: 'GBP', locale: 'en-GB', ...options },
    wrapper: ({ children }: { children: ReactNode }) => (
      <Providers queryClient={queryClient} {...provider}>
        {children}
      </Providers>
    ),
  });
}

/** A core client without transport retries, so failure tests do not wait for backoff. */
const noRetryClient = () =>
  createVoucherifyClient({
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientToken: SANDBOX_KEYS.clientToken,
    retry: false,
    timeoutMs: 300,
    tracker: createTracker(),
  });

describe('useVoucherInput: apply() outcomes (U12)', () => {
  it('resolves applied for a valid code, with the server totals and the applied list', async () => {
    const onApplied = vi.fn();
    const { result } = renderInput({ onApplied });
    let outcome: ApplyOutcome | undefined;
    await act(async () => {
      outcome = await result.current.apply('HALFCAP');
    });
    expect(outcome?.status).toBe('applied');
    if (outcome?.status !== 'applied') throw new Error('expected applied');
    expect(outcome.result.order).toMatchObject({ amount: 4000, totalDiscountAmount: 2000, totalAmount: 2000 });
    expect(result.current.status).toBe('applied');
    expect(result.current.applied).toEqual([
      expect.objectContaining({ code: 'HALFCAP', requested: 'HALFCAP', isValid: true, discount: '50% off', amount: '£20.00', message: '50% off · −£20.00' }),
    ]);
    expect(result.current.result?.valid).toBe(true);
    expect(onApplied).toHaveBeenCalledWith(outcome.result, 'HALFCAP');
  });

  it('resolves rejected for an invalid code (an outcome, not a throw)', async () => {
    const onRejected = vi.fn();
    const onError = vi.fn();
    const { result } = renderInput({ onRejected, onError });
    let outcome: ApplyOutcome | undefined;
    await act(async () => {
      outcome = await result.current.apply('USEDUP');
    });
    expect(outcome).toMatchObject({ status: 'rejected', code: 'USEDUP', rejection: { key: 'quantity_exceeded' } });
    expect(result.current.status).toBe('rejected');
    expect(result.current.isInvalid).toBe(true);
    expect(result.current.rejection?.key).toBe('quantity_exceeded');
    expect(result.current.errorMessage).toBe('USEDUP has been used the maximum number of times');
    expect(onRejected).toHaveBeenCalledWith(expect.objectContaining({ key: 'quantity_exceeded' }), 'USEDUP');
    expect(onError).not.toHaveBeenCalled();
  });

  it('rejects with a VoucherifyError only when the check itself fails', async () => {
    sandbox.setFaults({ kind: 'status', status: 500 });
    const onError = vi.fn();
    const { result } = renderInput({ onError });
    let caught: unknown;
    await act(async () => {
      await result.current.apply('SAVE10').catch((error: unknown) => {
        caught = error;
      });
    });
    expect(isVoucherifyError(caught)).toBe(true);
    expect((caught as VoucherifyError).kind).toBe('api');
    expect(result.current.status).toBe('error');
    expect(result.current.isInvalid).toBe(false);
    expect(result.current.error).toBe(caught);
    expect(onError).toHaveBeenCalledWith(caught, 'SAVE10');
  });
});

describe('useVoucherInput: transport failures get their own words and never say "invalid"', () => {
  const cases: Array<[name: string, arrange: () => void, text: string]> = [
    ['server error', () => sandbox.setFaults({ kind: 'status', status: 500 }), 'Something went wrong while checking your code. Try again'],
    ['bad gateway after retries', () => sandbox.setFaults({ kind: 'status', status: 502 }), 'Something went wrong while checking your code. Try again'],
    ['rate limited', () => sandbox.setFaults({ kind: 'rate_limit', retryAfterSeconds: 7 }), 'Too many attempts. Wait 7 seconds and try again'],
    ['malformed JSON', () => sandbox.setFaults({ kind: 'malformed_json' }), 'Something went wrong while checking your code. Try again'],
    ['timeout', () => sandbox.setFaults({ kind: 'hang' }), 'Checking your code took too long. Try again'],
    [
      'network failure',
      () => server.use(http.post('https://api.voucherify.io/client/v1/validations', () => HttpResponse.error())),
      "We couldn't check your code. Check your connection and try again",
    ],
    ['offline', () => vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false), "You're offline. Reconnect and try again"],
  ];
  it.each(cases)('%s', async (_name, arrange, text) => {
    arrange();
    const { result } = renderInput({}, { client: noRetryClient() });
    await act(async () => {
      await result.current.apply('SAVE10').catch(() => undefined);
    });
    expect(result.current.status).toBe('error');
    expect(result.current.errorMessage).toBe(text);
    expect(result.current.announcement.trim()).toBe(text);
    expect(text.toLowerCase()).not.toContain('invalid');
  });

  it('wrong keys (401) read as a configuration problem, not as a bad code', async () => {
    const { result } = renderInput({}, { clientToken: 'not-the-token' });
    await act(async () => {
      await result.current.apply('SAVE10').catch(() => undefined);
    });
    expect(result.current.error?.kind).toBe('auth');
    expect(result.current.errorMessage).toBe("Promo codes can't be checked right now. Try again later");
  });
});

describe('useVoucherInput: busy, superseded and unmounted checks (U7, S9)', () => {
  it('a second apply while one is in flight is ignored and returns the same promise', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 100 });
    const { result } = renderInput();
    let first: Promise<ApplyOutcome> | undefined;
    let second: Promise<ApplyOutcome> | undefined;
    act(() => {
      first = result.current.apply('SAVE10');
    });
    act(() => {
      second = result.current.apply('PERCENT15');
    });
    expect(second).toBe(first);
    expect(result.current.status).toBe('validating');
    await act(async () => {
      await first;
    });
    expect(result.current.applied.map((a) => a.code)).toEqual(['SAVE10']);
    expect(validations()).toBe(1);
  });

  it('an edit aborts the in-flight request; the stale answer can never overwrite the newer one', async () => {
    const recorder = recordValidationRequests();
    sandbox.setFaults({ kind: 'latency', ms: 400, times: 1 });
    const onApplied = vi.fn();
    const { result } = renderInput({ onApplied });
    let slow: Promise<ApplyOutcome> | undefined;
    act(() => {
      slow = result.current.apply('SAVE10');
    });
    await waitFor(() => expect(recorder.requests).toHaveLength(1));
    act(() => result.current.setValue('PERCENT15'));
    expect(result.current.status).toBe('idle');
    await waitFor(() => expect(recorder.requests[0]?.signal.aborted).toBe(true));
    let fast: ApplyOutcome | undefined;
    await act(async () => {
      fast = await result.current.apply();
    });
    expect(await slow).toEqual({ status: 'cancelled', code: 'SAVE10', result: null });
    expect(fast?.status).toBe('applied');
    expect(result.current.applied.map((a) => a.code)).toEqual(['PERCENT15']);
    expect(onApplied).toHaveBeenCalledTimes(1);
    recorder.stop();
  });

  it('unmounting mid-request: no callbacks, no state updates, no warnings, and the request is aborted', async () => {
    const recorder = recordValidationRequests();
    sandbox.setFaults({ kind: 'latency', ms: 300 });
    const consoleError = vi.spyOn(console, 'error');
    const onApplied = vi.fn();
    const onError = vi.fn();
    const { result, unmount } = renderInput({ onApplied, onError });
    let pending: Promise<ApplyOutcome> | undefined;
    act(() => {
      pending = result.current.apply('SAVE10');
    });
    await waitFor(() => expect(recorder.requests).toHaveLength(1));
    unmount();
    await waitFor(() => expect(recorder.requests[0]?.signal.aborted).toBe(true));
    expect(await pending).toEqual({ status: 'cancelled', code: 'SAVE10', result: null });
    expect(onApplied).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
    // MSW logs the sandbox handler's own AbortError when a request is cancelled; anything else would be ours.
    const ours = consoleError.mock.calls.filter(([first]) => !(first instanceof Error && first.name === 'AbortError') && !String(first).startsWith('[MSW]'));
    expect(ours).toEqual([]);
    recorder.stop();
  });

  it('StrictMode double mount: initialCode is applied once and its answer is used', async () => {
    const onApplied = vi.fn();
    const queryClient = new QueryClient();
    const { result } = renderHook(() => useVoucherInput({ order, initialCode: 'SAVE10', onApplied, currency: 'GBP', locale: 'en-GB' }), {
      wrapper: ({ children }) => (
        <StrictMode>
          <Providers queryClient={queryClient}>{children}</Providers>
        </StrictMode>
      ),
    });
    await waitFor(() => expect(result.current.status).toBe('applied'));
    expect(result.current.announcement.trim()).toBe('SAVE10 applied: £10.00 off');
    expect(onApplied).toHaveBeenCalledTimes(1);
    expect(validations()).toBe(1);
  });
});

describe('useVoucherInput: state for the merchant', () => {
  it('pendingCode is the typed, normalised, not yet applied code', async () => {
    const { result } = renderInput();
    expect(result.current.pendingCode).toBeNull();
    act(() => result.current.setValue('  SAVE10\n'));
    expect(result.current.pendingCode).toBe('SAVE10');
    await act(async () => {
      await result.current.apply();
    });
    expect(result.current.pendingCode).toBeNull();
    expect(result.current.value).toBe('');
  });

  it('normalize options: letter case and maximum length', async () => {
    const { result } = renderInput({ normalize: { letterCase: 'upper', maxLength: 8 } });
    act(() => result.current.setValue('save10'));
    expect(result.current.pendingCode).toBe('SAVE10');
    expect(result.current.getInputProps().autoCapitalize).toBe('characters');
    await act(async () => {
      await result.current.apply();
    });
    expect(result.current.applied[0]?.code).toBe('SAVE10');
    act(() => result.current.setValue('PERCENT15'));
    let outcome: ApplyOutcome | undefined;
    await act(async () => {
      outcome = await result.current.apply();
    });
    expect(outcome).toMatchObject({ status: 'rejected', rejection: { key: 'too_long' } });
    expect(result.current.errorMessage).toBe('A promo code has at most 8 characters. Check the code and try again');
  });

  it('remove(code) removes that code and calls onRemoved; remove() of nothing does nothing', async () => {
    const onRemoved = vi.fn();
    const { result } = renderInput({ onRemoved, stacking: true, order: { amount: 10000 } });
    act(() => result.current.remove());
    expect(onRemoved).not.toHaveBeenCalled();
    await act(async () => {
      await result.current.apply('SAVE10');
    });
    await act(async () => {
      await result.current.apply('PERCENT15');
    });
    act(() => result.current.remove('SAVE10'));
    expect(onRemoved).toHaveBeenCalledWith('SAVE10');
    await waitFor(() => expect(result.current.applied.map((a) => [a.code, a.isValid])).toEqual([['PERCENT15', true]]));
  });
});

describe('useVoucherInput: prop getters chain user handlers and merge refs', () => {
  function Field(props: {
    onKeyDown?: () => void;
    onChange?: () => void;
    onClick?: (event: { preventDefault(): void }) => void;
    inputRef?: Ref<HTMLInputElement>;
  }) {
    const voucher = useVoucherInput({ order, defaultOpen: true });
    return (
      <div>
        <label {...voucher.getLabelProps()}>Code</label>
        <input {...voucher.getInputProps({ onKeyDown: props.onKeyDown, onChange: props.onChange, ref: props.inputRef })} />
        <button {...voucher.getApplyButtonProps({ onClick: props.onClick })}>Apply</button>
        {voucher.applied.map((a) => (
          <button key={a.requested} {...voucher.getRemoveButtonProps(a.requested)}>
            ×
          </button>
        ))}
        <div {...voucher.getStatusProps()}>{voucher.announcement}</div>
      </div>
    );
  }

  it('calls the user handler and still runs ours; the user ref gets the element', async () => {
    const onKeyDown = vi.fn();
    const onChange = vi.fn();
    const onClick = vi.fn();
    const inputRef = createRef<HTMLInputElement>();
    render(<Field onKeyDown={onKeyDown} onChange={onChange} onClick={onClick} inputRef={inputRef} />, {
      wrapper: ({ children }) => <Providers queryClient={new QueryClient()}>{children}</Providers>,
    });
    const user = userEvent.setup();
    const textbox = screen.getByRole('textbox', { name: 'Code' });
    expect(inputRef.current).toBe(textbox);
    await user.type(textbox, 'SAVE10');
    expect(onChange).toHaveBeenCalledTimes(6);
    expect((textbox as HTMLInputElement).value).toBe('SAVE10');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onClick).toHaveBeenCalledTimes(1);
    const remove = await screen.findByRole('button', { name: 'Remove code SAVE10' });
    expect(document.activeElement).toBe(remove);
    await user.click(remove);
    expect(document.activeElement).toBe(textbox);
    await user.type(textbox, 'X{Enter}');
    expect(onKeyDown).toHaveBeenCalled();
  });

  it('a user handler that calls preventDefault opts out of ours', () => {
    const prevented = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    render(<Field onClick={prevented} />, { wrapper: ({ children }) => <Providers queryClient={new QueryClient()}>{children}</Providers> });
    fireEvent.change(screen.getByRole('textbox', { name: 'Code' }), { target: { value: 'SAVE10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(prevented).toHaveBeenCalledTimes(1);
    expect(validations()).toBe(0);
  });
});

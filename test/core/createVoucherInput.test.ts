import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createVoucherInput,
  VoucherifyError,
  type ApplyOutcome,
  type InvalidResult,
  type Rejection,
  type ValidationResult,
  type VoucherInputOptions,
  type VoucherInputs,
} from 'voucherkit/core';
import { voucherInputStatus } from '../../src/core/voucherInputStatus.js';
import { sandboxClient } from './sandboxClient.js';

afterEach(() => {
  vi.useRealTimers();
});

const valid = (codes: string[], extra: Partial<ValidationResult> = {}): ValidationResult =>
  ({
    valid: true,
    code: codes[0] ?? '',
    codes,
    redeemables: codes.map((code) => ({
      code,
      object: 'voucher',
      status: 'APPLICABLE',
      discount: { type: 'AMOUNT', amount_off: 1000 },
      gift: null,
      loyaltyPoints: null,
      rejection: null,
      discountAmount: 1000,
    })),
    order: null,
    trackingId: null,
    discount: null,
    gift: null,
    ...extra,
  }) as ValidationResult;

const expired = (code: string, rejection: Rejection = { key: 'voucher_expired', message: 'voucher expired' }): InvalidResult => ({
  valid: false,
  code,
  codes: [code],
  redeemables: [
    {
      code,
      object: 'voucher',
      status: 'INAPPLICABLE',
      discount: null,
      gift: null,
      loyaltyPoints: null,
      rejection,
      discountAmount: null,
    },
  ],
  order: null,
  trackingId: null,
  rejection,
});

/** A validate whose answers the test hands out one by one, recording every call. */
function manualValidate() {
  const calls: Array<{ codes: string[]; signal: AbortSignal; inputs: VoucherInputs; resolve(result: ValidationResult): void; reject(error: unknown): void }> =
    [];
  const validate = vi.fn(
    (codes: string[], signal: AbortSignal, inputs: VoucherInputs) =>
      new Promise<ValidationResult>((resolve, reject) => {
        calls.push({ codes, signal, inputs, resolve, reject });
      }),
  );
  return { validate, calls };
}

function setup(options: Partial<VoucherInputOptions> = {}) {
  const fake = manualValidate();
  const input = createVoucherInput({ validate: fake.validate, ...options });
  const notified = vi.fn();
  input.subscribe(notified);
  return { input, ...fake, notified, state: () => input.getSnapshot() };
}

/** Lets the promise callbacks of an answer run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createVoucherInput: applying a code', () => {
  it('applies a valid code: codes, callbacks, cleared text, focus on its Remove, an "applied" announcement', async () => {
    const onApplied = vi.fn();
    const onCodesChange = vi.fn();
    const { input, calls, state, notified } = setup({ onApplied, onCodesChange, inputs: { order: { amount: 4000 } } });
    input.type(' save10 ');
    expect(state().pendingCode).toBe('save10');
    const pending = input.apply();
    expect(state().status).toBe('validating');
    expect(state().attempt).toEqual({ status: 'validating', code: 'save10' });
    expect(calls[0]?.codes).toEqual(['save10']);
    expect(calls[0]?.inputs).toEqual({ order: { amount: 4000 } });
    const result = valid(['SAVE10']);
    calls[0]?.resolve(result);
    expect(await pending).toEqual({ status: 'applied', code: 'save10', result });
    expect(state()).toMatchObject({
      status: 'applied',
      codes: ['save10'],
      value: '',
      attempt: null,
      pendingCode: null,
      focus: { target: { remove: 'save10' } },
    });
    expect(state().announcement).toMatchObject({ key: 'applied', code: 'save10', codes: ['save10'], count: 1 });
    expect(onApplied).toHaveBeenCalledWith(result, 'save10');
    expect(onCodesChange).toHaveBeenCalledWith(['save10']);
    expect(notified).toHaveBeenCalled();
  });

  it('a rejected code is an outcome: the attempt keeps the reason, focus goes back to the input', async () => {
    const onRejected = vi.fn();
    const onError = vi.fn();
    const { input, calls, state } = setup({ onRejected, onError });
    const pending = input.apply('EXPIRED');
    calls[0]?.resolve(expired('EXPIRED'));
    expect(await pending).toMatchObject({ status: 'rejected', code: 'EXPIRED', rejection: { key: 'voucher_expired' } });
    expect(state()).toMatchObject({ status: 'rejected', value: 'EXPIRED', codes: [], focus: { target: 'input' } });
    expect(state().attempt?.rejection?.key).toBe('voucher_expired');
    expect(state().announcement).toMatchObject({ key: 'rejected', code: 'EXPIRED', rejection: { key: 'voucher_expired' } });
    expect(onRejected).toHaveBeenCalledWith(expect.objectContaining({ key: 'voucher_expired' }), 'EXPIRED');
    expect(onError).not.toHaveBeenCalled();
  });

  it('refuses an empty, a too long or an already applied code (in any letter case) without validating', async () => {
    const { input, validate, state } = setup({ defaultCodes: ['SAVE10'], stacking: true, normalize: { maxLength: 8 } });
    expect(await input.apply('  ')).toMatchObject({ status: 'rejected', rejection: { key: 'empty' } });
    expect(await input.apply('PERCENT15')).toMatchObject({ status: 'rejected', code: 'PERCENT1', rejection: { key: 'too_long' } });
    expect(await input.apply('save10')).toMatchObject({ status: 'rejected', code: 'save10', rejection: { key: 'already_applied' } });
    expect(state().value).toBe('save10');
    expect(validate).not.toHaveBeenCalled();
  });

  it('a failed check rejects with the VoucherifyError, reports it and announces it', async () => {
    const onError = vi.fn();
    const { input, calls, state } = setup({ onError });
    const pending = input.apply('SAVE10');
    const error = new VoucherifyError({ kind: 'api', status: 500, message: 'boom' });
    calls[0]?.reject(error);
    await expect(pending).rejects.toBe(error);
    expect(state()).toMatchObject({ status: 'error', attempt: { status: 'error', code: 'SAVE10', error } });
    expect(state().announcement).toMatchObject({ key: 'error', code: 'SAVE10', error });
    expect(onError).toHaveBeenCalledWith(error, 'SAVE10');
  });

  it('anything else thrown becomes a network VoucherifyError', async () => {
    const { input, calls } = setup();
    const pending = input.apply('SAVE10');
    calls[0]?.reject(new TypeError('Failed to fetch'));
    await expect(pending).rejects.toMatchObject({ name: 'VoucherifyError', kind: 'network' });
  });

  it('an API error that names a rejection key the UI knows is a rejection, not an error', async () => {
    const onError = vi.fn();
    const { input, calls, state } = setup({ onError, isRejectionKey: (key) => key === 'voucher_expired' });
    const pending = input.apply('OLD');
    calls[0]?.reject(new VoucherifyError({ kind: 'api', status: 400, key: 'voucher_expired', message: 'voucher expired' }));
    expect(await pending).toMatchObject({ status: 'rejected', rejection: { key: 'voucher_expired', message: 'voucher expired' }, result: null });
    expect(state().status).toBe('rejected');
    expect(onError).not.toHaveBeenCalled();
  });

  it('without isRejectionKey the same API error stays an error', async () => {
    const { input, calls } = setup();
    const pending = input.apply('OLD');
    calls[0]?.reject(new VoucherifyError({ kind: 'api', status: 400, key: 'voucher_expired', message: 'voucher expired' }));
    await expect(pending).rejects.toMatchObject({ kind: 'api' });
  });

  it('normalises with the given letter case before validating', async () => {
    const { input, calls } = setup({ normalize: { letterCase: 'upper' } });
    void input.apply(' save10\n');
    expect(calls[0]?.codes).toEqual(['SAVE10']);
  });
});

describe('createVoucherInput: one check at a time, cancelled by an edit, a removal or a stop', () => {
  it('a second apply during a check returns the same promise and validates nothing more', async () => {
    const { input, calls, validate } = setup();
    const first = input.apply('SAVE10');
    const second = input.apply('PERCENT15');
    expect(second).toBe(first);
    expect(validate).toHaveBeenCalledTimes(1);
    calls[0]?.resolve(valid(['SAVE10']));
    expect((await first).status).toBe('applied');
  });

  it('an edit aborts the check; its late answer resolves cancelled and changes nothing', async () => {
    const onApplied = vi.fn();
    const { input, calls, state } = setup({ onApplied });
    const slow = input.apply('SAVE10');
    input.type('PERCENT15');
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(state()).toMatchObject({ status: 'idle', attempt: null, value: 'PERCENT15' });
    const fast = input.apply();
    calls[1]?.resolve(valid(['PERCENT15']));
    calls[0]?.resolve(valid(['SAVE10']));
    expect(await slow).toEqual({ status: 'cancelled', code: 'SAVE10', result: null });
    expect((await fast).status).toBe('applied');
    expect(state().codes).toEqual(['PERCENT15']);
    expect(onApplied).toHaveBeenCalledTimes(1);
  });

  it('a late failure of a cancelled check is not reported', async () => {
    const onError = vi.fn();
    const { input, calls, state } = setup({ onError });
    const pending = input.apply('SAVE10');
    input.cancel();
    calls[0]?.reject(new VoucherifyError({ kind: 'network', message: 'aborted' }));
    expect(await pending).toEqual({ status: 'cancelled', code: 'SAVE10', result: null });
    expect(onError).not.toHaveBeenCalled();
    expect(state().status).toBe('idle');
  });

  it('an AbortError from validate (cancelled elsewhere) ends the attempt as cancelled', async () => {
    const { input, calls, state } = setup();
    const pending = input.apply('SAVE10');
    calls[0]?.reject(new DOMException('Cancelled', 'AbortError'));
    expect(await pending).toMatchObject({ status: 'cancelled' });
    expect(state().attempt).toBeNull();
    // Not stuck: the next apply starts a new check.
    void input.apply('SAVE10');
    expect(calls).toHaveLength(2);
  });

  it('removing a code cancels a stacked check that would bring it back', async () => {
    const onRemoved = vi.fn();
    const { input, calls, state } = setup({ stacking: true, defaultCodes: ['SAVE10'], onRemoved });
    const pending = input.apply('PERCENT15');
    expect(calls[0]?.codes).toEqual(['SAVE10', 'PERCENT15']);
    input.remove('save10');
    expect(calls[0]?.signal.aborted).toBe(true);
    expect(onRemoved).toHaveBeenCalledWith('SAVE10');
    calls[0]?.resolve(valid(['SAVE10', 'PERCENT15']));
    expect((await pending).status).toBe('cancelled');
    expect(state().codes).toEqual([]);
    expect(state().announcement).toMatchObject({ key: 'removed', code: 'SAVE10' });
  });

  it('remove() removes the last code; removing what is not applied does nothing', () => {
    const onRemoved = vi.fn();
    const { input, state, notified } = setup({ defaultCodes: ['A', 'B'], stacking: true, onRemoved });
    input.remove('C');
    expect(notified).not.toHaveBeenCalled();
    input.remove();
    expect(state().codes).toEqual(['A']);
    expect(onRemoved).toHaveBeenCalledWith('B');
  });

  it('a stop that outlasts the task cancels the check; a stop followed by a start in the same task (StrictMode) does not', async () => {
    const onApplied = vi.fn();
    const { input, calls, validate } = setup({ initialCode: 'SAVE10', onApplied });
    const stop = input.mount();
    stop();
    const stopAgain = input.mount();
    await Promise.resolve();
    expect(validate).toHaveBeenCalledTimes(1);
    expect(calls[0]?.signal.aborted).toBe(false);
    calls[0]?.resolve(valid(['SAVE10']));
    await settle();
    expect(onApplied).toHaveBeenCalledTimes(1);

    const pending = input.apply('PERCENT15');
    stopAgain();
    await Promise.resolve();
    expect(calls[1]?.signal.aborted).toBe(true);
    calls[1]?.resolve(valid(['PERCENT15']));
    expect(await pending).toMatchObject({ status: 'cancelled' });
    expect(onApplied).toHaveBeenCalledTimes(1);
  });
});

describe('createVoucherInput: controlled and uncontrolled codes', () => {
  it('controlled: asks through onCodesChange; between the change and its render the change counts, then the rendered list wins', async () => {
    const onCodesChange = vi.fn();
    const options = { codes: [] as string[], onCodesChange };
    const { input, calls, validate } = setup(options);
    const first = input.apply('SAVE10');
    calls[0]?.resolve(valid(['SAVE10']));
    await first;
    expect(onCodesChange).toHaveBeenLastCalledWith(['SAVE10']);
    // Not rendered yet: the change is what counts.
    expect(await input.apply('SAVE10')).toMatchObject({ status: 'rejected', rejection: { key: 'already_applied' } });
    // The owner rendered its own list without the change: that list wins.
    input.setOptions({ ...options, validate, codes: [] });
    void input.apply('SAVE10');
    expect(validate).toHaveBeenCalledTimes(2);
    expect(calls[1]?.codes).toEqual(['SAVE10']);
  });

  it('uncontrolled: starts from defaultCodes (trimmed, blanks dropped) and keeps its own list', async () => {
    const { input, calls, state } = setup({ defaultCodes: [' SAVE10 ', ''], stacking: true });
    expect(state()).toMatchObject({ codes: ['SAVE10'], status: 'applied' });
    const pending = input.apply('PERCENT15');
    calls[0]?.resolve(valid(['SAVE10', 'PERCENT15']));
    await pending;
    expect(state().codes).toEqual(['SAVE10', 'PERCENT15']);
  });

  it('without stacking a new code replaces the applied one', async () => {
    const { input, calls, state } = setup({ defaultCodes: ['SAVE10'] });
    const pending = input.apply('PERCENT15');
    expect(calls[0]?.codes).toEqual(['PERCENT15']);
    calls[0]?.resolve(valid(['PERCENT15']));
    await pending;
    expect(state().codes).toEqual(['PERCENT15']);
  });

  it('initialCode is applied once on mount, and skipped when already applied in another letter case', () => {
    const first = setup({ initialCode: 'SAVE10' });
    expect(first.state().isOpen).toBe(true);
    first.input.mount();
    first.input.mount();
    expect(first.validate).toHaveBeenCalledTimes(1);
    const second = setup({ initialCode: ' save10', defaultCodes: ['SAVE10'] });
    second.input.mount();
    expect(second.validate).not.toHaveBeenCalled();
    expect(second.state().attempt).toBeNull();
  });

  it('reset returns to the start: nothing typed, no attempt, the default codes', async () => {
    const { input, calls, state } = setup({ defaultCodes: ['SAVE10'] });
    input.type('EXPIRED');
    const pending = input.apply();
    input.reset();
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.resolve(expired('EXPIRED'));
    expect(await pending).toMatchObject({ status: 'cancelled' });
    expect(state()).toMatchObject({ value: '', attempt: null, codes: ['SAVE10'], announcement: null, isOpen: false });
  });

  it('open asks for focus on the input; close only closes', () => {
    const { input, state } = setup();
    expect(state().isOpen).toBe(false);
    input.open();
    expect(state()).toMatchObject({ isOpen: true, focus: { target: 'input' } });
    const request = state().focus;
    input.close();
    expect(state()).toMatchObject({ isOpen: false });
    expect(state().focus).toBe(request);
    input.open();
    expect(state().focus).not.toBe(request);
  });
});

describe('createVoucherInput: timing (fake timers)', () => {
  it('announces "checking" only once a check has taken a second', async () => {
    vi.useFakeTimers();
    const { input, state } = setup();
    void input.apply('SAVE10');
    vi.advanceTimersByTime(999);
    expect(state().announcement).toBeNull();
    vi.advanceTimersByTime(1);
    expect(state().announcement).toMatchObject({ key: 'checking', count: 1 });
  });

  it('a quick answer says nothing about checking', async () => {
    vi.useFakeTimers();
    const { input, calls, state } = setup();
    const pending = input.apply('SAVE10');
    calls[0]?.resolve(valid(['SAVE10']));
    await pending;
    vi.advanceTimersByTime(5000);
    expect(state().announcement?.key).toBe('applied');
  });

  it('debounces inputs changes; equal content (the same key) is no change; apply checks against the latest at once', async () => {
    vi.useFakeTimers();
    const first = { order: { amount: 4000 } };
    const { input, calls, state } = setup({ inputs: first, debounceMs: 300 });
    input.setInputs(first, 'a');
    input.setInputs({ order: { amount: 4000 } }, 'a');
    vi.advanceTimersByTime(1000);
    expect(state().inputs).toBe(first);
    const next = { order: { amount: 5000 } };
    input.setInputs(next, 'b');
    vi.advanceTimersByTime(299);
    expect(state().inputs).toBe(first);
    vi.advanceTimersByTime(1);
    expect(state().inputs).toBe(next);
    const latest = { order: { amount: 6000 } };
    input.setInputs(latest, 'c');
    void input.apply('SAVE10');
    expect(calls[0]?.inputs).toBe(latest);
    expect(state().inputs).toBe(latest);
  });
});

describe('createVoucherInput: re-checks of the applied codes', () => {
  it('announces a code that stops applying, and again when it applies once more; the status follows', () => {
    const { input, state } = setup({ defaultCodes: ['MIN50'], inputs: { order: { amount: 4000 } } });
    input.check(['MIN50'], undefined, null);
    input.check(['MIN50'], valid(['MIN50']), null);
    expect(state().announcement).toBeNull();
    input.check(['MIN50'], expired('MIN50', { key: 'order_rules_violated', message: 'minimum 5000' }), null);
    expect(state().status).toBe('rejected');
    expect(state().announcement).toMatchObject({ key: 'rejected', code: 'MIN50', rejection: { key: 'order_rules_violated' }, order: { amount: 4000 } });
    input.check(['MIN50'], valid(['MIN50']), null);
    expect(state().status).toBe('applied');
    expect(state().announcement).toMatchObject({ key: 'applied', code: 'MIN50', codes: ['MIN50'] });
  });

  it('a failed re-check turns the status to error; removal names the code as the server spelt it', () => {
    const { input, state } = setup({ defaultCodes: ['save10'] });
    input.check(['save10'], valid(['SAVE10']), new VoucherifyError({ kind: 'network', message: 'offline' }));
    expect(state().status).toBe('error');
    input.remove('SAVE10');
    expect(state().announcement).toMatchObject({ key: 'removed', code: 'SAVE10' });
    expect(state().status).toBe('idle');
  });
});

describe('createVoucherInput against the sandbox', () => {
  function sandboxInput(options: Partial<VoucherInputOptions> = {}) {
    const sandbox = sandboxClient();
    const input = createVoucherInput({
      validate: (codes, signal, inputs) => sandbox.client.validate({ codes, ...inputs, signal }),
      inputs: { order: { amount: 4000 } },
      ...options,
    });
    return { ...sandbox, input };
  }

  it('applies SAVE10 with the server totals, then refuses EXPIRED with its reason', async () => {
    const { input, requests } = sandboxInput();
    const applied = await input.apply('SAVE10');
    expect(applied.status).toBe('applied');
    if (applied.status !== 'applied') throw new Error('expected applied');
    expect(applied.result.order).toMatchObject({ amount: 4000, totalDiscountAmount: 1000, totalAmount: 3000 });
    expect(input.getSnapshot().codes).toEqual(['SAVE10']);
    const refused: ApplyOutcome = await input.apply('EXPIRED');
    expect(refused).toMatchObject({ status: 'rejected', rejection: { key: 'voucher_expired' } });
    expect(input.getSnapshot().codes).toEqual(['SAVE10']);
    expect(requests).toHaveLength(2);
  });

  it("a new shopper's first apply sends exactly one request, with timers never advanced", async () => {
    vi.useFakeTimers();
    const { input, requests, body } = sandboxInput();
    const outcome = await input.apply('PERCENT15');
    expect(outcome.status).toBe('applied');
    expect(requests).toHaveLength(1);
    expect(await body()).toMatchObject({ redeemables: [{ object: 'voucher', id: 'PERCENT15' }], order: { amount: 4000 } });
  });
});

describe('createVoucherInput: the commit port', () => {
  it('lands the answer through the port of the options the check was asked with, settling inside it', async () => {
    const landed: string[] = [];
    const { input, calls, state } = setup({
      commit: (result, run) => {
        landed.push(`asked:${result.codes.join()}`);
        expect(state().status).toBe('validating');
        run();
        expect(state().status).toBe('applied');
      },
    });
    const pending = input.apply('SAVE10');
    // Newer options (a later render) arrive while the check is out: their port is for the checks they ask.
    input.setOptions({ validate: vi.fn(), commit: () => landed.push('later') });
    calls[0]?.resolve(valid(['SAVE10']));
    expect(await pending).toMatchObject({ status: 'applied', code: 'SAVE10' });
    expect(landed).toEqual(['asked:SAVE10']);
  });
});

describe('voucherInputStatus, the one status formula', () => {
  it('the attempt first, then a refused code, then a failed re-check, then applied or idle', () => {
    const failed = new VoucherifyError({ kind: 'network', message: 'offline' });
    expect(voucherInputStatus({ status: 'validating', code: 'X' }, ['EXPIRED'], expired('EXPIRED'), failed)).toBe('validating');
    expect(voucherInputStatus(null, ['SAVE10', 'EXPIRED'], expired('EXPIRED'), failed)).toBe('rejected');
    expect(voucherInputStatus(null, ['SAVE10'], valid(['SAVE10']), failed)).toBe('error');
    expect(voucherInputStatus(null, ['save10'], valid(['SAVE10']), null)).toBe('applied');
    // No answer yet: the codes stand as applied until the re-check says otherwise.
    expect(voucherInputStatus(null, ['SAVE10'], undefined, null)).toBe('applied');
    expect(voucherInputStatus(null, [], expired('EXPIRED'), failed)).toBe('idle');
  });

  it('is what the machine snapshot says for the same codes and answer', () => {
    const { input, state } = setup({ defaultCodes: ['EXPIRED'] });
    for (const [result, error] of [
      [expired('EXPIRED'), null],
      [undefined, new VoucherifyError({ kind: 'network', message: 'offline' })],
      [valid(['EXPIRED']), null],
    ] as const) {
      input.check(['EXPIRED'], result, error);
      expect(state().status).toBe(voucherInputStatus(null, ['EXPIRED'], result, error));
    }
  });
});

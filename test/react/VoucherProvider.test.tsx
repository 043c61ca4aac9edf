import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createTracker, createVoucherifyClient, useValidate, useVoucherify, VoucherField, VoucherProvider, type VoucherProviderProps } from 'voucherkit';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { COOKIE, Providers, recordValidationRequests, sandbox, setupSandboxServer, statusText, validations } from './harness.js';

setupSandboxServer();

const STORED = 'track_9B0kB92+bJa8a+PegaWREw==';
const cookieValue = () =>
  document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);

function Probe({ code, onState, onRender }: { code?: string; onState?: (state: ReturnType<typeof useVoucherify>) => void; onRender?: () => void }) {
  onRender?.();
  const state = useVoucherify();
  useValidate(code ?? null, { order: { amount: 4000 } });
  onState?.(state);
  return <output data-testid="tracking">{state.trackingId ?? 'none'}</output>;
}

function renderProbe(props: Partial<VoucherProviderProps> & { code?: string; onRender?: () => void } = {}) {
  const { code, onRender, ...provider } = props;
  const queryClient = new QueryClient();
  const states: Array<ReturnType<typeof useVoucherify>> = [];
  const ui = (extra: Partial<VoucherProviderProps> = {}, nextCode = code) => (
    <Providers queryClient={queryClient} {...provider} {...extra}>
      <Probe code={nextCode} onState={(state) => states.push(state)} onRender={onRender} />
    </Providers>
  );
  const result = render(ui());
  return {
    ...result,
    states,
    queryClient,
    rerenderWith: (extra: Partial<VoucherProviderProps>, nextCode?: string) => result.rerender(ui({ ...provider, ...extra }, nextCode ?? code)),
  };
}

describe('misuse throws with the fix', () => {
  it('useVoucherify outside the provider names the hook and the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useVoucherify())).toThrow(
      'useVoucherify() must be used inside <VoucherProvider>. Wrap the part of your app that calls useVoucherify() in <VoucherProvider clientApplicationId="…" clientToken="…">.',
    );
    expect(() => render(<VoucherField />)).toThrow(/useVoucherInput\(\) must be used inside <VoucherProvider>/);
  });

  it('missing keys throw a TypeError that says where the keys are', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<VoucherProvider clientApplicationId="" clientToken="x" />)).toThrow(/Client-side Settings/);
  });

  it.each([0, -5, Number.NaN])('cookie.maxAgeDays %s throws a TypeError naming the option when the provider is created', (maxAgeDays) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Providers cookie={{ maxAgeDays }} />)).toThrow(/cookie\.maxAgeDays/);
    expect(document.cookie).toBe('');
  });

  it('components carry display names', () => {
    expect(VoucherProvider.displayName).toBe('VoucherProvider');
    expect(VoucherField.displayName).toBe('VoucherField');
  });
});

describe('tracking id, cookie and consent (P1, P2, P4, P5)', () => {
  it('nothing reads the cookie during the first render; it is read after mount and sent as tracking_id', async () => {
    document.cookie = `${COOKIE}=${encodeURIComponent(STORED)}; Path=/`;
    const getter = vi.spyOn(document, 'cookie', 'get');
    const readsAtRender: number[] = [];
    const recorder = recordValidationRequests();
    const { states } = renderProbe({ code: 'SAVE10', onRender: () => readsAtRender.push(getter.mock.calls.length) });
    expect(states[0]?.trackingId).toBeNull();
    expect(readsAtRender[0]).toBe(0);
    await waitFor(() => expect(screen.getByTestId('tracking').textContent).toBe(STORED));
    expect(getter).toHaveBeenCalled();
    await waitFor(() => expect(recorder.requests.length).toBeGreaterThan(0));
    const bodies = await recorder.bodies();
    expect(bodies.at(-1)?.tracking_id).toBe(STORED);
    recorder.stop();
  });

  it('with consent (the default) the adopted id is written URI-encoded to voucherify_tracking_id', async () => {
    renderProbe({ code: 'SAVE10' });
    await waitFor(() => expect(screen.getByTestId('tracking').textContent).toMatch(/^track_/));
    const id = screen.getByTestId('tracking').textContent ?? '';
    expect(cookieValue()).toBe(encodeURIComponent(id));
  });

  it('consent false: no cookie is written, the id lives in memory and travels with the next validation', async () => {
    const recorder = recordValidationRequests();
    const { rerenderWith } = renderProbe({ code: 'SAVE10', consent: false });
    await waitFor(() => expect(screen.getByTestId('tracking').textContent).toMatch(/^track_/));
    const id = screen.getByTestId('tracking').textContent;
    rerenderWith({}, 'PERCENT15');
    await waitFor(() => expect(recorder.requests).toHaveLength(2));
    const [first, second] = await recorder.bodies();
    expect(first?.tracking_id).toBeUndefined();
    expect(second?.tracking_id).toBe(id);
    expect(document.cookie).toBe('');
    recorder.stop();
  });

  it('consent false at mount deletes a cookie from an earlier visit without using it', async () => {
    document.cookie = `${COOKIE}=${encodeURIComponent(STORED)}; Path=/`;
    renderProbe({ consent: false });
    await waitFor(() => expect(document.cookie).toBe(''));
    expect(screen.getByTestId('tracking').textContent).toBe('none');
  });

  it('withdrawing consent deletes the cookie at once and keeps the id in memory; granting writes it again', async () => {
    const { rerenderWith } = renderProbe({ code: 'SAVE10' });
    await waitFor(() => expect(cookieValue()).toMatch(/^track_/));
    const id = screen.getByTestId('tracking').textContent ?? '';
    rerenderWith({ consent: false });
    await waitFor(() => expect(document.cookie).toBe(''));
    expect(screen.getByTestId('tracking').textContent).toBe(id);
    rerenderWith({ consent: true });
    await waitFor(() => expect(cookieValue()).toBe(encodeURIComponent(id)));
  });

  it('initialTrackingId (read on the server) is what the first render shows', () => {
    const { states } = renderProbe({ initialTrackingId: STORED });
    expect(states[0]?.trackingId).toBe(STORED);
    expect(screen.getByTestId('tracking').textContent).toBe(STORED);
  });

  it('consent false: initialTrackingId is not rendered, not sent, not stored, and not restored when consent is granted', async () => {
    const recorder = recordValidationRequests();
    const { states, rerenderWith } = renderProbe({ code: 'SAVE10', consent: false, initialTrackingId: STORED });
    expect(states[0]?.trackingId).toBeNull();
    expect(screen.getByTestId('tracking').textContent).toBe('none');
    await waitFor(() => expect(recorder.requests.length).toBeGreaterThan(0));
    const [first] = await recorder.bodies();
    expect(first?.tracking_id).toBeUndefined();
    expect(document.cookie).toBe('');
    rerenderWith({ consent: true }, 'PERCENT15');
    await waitFor(() => expect(recorder.requests.length).toBeGreaterThan(1));
    const bodies = await recorder.bodies();
    expect(bodies.map((body) => body.tracking_id)).not.toContain(STORED);
    expect(states.map((state) => state.trackingId)).not.toContain(STORED);
    expect(decodeURIComponent(document.cookie)).not.toContain(STORED);
    recorder.stop();
  });

  it('identity prop: sent so VIP rules match; only the hashed id reaches the cookie', async () => {
    const user = userEvent.setup();
    render(
      <Providers queryClient={new QueryClient()} identity="vip@example.com" currency="GBP" locale="en-GB">
        <VoucherField hideToggle order={{ amount: 4000 }} />
      </Providers>,
    );
    await user.type(screen.getByRole('textbox', { name: 'Promo code' }), 'VIPONLY{Enter}');
    await waitFor(() => expect(statusText()).toBe('VIPONLY applied: 20% off, you save £8.00'));
    await waitFor(() => expect(cookieValue()).toMatch(/^track_/));
    expect(decodeURIComponent(cookieValue() ?? '')).not.toContain('vip@example.com');
  });

  it('setIdentity and clearIdentity through useVoucherify', async () => {
    const { result } = renderHook(() => useVoucherify(), { wrapper: ({ children }) => <Providers>{children}</Providers> });
    act(() => result.current.setIdentity('shopper-42'));
    await waitFor(() => expect(result.current.identity).toBe('shopper-42'));
    expect(result.current.consent).toBe(true);
    act(() => result.current.clearIdentity());
    await waitFor(() => expect(result.current.identity).toBeNull());
  });
});

describe('QueryClient and client injection', () => {
  it("reuses the app's QueryClient from QueryClientProvider", async () => {
    const appClient = new QueryClient();
    function Child() {
      useValidate('SAVE10', { order: { amount: 4000 } });
      return null;
    }
    render(
      <QueryClientProvider client={appClient}>
        <VoucherProvider clientApplicationId={SANDBOX_KEYS.clientApplicationId} clientToken={SANDBOX_KEYS.clientToken}>
          <Child />
        </VoucherProvider>
      </QueryClientProvider>,
    );
    await waitFor(() =>
      expect(
        appClient
          .getQueryCache()
          .findAll({ queryKey: ['voucherkit'] })
          .some((q) => q.state.status === 'success'),
      ).toBe(true),
    );
  });

  it('owns a QueryClient when there is none, and uses an injected core client and its tracker', async () => {
    const tracker = createTracker({ consent: false });
    const client = createVoucherifyClient({ clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken, tracker });
    const { result } = renderHook(() => ({ voucherify: useVoucherify(), query: useValidate('SAVE10', { order: { amount: 4000 } }) }), {
      wrapper: ({ children }) => (
        <VoucherProvider clientApplicationId="ignored" clientToken="ignored" client={client}>
          {children}
        </VoucherProvider>
      ),
    });
    await waitFor(() => expect(result.current.query.data?.valid).toBe(true));
    expect(result.current.voucherify.client).toBe(client);
    await waitFor(() => expect(result.current.voucherify.trackingId).toBe(tracker.getSnapshot().trackingId));
    expect(validations()).toBe(1);
  });
});

describe('effects', () => {
  it('the provider does not re-create the client on re-render', () => {
    const seen = new Set<unknown>();
    function Spy() {
      const { client } = useVoucherify();
      useEffect(() => {
        seen.add(client);
      });
      return null;
    }
    const { rerender } = render(
      <Providers>
        <Spy />
      </Providers>,
    );
    rerender(
      <Providers locale="de-DE">
        <Spy />
      </Providers>,
    );
    expect(seen.size).toBe(1);
    expect(sandbox.state.requests).toHaveLength(0);
  });
});

// Matrix rows on the tracking cookie and consent, in Chromium's real cookie jar: what a shopper who edits the
// cookie can make the field send, what consent changes do to the cookie, and whose id a late answer leaves there.
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { VoucherField, VoucherProvider, type VoucherProviderProps } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import { did, saw } from './rowMeta.js';

const COOKIE = 'voucherify_tracking_id';
const sandbox = createSandbox();
const worker = setupWorker(...sandboxHandlers(sandbox));

/** Each row is a generation: a request a row left on the wire is answered into no later row's lists. */
let generation = 0;
const startedIn = new Map<string, number>();
/** Validation bodies as the browser sent them. */
const sent: string[] = [];
worker.events.on('request:start', async ({ request, requestId }) => {
  if (new URL(request.url).pathname !== '/client/v1/validations') return;
  startedIn.set(requestId, generation);
  sent.push(await request.clone().text());
});
/** Each validation answered: the id it was sent with, and the id the sandbox issued for it. */
const answered: Array<{ sent: string | null; issued: string | null }> = [];
worker.events.on('response:mocked', async ({ request, requestId, response }) => {
  if (new URL(request.url).pathname !== '/client/v1/validations' || startedIn.get(requestId) !== generation) return;
  const [body, answer] = (await Promise.all([request.clone().json(), response.clone().json()])) as Array<{ tracking_id?: string }>;
  answered.push({ sent: body?.tracking_id ?? null, issued: answer?.tracking_id ?? null });
});

beforeAll(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
afterEach(() => {
  cleanup();
  generation += 1;
  sandbox.reset();
  sent.length = 0;
  answered.length = 0;
  document.cookie = `${COOKIE}=; Max-Age=0; Path=/`;
});
afterAll(() => worker.stop());

function mount(provider: Partial<VoucherProviderProps> = {}) {
  const queryClient = new QueryClient();
  const ui = (props: Partial<VoucherProviderProps>) => (
    <VoucherProvider
      clientApplicationId={SANDBOX_KEYS.clientApplicationId}
      clientToken={SANDBOX_KEYS.clientToken}
      queryClient={queryClient}
      currency="GBP"
      locale="en-GB"
      {...props}
    >
      <VoucherField hideToggle stacking order={{ amount: 4000 }} />
    </VoucherProvider>
  );
  const view = render(ui(provider));
  return { rerender: (props: Partial<VoucherProviderProps>) => view.rerender(ui({ ...provider, ...props })) };
}

const textbox = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });
const cookieValue = () =>
  document.cookie
    .split('; ')
    .find((part) => part.startsWith(`${COOKIE}=`))
    ?.slice(COOKIE.length + 1);
const shownText = () => (document.querySelector('.voucher-field__error')?.textContent ?? '').replace(/^Error:\s*/, '').trim();

/** Applies `code` and waits for its verdict: a chip or an error text. */
async function apply(code: string): Promise<string> {
  await userEvent.fill(textbox(), code);
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(screen.queryByRole('button', { name: `Remove code ${code}` }) ?? (shownText() || null)).not.toBeNull(), { timeout: 5_000 });
  return screen.queryByRole('button', { name: `Remove code ${code}` }) ? `${code} applied` : `"${shownText()}"`;
}

/** What the last validation sent as the customer. */
const sentCustomer = () => {
  const body = JSON.parse(sent.at(-1) ?? '{}') as { customer?: { source_id?: string } };
  return body.customer?.source_id ?? null;
};

describe('cookies a shopper can write', () => {
  const refused = [
    { row: 'cookie: tampered', value: 'track_9B0kB92+bJa8a!PegaWREw==', note: 'an issued-looking id with a character outside the alphabet' },
    { row: 'cookie: oversized', value: `track_${'A'.repeat(300)}`, note: 'track_ + 300 characters (over 256)' },
    { row: 'cookie: forged', value: 'vip%40example.com', note: "the VIP customer's e-mail, to claim VIPONLY" },
    { row: 'cookie: mis-encoded', value: 'track_%E0%A4%A', note: 'a broken percent-encoding' },
  ];
  for (const { row, value, note } of refused) {
    it(row, async (context) => {
      did(context, `cookie ${COOKIE}=${value.length > 40 ? `${value.slice(0, 40)}…` : value} (${note}); applied VIPONLY, then SAVE10`);
      document.cookie = `${COOKIE}=${value}; Path=/`;
      mount();
      const vip = await apply('VIPONLY');
      const vipCustomer = sentCustomer();
      const save = await apply('SAVE10');
      const raw = sent.join('\n');
      const decoded = (() => {
        try {
          return decodeURIComponent(value);
        } catch {
          return value;
        }
      })();
      saw(
        context,
        `VIPONLY: ${vip}; SAVE10: ${save}; customer sent: ${vipCustomer === null ? 'none' : JSON.stringify(vipCustomer)}; cookie now: ${cookieValue()?.slice(0, 40) ?? 'absent'}`,
      );
      expect(vip).toBe(`"VIPONLY isn't available for your account"`);
      expect(save).toBe('SAVE10 applied');
      expect(raw).not.toContain(decoded);
      expect(raw).not.toContain(value);
    });
  }

  it('cookie: minted', async (context) => {
    const minted = 'track_MadeUpByTheShopper0123456789==';
    did(context, `cookie ${COOKIE}=${minted} (well-formed, never issued); applied VIPONLY, then SAVE10`);
    document.cookie = `${COOKIE}=${encodeURIComponent(minted)}; Path=/`;
    mount();
    const vip = await apply('VIPONLY');
    const customer = sentCustomer();
    const save = await apply('SAVE10');
    saw(
      context,
      `sent as customer.source_id: ${String(customer)}; VIPONLY: ${vip}; SAVE10: ${save}; cookie now: ${cookieValue() ? decodeURIComponent(cookieValue() ?? '') : 'absent'} (echoed unchanged: an unknown id is nobody, it grants nothing)`,
    );
    expect(customer).toBe(minted);
    // Issue 10 defect 13: the sandbox echoes an unknown well-formed id unchanged, so the cookie keeps it.
    expect(decodeURIComponent(cookieValue() ?? '')).toBe(minted);
    expect(vip).toBe(`"VIPONLY isn't available for your account"`);
    expect(save).toBe('SAVE10 applied');
  });
});

describe('consent', () => {
  it('consent denied, granted, revoked', async (context) => {
    did(context, 'consent={false}, apply SAVE10; rerender consent={true}; rerender consent={false}');
    const view = mount({ consent: false });
    await apply('SAVE10');
    const denied = cookieValue();
    view.rerender({ consent: true });
    await waitFor(() => expect(cookieValue()).toBeDefined());
    const granted = decodeURIComponent(cookieValue() ?? '');
    view.rerender({ consent: false });
    await waitFor(() => expect(cookieValue()).toBeUndefined());
    const revoked = cookieValue();
    saw(context, `denied: cookie ${denied ?? 'absent'}; granted: cookie ${granted.slice(0, 30)}…; revoked: cookie ${revoked ?? 'deleted'}`);
    expect(denied).toBeUndefined();
    expect(granted).toMatch(/^track_[A-Za-z0-9+/_-]+={0,2}$/);
    expect(revoked).toBeUndefined();
  });
});

describe('identity', () => {
  it('a late answer crosses a sign-in', async (context) => {
    const [vip, next] = ['vip@example.com', 'next@example.com'];
    did(context, `identity=${vip}, apply VIPONLY with a 300 ms answer; rerender identity=${next} while it is on the wire`);
    const view = mount({ identity: vip });
    sandbox.setFaults({ kind: 'latency', ms: 300, times: 1, path: '/client/v1/validations' });
    await userEvent.fill(textbox(), 'VIPONLY');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    view.rerender({ identity: next });
    await waitFor(() => expect(answered.length).toBeGreaterThan(0), { timeout: 5_000 });
    // Then the check of the applied code for the next shopper (a cache hit of the VIP's answer sends none). Bounded
    // generously: on a loaded 2-core machine the re-check's round trip took longer than 2 s.
    await waitFor(() => expect(answered).toHaveLength(2), { timeout: 8_000 }).catch(() => undefined);
    await waitFor(() => expect(cookieValue()).toBeDefined());
    const cookie = decodeURIComponent(cookieValue() ?? '');
    // Each shopper's id is the one issued to that shopper's own request: a request another row left behind (a
    // retry of its query, sent with that row's id) may be answered first, and its id is not the VIP's.
    const vipId = answered.find((a) => a.sent === vip)?.issued;
    const nextId = answered.find((a) => a.sent === next)?.issued;
    saw(
      context,
      `sent as: ${answered.map((a) => a.sent).join(', ')} (the applied code checked again for the new shopper); cookie now: ${cookie === vipId ? "the VIP's id" : cookie === nextId ? "the next shopper's id" : cookie || 'absent'}`,
    );
    expect(vipId).toMatch(/^track_/);
    expect(cookie).not.toBe(vipId);
    // The shoppers' own requests, in order. A request sent with a cookie id another row's late answer left behind
    // (seen on loaded CI runs, before the VIP's) is not this row's question; the VIP's id must never be sent after the
    // sign-in, and that is checked on every request.
    expect(answered.map((a) => a.sent).filter((id) => id === vip || id === next)).toEqual([vip, next]);
    expect(answered.map((a) => a.sent)).not.toContain(vipId);
    expect(cookie).toBe(nextId);
  });
});

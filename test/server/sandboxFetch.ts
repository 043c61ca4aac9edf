// Connects the server helper to a sandbox's fetch handler directly (no network), and keeps a copy of every
// request it forwarded so tests can read what actually went over the wire. Nothing is answered here.
import { createSandbox, SANDBOX_KEYS, type Sandbox, type SandboxOptions } from 'voucherkit/sandbox';
import { createVoucherifyServer } from 'voucherkit/server';
import { recordSandbox, type SentRequest } from '../support/recordSandbox.js';

export type { SentRequest } from '../support/recordSandbox.js';

export function sandboxFetch(sandbox: Sandbox): { fetch: typeof globalThis.fetch; sent: SentRequest[] } {
  const { fetch, sent } = recordSandbox(sandbox);
  return { fetch, sent };
}

/** The child redemptions (one per redeemed code) the sandbox has recorded. */
export function redeemedCodes(sandbox: Sandbox): string[] {
  return [...sandbox.state.redemptions.values()]
    .filter((record) => record.object === 'redemption' && record.related_object_type === 'voucher')
    .map((record) => String((record.voucher as { code?: string } | undefined)?.code ?? record.related_object_id));
}

/** A fresh sandbox and a server helper wired to it, with the requests it sent. */
export function sandboxServer(options?: SandboxOptions) {
  const sandbox = createSandbox(options);
  const wire = sandboxFetch(sandbox);
  const server = createVoucherifyServer({ ...SANDBOX_KEYS, apiUrl: 'https://sandbox.test', fetch: wire.fetch });
  return { sandbox, sent: wire.sent, server };
}

/** How many redeems (POST /v1/redemptions) went over the wire. */
export const redeemCalls = (sent: SentRequest[]) => sent.filter((request) => request.url.pathname === '/v1/redemptions').length;

/** A checkout's redeem params: one code on a 60.00 order, no browser tracking id. */
export const checkout = (orderId: string, code = 'SAVE10') => ({ code, trackingId: null, order: { source_id: orderId, amount: 6000 } });

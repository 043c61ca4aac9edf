// Browser commands (run in Node, called from Chromium) for test/browser/promotions.browser.test.tsx: one loopback
// sandbox the page validates against, and voucherkit/server's redeem against that same sandbox, which a browser
// must never run (it holds the secret key).
import type { BrowserCommand } from 'vitest/node';
import type { Order } from '../../../src/core/index.js';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from '../../../src/sandbox/index.js';
import { createVoucherifyServer } from '../../../src/server/index.js';

let server: Promise<SandboxServer> | undefined;
const running = () => (server ??= startSandboxServer());

/** What the page learns of the server's redeem. */
export interface PromotionRedeemOutcome {
  total: number | null;
  mismatch: { expected: number; redeemed: number | null } | null;
  redeemed: string[];
}

const promotionSandbox: BrowserCommand<[]> = async () => ({ url: (await running()).url });
const promotionSandboxCount: BrowserCommand<[path: string]> = async (_context, path) =>
  (await running()).sandbox.state.requests.filter((request) => request.path === path).length;
const promotionSandboxReset: BrowserCommand<[]> = async () => {
  (await running()).sandbox.reset();
};
const promotionSandboxClose: BrowserCommand<[]> = async () => {
  const current = server;
  server = undefined;
  await (await current)?.close();
};
const promotionRedeem: BrowserCommand<[params: { codes: string[]; order: Order; expectedTotal: number }]> = async (_context, params) => {
  const voucherify = createVoucherifyServer({ applicationId: SANDBOX_KEYS.applicationId, secretKey: SANDBOX_KEYS.secretKey, apiUrl: (await running()).url });
  const result = await voucherify.redeem({ ...params, promotions: 'auto', trackingId: null });
  return {
    total: result.order?.totalAmount ?? null,
    mismatch: result.totalMismatch ?? null,
    redeemed: result.promotions?.redeemed ?? [],
  } satisfies PromotionRedeemOutcome;
};

/** The commands, for the browser project's `browser.commands`. */
export const promotionCommands = { promotionSandbox, promotionSandboxCount, promotionSandboxReset, promotionSandboxClose, promotionRedeem };

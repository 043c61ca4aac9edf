// voucherkit/sandbox: a Voucherify-compatible API for tests, Storybook, demos and users' own test suites.
// Browser-safe: only startSandboxServer touches Node, and it loads node:http lazily. The MSW handlers live in
// `voucherkit/sandbox/msw`, so this entry works without msw installed (msw is an optional peer).
export { CLIENT_REDEMPTION_DISABLED } from './http/clientRedemption.js';
export { createSandbox } from './createSandbox.js';
export { SANDBOX_KEYS } from './state/sandboxKeys.js';
export { SEED_CODES, SEED_VOUCHERS } from './state/seedVouchers.js';
export type {
  Sandbox,
  SandboxClientKey,
  SandboxCustomer,
  SandboxFault,
  SandboxOptions,
  SandboxRedemptionRecord,
  SandboxServerKey,
  SandboxSession,
  SandboxSessionTtlUnit,
  SandboxState,
  SandboxVoucher,
  SandboxVoucherRules,
} from './types.js';
export { startSandboxServer } from './startSandboxServer.js';
export type { SandboxServer, SandboxServerOptions } from './startSandboxServer.js';

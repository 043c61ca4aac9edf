// voucherkit/sandbox: a Voucherify-compatible API for tests, Storybook, demos and users' own test suites.
// Browser-safe: only startSandboxServer touches Node, and it loads node:http lazily.
export { createSandbox } from './createSandbox.js';
export { SANDBOX_KEYS } from './sandboxKeys.js';
export { SEED_CODES, SEED_VOUCHERS } from './seedVouchers.js';
export type {
  Sandbox,
  SandboxClientKey,
  SandboxCustomer,
  SandboxFault,
  SandboxOptions,
  SandboxRedemptionRecord,
  SandboxServerKey,
  SandboxState,
  SandboxVoucher,
  SandboxVoucherRules,
} from './types.js';
export { sandboxHandlers } from './sandboxHandlers.js';
export type { SandboxHandlersOptions } from './sandboxHandlers.js';
export { startSandboxServer } from './startSandboxServer.js';
export type { SandboxServer, SandboxServerOptions } from './startSandboxServer.js';

import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServer, type Plugin } from 'vite';
import { createSandbox, SANDBOX_KEYS, SEED_CODES, SEED_VOUCHERS, startSandboxServer, type Sandbox, type SandboxVoucher } from 'voucherkit/sandbox';
import { CHECKOUT_SERVER_PLUGIN, type CheckoutServerApi } from './checkoutServerPlugin.js';
import { readDemoEnv, type DemoEnv } from './demoEnv.js';

const configFile = fileURLToPath(new URL('../vite.config.ts', import.meta.url));
const HOST = '127.0.0.1';

// One code with a single use, on top of the seed codes: a declined card must give that use back.
const LAST_USE: SandboxVoucher = {
  code: 'LASTONE',
  type: 'DISCOUNT_VOUCHER',
  discount: { type: 'AMOUNT', amount_off: 500, effect: 'APPLY_TO_ORDER' },
  redemption: { quantity: 1, redeemed_quantity: 0 },
};
const DEMO_CODES = [...SEED_CODES, { code: LAST_USE.code, description: 'AMOUNT: 500 minor units off; one use (a declined card gives it back)' }];

/** Options of `startDemo`. */
export interface StartDemoOptions {
  /** The demo's port; the next free one when taken, any free one with 0. @default 5173 */
  port?: number;
  /** The embedded sandbox's port; any free one when taken. @default 4010 */
  sandboxPort?: number;
  /** Where the VOUCHERIFY_* variables are read from. @default process.env */
  env?: Record<string, string | undefined>;
  /** Vite's log level. @default 'info' */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
  /** Watch files and hot-reload. Off for tests. @default true */
  watch?: boolean;
}

/** A running demo. */
export interface RunningDemo {
  /** The page, e.g. http://127.0.0.1:5173/. */
  url: string;
  /** Where the page and the server send API calls. */
  apiUrl: string;
  /** `sandbox` when the embedded sandbox answers, `voucherify` when the VOUCHERIFY_* variables point at a project. */
  mode: 'sandbox' | 'voucherify';
  /** The codes the embedded sandbox knows; empty for a real project. */
  seedCodes: ReadonlyArray<{ readonly code: string; readonly description: string }>;
  /** The embedded sandbox (its state and `setFaults`, for tests); null for a real project. */
  sandbox: Sandbox | null;
  /** Stops the demo and the sandbox. */
  close(): Promise<void>;
}

async function listenSandbox(port: number, origins: string[]) {
  const sandbox = createSandbox({ allowedOrigins: origins, vouchers: [...SEED_VOUCHERS, LAST_USE] });
  try {
    return await startSandboxServer({ port, host: HOST, sandbox });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw error;
    return startSandboxServer({ port: 0, host: HOST, sandbox });
  }
}

/**
 * Starts the demo checkout (Vite, with its API routes) and, unless the VOUCHERIFY_* variables name a real
 * project, an embedded sandbox that only accepts the demo's origin. Everything binds 127.0.0.1.
 *
 * @example
 * const demo = await startDemo({ port: 0, sandboxPort: 0 })
 * await page.goto(demo.url)
 * await demo.close()
 */
export async function startDemo(options: StartDemoOptions = {}): Promise<RunningDemo> {
  const real = readDemoEnv(options.env ?? process.env);
  const vite = await createServer({
    configFile,
    logLevel: options.logLevel ?? 'info',
    server: { host: HOST, port: options.port ?? 5173, strictPort: false, ...(options.watch === false ? { watch: null, hmr: false } : {}) },
  });
  let sandboxServer: Awaited<ReturnType<typeof listenSandbox>> | null = null;
  try {
    await vite.listen();
    const { port } = vite.httpServer?.address() as AddressInfo;
    const url = `http://${HOST}:${port}/`;
    // The sandbox, like a Voucherify project, accepts client calls only from allowed origins: the demo's.
    if (!real) sandboxServer = await listenSandbox(options.sandboxPort ?? 4010, [`http://${HOST}:${port}`, `http://localhost:${port}`]);
    const env: DemoEnv = real ?? {
      mode: 'sandbox',
      apiUrl: sandboxServer!.url,
      clientApplicationId: SANDBOX_KEYS.clientApplicationId,
      clientToken: SANDBOX_KEYS.clientToken,
      applicationId: SANDBOX_KEYS.applicationId,
      secretKey: SANDBOX_KEYS.secretKey,
    };
    const plugin = vite.config.plugins.find((candidate) => candidate.name === CHECKOUT_SERVER_PLUGIN) as Plugin<CheckoutServerApi> | undefined;
    if (!plugin?.api) throw new Error(`${configFile} does not use the checkout server plugin`);
    plugin.api.setEnv(env);
    const running = sandboxServer;
    return {
      url,
      apiUrl: env.apiUrl,
      mode: env.mode,
      seedCodes: real ? [] : DEMO_CODES,
      sandbox: running?.sandbox ?? null,
      async close() {
        await Promise.allSettled([vite.close(), running?.close()]);
      },
    };
  } catch (error) {
    await Promise.allSettled([vite.close(), sandboxServer?.close()]);
    throw error;
  }
}

import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import type { CheckoutApi } from './checkoutApi.js';
import { readDemoEnv, type DemoEnv } from './demoEnv.js';
import { sendWebResponse, toWebRequest } from './nodeHttp.js';

/** What `startDemo` uses to hand the plugin the keys once the sandbox is up. */
export interface CheckoutServerApi {
  setEnv(env: DemoEnv): void;
}

type ApiModule = typeof import('./checkoutApi.js');

const apiModule = fileURLToPath(new URL('./checkoutApi.ts', import.meta.url));
const routes = new Set(['/api/config', '/api/checkout', '/api/nudges', '/api/welcome-code']);

/** The plugin's name, to find it among a server's plugins. */
export const CHECKOUT_SERVER_PLUGIN = 'voucherkit-demo:checkout-server';

/**
 * The demo's server part as Vite middleware: GET /api/config, POST /api/checkout, /api/nudges and /api/welcome-code. The routes load through
 * Vite's SSR module graph, so `voucherkit/server` resolves through the same aliases as the page. Keys come from
 * `setEnv` (npm start) or else from the VOUCHERIFY_* environment variables.
 *
 * @example
 * export default defineConfig({ plugins: [react(), checkoutServer()] })
 */
export function checkoutServer(): Plugin<CheckoutServerApi> {
  let env: DemoEnv | null = null;
  let cached: { create: ApiModule['createCheckoutApi']; env: DemoEnv; api: CheckoutApi } | null = null;

  async function apiFor(server: ViteDevServer): Promise<CheckoutApi | null> {
    const current = env ?? readDemoEnv(process.env);
    if (!current) return null;
    const { createCheckoutApi } = (await server.ssrLoadModule(apiModule)) as ApiModule;
    // One instance per module version and keys: it holds the placed-orders record.
    if (!cached || cached.create !== createCheckoutApi || cached.env !== current) {
      cached = { create: createCheckoutApi, env: current, api: createCheckoutApi(current) };
    }
    return cached.api;
  }

  return {
    name: CHECKOUT_SERVER_PLUGIN,
    api: {
      setEnv(next) {
        env = next;
      },
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (!routes.has(path)) return next();
        void (async () => {
          const api = await apiFor(server);
          if (!api) {
            const error = 'No Voucherify keys. Start the demo with `npm start` (embedded sandbox) or set the VOUCHERIFY_* variables.';
            return sendWebResponse(res, Response.json({ error }, { status: 503 }));
          }
          const request = await toWebRequest(req);
          const answer =
            path === '/api/config'
              ? api.config()
              : path === '/api/nudges'
                ? await api.nudges(request)
                : path === '/api/welcome-code'
                  ? await api.welcomeCode(request)
                  : await api.checkout(request);
          return sendWebResponse(res, answer);
        })().catch((error: unknown) => {
          server.config.logger.error(`[demo] ${path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          // toWebRequest refuses oversized bodies with a RangeError.
          const status = error instanceof RangeError ? 413 : 500;
          if (!res.headersSent)
            void sendWebResponse(res, Response.json({ error: status === 413 ? 'Request too large.' : 'The demo server failed.' }, { status }));
        });
      });
    },
  };
}

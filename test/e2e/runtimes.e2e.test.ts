// Issue 22: docs/server.md's Fetch handler, as written, on the server runtimes whose bundlers also send the `browser`
// condition: workerd through `wrangler dev` with wrangler's default build settings (no alias, no conditions, no
// nodejs_compat), and Vercel's edge-runtime (EdgeVM) from an esbuild bundle with the edge conditions on the neutral
// platform. Both redeem against the sandbox: the cookie's track_ id becomes customer.source_id, a repeat gets the
// stored result, and a forged cookie names nobody.
//
// wrangler is pinned to 4.86.0 in test/fixtures/runtimes: the last release whose engines accept Node 20 (4.87.0
// and later declare node >= 22).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVoucherifyClient } from 'voucherkit/core';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { createVoucherifyServer } from 'voucherkit/server';
import { markdownBlocks } from '../docs/markdownBlocks.js';
import { assertVoucherkitInstalled, repoRoot, runtimesDir } from './exampleApps.js';

const work = join(runtimesDir, 'node_modules/.e2e-work'); // inside the fixture, so `voucherkit/server` resolves to its install
const block = (file: string, heading: string) => {
  const found = markdownBlocks(repoRoot, file).find((b) => b.heading === heading);
  if (!found) throw new Error(`${file} has no block under "${heading}"`);
  return found.code;
};

/** A free local port (wrangler dev needs one up front). */
function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

let sandbox: SandboxServer;
let env: Record<string, string>;

beforeAll(async () => {
  assertVoucherkitInstalled(runtimesDir); // installed and refreshed by exampleApps.globalSetup.ts
  sandbox = await startSandboxServer();
  env = { VOUCHERIFY_APP_ID: SANDBOX_KEYS.applicationId, VOUCHERIFY_SECRET_KEY: SANDBOX_KEYS.secretKey, VOUCHERIFY_API_URL: sandbox.url };
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  // The README's cart module with a `loadCart` (the reader's own code), and the session lookup the docs' prelude declares.
  const cart = block('README.md', 'The cart these examples use');
  writeFileSync(
    join(work, 'cart.ts'),
    `${cart}\nexport async function loadCart(cartId: string): Promise<Cart> {\n` +
      "  return { id: cartId, orderId: `order_${cartId}`, total: 6_750, items: [{ sku: 'mug', quantity: 1, unitPrice: 6_750 }] };\n}\n",
  );
  writeFileSync(
    join(work, 'session.ts'),
    "export function sessionCartId(request: Request): string | null {\n  return /(?:^|;\\s*)cart_id=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null;\n}\n",
  );
  const checkout = block('docs/server.md', 'One Fetch handler for every Fetch-API runtime (`checkout.ts`)');
  writeFileSync(join(work, 'checkout.ts'), `import { sessionCartId } from './session.js';\n${checkout}\n`);
  writeFileSync(join(work, 'index.ts'), block('docs/server.md', 'Cloudflare Workers (`src/index.ts`)'));
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
});

/** The documented flow against one running app: redeem with the cookie's id, repeat, then a forged cookie. */
function describeFlow(name: string, appUrl: () => string) {
  const voucherify = () => createVoucherifyServer({ applicationId: SANDBOX_KEYS.applicationId, secretKey: SANDBOX_KEYS.secretKey, apiUrl: sandbox.url });
  const checkout = (cookie: string, codes: string[]) =>
    fetch(appUrl(), { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ codes }) });
  type Body = { total: number; customerId: string | null; redemptions: string[] };

  describe(name, () => {
    it('redeems for the customer whose source_id is the cookie’s tracking id, and answers a repeat with the stored result', async () => {
      const client = createVoucherifyClient({
        clientApplicationId: SANDBOX_KEYS.clientApplicationId,
        clientToken: SANDBOX_KEYS.clientToken,
        apiUrl: sandbox.url,
      });
      await client.validate({ code: 'SAVE10', order: { amount: 6_750 } });
      const trackingId = client.tracker.getSnapshot().trackingId!;
      expect(trackingId).toMatch(/^track_/);
      const cookie = `cart_id=${randomUUID()}; voucherify_tracking_id=${encodeURIComponent(trackingId)}`;

      const first = await checkout(cookie, ['SAVE10']);
      const body = (await first.json()) as Body;
      expect(first.status, JSON.stringify(body)).toBe(200);
      expect(body.total).toBe(5_750);
      expect(body.redemptions).toHaveLength(1);
      const customer = await voucherify().customers.get(body.customerId!);
      expect(customer.source_id).toBe(trackingId);

      const repeat = await checkout(cookie, ['SAVE10']);
      expect(repeat.status).toBe(200);
      expect(await repeat.json()).toEqual(body); // the same redemption, not a second one
    });

    it('names nobody when the cookie is forged (an e-mail instead of a track_ id)', async () => {
      const response = await checkout(`cart_id=${randomUUID()}; voucherify_tracking_id=${encodeURIComponent('alice@example.com')}`, ['SAVE10']);
      const body = (await response.json()) as Body;
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.total).toBe(5_750);
      if (body.customerId) expect((await voucherify().customers.get(body.customerId)).source_id).not.toBe('alice@example.com');
    });
  });
}

describe('workerd through wrangler dev (wrangler’s default build)', () => {
  let wrangler: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    const [port, inspectorPort] = [await freePort(), await freePort()];
    writeFileSync(join(work, 'wrangler.json'), JSON.stringify({ name: 'voucherkit-e2e', main: 'index.ts', compatibility_date: '2026-04-01' }));
    const vars = Object.entries(env).flatMap(([key, value]) => ['--var', `${key}:${value}`]);
    const started = Date.now();
    wrangler = spawn(
      process.execPath,
      [
        join(runtimesDir, 'node_modules/wrangler/bin/wrangler.js'),
        'dev',
        '--ip',
        '127.0.0.1',
        '--port',
        String(port),
        '--inspector-port',
        String(inspectorPort),
        ...vars,
      ],
      {
        cwd: work,
        env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NODE_ENV: 'development', HOME: join(work, 'home') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    await new Promise<void>((resolveReady, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (/Ready on http:\/\/127\.0\.0\.1:\d+/.test(output)) resolveReady();
      };
      wrangler!.stdout!.on('data', onData);
      wrangler!.stderr!.on('data', onData);
      wrangler!.on('exit', (code) => reject(new Error(`wrangler dev exited (${code}):\n${output}`)));
    });
    console.log(`wrangler dev ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    url = `http://127.0.0.1:${port}/api/checkout`;
  }, 120_000);
  afterAll(() => {
    wrangler?.kill();
  });
  describeFlow('the docs’ Worker', () => url);
});

describe('Vercel’s edge-runtime (EdgeVM), bundled with the edge conditions on the neutral platform', () => {
  let close: (() => Promise<void>) | undefined;
  let url = '';
  beforeAll(async () => {
    writeFileSync(
      join(work, 'edge.ts'),
      "import { createCheckout } from './checkout.js';\ndeclare const ENV: import('./checkout.js').CheckoutEnv;\n" +
        'const checkout = createCheckout(ENV);\n' +
        "addEventListener('fetch', (event: any) => event.respondWith(checkout(event.request)));\n",
    );
    // No mainFields: the neutral platform reads only `exports`, so cookie must resolve by its file (issue 22).
    const bundled = await build({
      entryPoints: [join(work, 'edge.ts')],
      bundle: true,
      write: false,
      platform: 'neutral',
      conditions: ['edge-light', 'worker', 'browser'],
      format: 'iife',
      define: { ENV: JSON.stringify(env) },
      logLevel: 'silent',
    });
    const code = bundled.outputFiles[0]!.text;
    expect(code).not.toContain('imported into a browser bundle');
    interface EdgeRuntimeModule {
      EdgeRuntime: new (options: { initialCode: string }) => unknown;
      runServer(options: { runtime: unknown; host: string; port: number }): Promise<{ url: string; close(): Promise<void> }>;
    }
    const { EdgeRuntime, runServer } = (await import(join(runtimesDir, 'node_modules/edge-runtime/dist/index.js'))) as EdgeRuntimeModule;
    const server = await runServer({ runtime: new EdgeRuntime({ initialCode: code }), host: '127.0.0.1', port: 0 });
    close = () => server.close();
    url = new URL('/api/checkout', server.url).href;
  }, 60_000);
  afterAll(async () => {
    await close?.();
  });
  describeFlow('the docs’ Fetch handler', () => url);
});

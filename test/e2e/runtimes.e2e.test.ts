// Issue 22: docs/server.md's Fetch handler, as written, on the server runtimes whose bundlers also send the `browser`
// condition: workerd through `wrangler dev` with wrangler's default build settings (no alias, no conditions, no
// nodejs_compat), and Vercel's edge-runtime (EdgeVM) from an esbuild bundle with the edge conditions on the neutral
// platform. Both redeem against the sandbox: the cookie's track_ id becomes customer.source_id, a repeat gets the
// stored result, and a forged cookie names nobody. Deno 2 and Bun run the docs' main.ts and server.ts from their npm
// packages (`deno`, `bun`), whose platform binaries are optionalDependencies fetched from the npm registry; where a
// binary is missing or does not start, their rows are skipped with the reason printed.
//
// wrangler is pinned to 4.86.0 in test/fixtures/runtimes: the last release whose engines accept Node 20 (4.87.0
// and later declare node >= 22).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVoucherifyClient } from 'voucherkit/core';
import { SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { createVoucherifyServer } from 'voucherkit/server';
import { markdownBlocks } from '../docs/markdownBlocks.js';
import { assertVoucherkitInstalled, repoRoot, runtimesDir } from './exampleApps.js';
import { freePort } from '../support/freePort.js';

const work = join(runtimesDir, 'node_modules/.e2e-work'); // inside the fixture, so `voucherkit/server` resolves to its install
const block = (file: string, heading: string) => {
  const found = markdownBlocks(repoRoot, file).find((b) => b.heading === heading);
  if (!found) throw new Error(`${file} has no block under "${heading}"`);
  return found.code;
};

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

    // docs/server.md: a cookie that is not a track_ id reads as null and is never sent, and a redeem without a
    // tracking id still works, linked to no customer.
    it('names nobody when the cookie is forged (an e-mail instead of a track_ id): no source_id, no tracking_id, no customer', async () => {
      const customersBefore = sandbox.sandbox.state.customers.size;
      const response = await checkout(`cart_id=${randomUUID()}; voucherify_tracking_id=${encodeURIComponent('alice@example.com')}`, ['SAVE10']);
      const body = (await response.json()) as Body;
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(body.total).toBe(5_750);
      expect(body.customerId).toBeNull();
      expect(body.redemptions).toHaveLength(1);
      // What reached Voucherify: the sandbox's record of the redemption, with no customer and no tracking id.
      const record = sandbox.sandbox.state.redemptions.get(body.redemptions[0]!);
      expect(record).toMatchObject({ status: 'SUCCEEDED', customer_id: null, tracking_id: null });
      expect(sandbox.sandbox.state.customers.size).toBe(customersBefore);
      expect([...sandbox.sandbox.state.customers.values()].map((customer) => customer.source_id)).not.toContain('alice@example.com');
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

/**
 * A runtime binary from its npm package, or why it cannot run here: the npm package fetches its platform binary as an
 * optionalDependency (or in a postinstall), which fails where that binary or its host is unreachable.
 */
function runtimeBinary(name: 'deno' | 'bun'): { bin: string; skip?: undefined } | { bin?: undefined; skip: string } {
  const bin = join(runtimesDir, 'node_modules/.bin', name);
  if (!existsSync(bin))
    return { skip: `${name}: test/fixtures/runtimes/node_modules/.bin/${name} is missing (npm did not install the ${name} package's platform binary)` };
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  if (version.status !== 0)
    return { skip: `${name} --version failed (${version.status ?? version.signal}): ${(version.error?.message ?? version.stderr).trim()}` };
  console.log(`${name}: ${version.stdout.split('\n')[0]}`);
  return { bin };
}

/** The docs' block with the test's port and the sandbox's URL put in; each replacement must hit, or the docs moved. */
function withTestSettings(code: string, replacements: Array<[string, string]>): string {
  for (const [from, to] of replacements) {
    expect(code, `the docs' block no longer contains ${from}`).toContain(from);
    code = code.replace(from, to);
  }
  return code;
}

/** Starts a server process and waits until it answers on `url` (the handler answers a GET with 405). */
async function startServer(name: string, cwd: string, command: string, args: string[], extraEnv: Record<string, string>, url: string): Promise<ChildProcess> {
  const started = Date.now();
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  while (Date.now() - started < 60_000) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    const answered = await fetch(url).then(
      (response) => response.status === 405,
      () => false,
    );
    if (answered) {
      console.log(`${name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return child;
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  child.kill();
  throw new Error(`${name} did not answer within 60 s:\n${output}`);
}

const deno = runtimeBinary('deno');
if (deno.skip) console.log(`Skipping the Deno 2 rows: ${deno.skip}`);
describe.skipIf(Boolean(deno.skip))('Deno 2 from the npm package `deno` (the docs’ main.ts)', () => {
  let server: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    const port = await freePort();
    // Outside node_modules: Deno strips no types there (ERR_UNSUPPORTED_NODE_MODULES_TYPE_STRIPPING). The fixture's
    // package.json is still the nearest, so `voucherkit/server` resolves to its install as for the others.
    const denoWork = join(runtimesDir, '.e2e-deno');
    rmSync(denoWork, { recursive: true, force: true });
    mkdirSync(denoWork);
    for (const file of ['cart.ts', 'session.ts', 'checkout.ts']) cpSync(join(work, file), join(denoWork, file));
    writeFileSync(
      join(denoWork, 'main.ts'),
      withTestSettings(block('docs/server.md', 'Deno 2 (`main.ts`)'), [
        ['{ port: 8000 }', `{ port: ${port}, hostname: '127.0.0.1' }`],
        [
          "VOUCHERIFY_SECRET_KEY: Deno.env.get('VOUCHERIFY_SECRET_KEY')!",
          "VOUCHERIFY_SECRET_KEY: Deno.env.get('VOUCHERIFY_SECRET_KEY')!, VOUCHERIFY_API_URL: Deno.env.get('VOUCHERIFY_API_URL')",
        ],
      ]),
    );
    url = `http://127.0.0.1:${port}/api/checkout`;
    // The docs' command line; --no-lock so no deno.lock is written into the fixture, and no update check.
    server = await startServer(
      'deno',
      denoWork,
      deno.bin!,
      ['run', '--allow-net', '--allow-env', '--unstable-sloppy-imports', '--no-lock', 'main.ts'],
      { DENO_DIR: join(work, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
      url,
    );
  }, 90_000);
  afterAll(() => {
    server?.kill();
  });
  describeFlow('the docs’ Fetch handler', () => url);
});

const bun = runtimeBinary('bun');
if (bun.skip) console.log(`Skipping the Bun rows: ${bun.skip}`);
describe.skipIf(Boolean(bun.skip))('Bun from the npm package `bun` (the docs’ server.ts)', () => {
  let server: ChildProcess | undefined;
  let url = '';
  beforeAll(async () => {
    const port = await freePort();
    writeFileSync(
      join(work, 'server.ts'),
      withTestSettings(block('docs/server.md', 'Bun (`server.ts`)'), [
        ['port: 3000,', `port: ${port},\n  hostname: '127.0.0.1',`],
        [
          'VOUCHERIFY_SECRET_KEY: process.env.VOUCHERIFY_SECRET_KEY!',
          'VOUCHERIFY_SECRET_KEY: process.env.VOUCHERIFY_SECRET_KEY!, VOUCHERIFY_API_URL: process.env.VOUCHERIFY_API_URL',
        ],
      ]),
    );
    url = `http://127.0.0.1:${port}/api/checkout`;
    server = await startServer('bun', work, bun.bin!, ['run', 'server.ts'], { DO_NOT_TRACK: '1', NO_COLOR: '1' }, url);
  }, 90_000);
  afterAll(() => {
    server?.kill();
  });
  describeFlow('the docs’ Fetch handler', () => url);
});

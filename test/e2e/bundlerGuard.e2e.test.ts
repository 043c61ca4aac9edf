// Issue 12 defect 4: voucherkit/server in client code must fail every bundler's build with a message that says
// the module is server-only, while server-only use that a framework strips from client code still builds.
// Each case is its own tiny app under test/fixtures/bundlers; the Next.js ones borrow examples/next-app's install.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertVoucherkitInstalled, bundlerFixturesDir, nextAppDir, nextBin, run } from './exampleApps.js';

const serverMarkers = ['X-App-Token', 'createVoucherifyServer', 'secret-key', 'imported into a browser bundle'];
const fixture = (name: string) => join(bundlerFixturesDir, name);

/** Every file under `dir`, as text. */
function readAll(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|mjs|html)$/.test(entry.name))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

// Installed and refreshed once for the e2e project (exampleApps.globalSetup.ts).
beforeAll(() => {
  assertVoucherkitInstalled(nextAppDir);
  assertVoucherkitInstalled(fixture('react-router-loader'));
});

describe('voucherkit/server in a bundle', () => {
  it('fails `next build --webpack` when a client component imports it, saying the module is server-only', async () => {
    const { status, output, seconds } = await run(process.execPath, [nextBin, 'build', '--webpack'], { cwd: fixture('next-webpack-client-import') });
    console.log(`next build --webpack (client import, expected to fail): ${seconds.toFixed(1)} s`);
    expect(status, output).not.toBe(0);
    expect(output).toMatch(/voucherkit-server-is-server-only/);
    expect(output).not.toMatch(/is not exported/);
  }, 240_000);

  it('builds with `next build --webpack` when only a route handler and a server page use it', async () => {
    const dir = fixture('next-route-handler');
    const { status, output, seconds } = await run(process.execPath, [nextBin, 'build', '--webpack'], { cwd: dir });
    console.log(`next build --webpack (route handler): ${seconds.toFixed(1)} s`);
    expect(status, output).toBe(0);
    const browserCode = readAll(join(dir, '.next/static'));
    expect(browserCode).toContain('Have a promo code?'); // the client field is in there
    for (const marker of serverMarkers) expect(browserCode, marker).not.toContain(marker);
  }, 240_000);

  it('builds a React Router 7 app whose loader and action use it, and keeps it out of the client bundle', async () => {
    const dir = fixture('react-router-loader');
    const { status, output, seconds } = await run(process.execPath, [join(dir, 'node_modules/@react-router/dev/bin.js'), 'build'], { cwd: dir });
    console.log(`react-router build (loader/action): ${seconds.toFixed(1)} s`);
    expect(status, output).toBe(0);
    const browserCode = readAll(join(dir, 'build/client'));
    expect(browserCode).toContain('Have a promo code?');
    for (const marker of serverMarkers) expect(browserCode, marker).not.toContain(marker);
    expect(readAll(join(dir, 'build/server'))).toMatch(/from "voucherkit\/server"/); // the server build keeps it: the grep can fail
  }, 120_000);

  // Issue 22: Vite's dev server pre-bundles what route modules import for the client, loaders included, before the
  // plugin strips them. With the failing guard there, "error while updating dependencies" and the page never hydrated.
  it('pre-bundles it for the client in `react-router dev` without an error: the development guard, not the server code', async () => {
    const dir = fixture('react-router-loader');
    const port = await new Promise<number>((resolvePort) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolvePort(free));
      });
    });
    rmSync(join(dir, 'node_modules/.vite'), { recursive: true, force: true });
    const dev = spawn(process.execPath, [join(dir, 'node_modules/@react-router/dev/bin.js'), 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'development' },
    });
    let output = '';
    dev.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const origin = `http://127.0.0.1:${port}`;
      const until = async (done: () => boolean, what: string) => {
        for (let i = 0; i < 300 && !done(); i++) await new Promise((r) => setTimeout(r, 100));
        expect(done(), `${what}\n${output}`).toBe(true);
      };
      let page = '';
      // The fixture logs warnings only, so wait for the first page rather than a banner.
      for (let i = 0; i < 150 && !page; i++) {
        page = await fetch(origin).then(
          (r) => (r.ok ? r.text() : ''),
          () => '',
        );
        if (!page) await new Promise((r) => setTimeout(r, 200));
      }
      expect(page, output).toMatch(/<html/);
      page = await fetch(origin).then(
        (r) => (r.ok ? r.text() : ''),
        () => '',
      );
      // What the browser loads next: the client entry and the route modules, which start the optimizer.
      for (const path of new Set(page.match(/\/(?:app|node_modules)\/[^"']+\.tsx/g))) expect((await fetch(origin + path)).status, path).toBe(200);
      const prebundled = join(dir, 'node_modules/.vite/deps/voucherkit_server.js');
      await until(() => existsSync(prebundled) || /error while updating dependencies/.test(output), 'voucherkit/server pre-bundled');
      expect(output).not.toMatch(/error while updating dependencies|voucherkit-server-is-server-only/);
      const code = readFileSync(prebundled, 'utf8');
      expect(code).toContain('browserGuardDevelopment');
      for (const marker of serverMarkers.slice(0, 3)) expect(code, marker).not.toContain(marker);
    } finally {
      dev.kill();
    }
  }, 120_000);
});

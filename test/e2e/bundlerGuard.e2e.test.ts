// Issue 12 defect 4: voucherkit/server in client code must fail every bundler's build with a message that says
// the module is server-only, while server-only use that a framework strips from client code still builds.
// Each case is its own tiny app under test/fixtures/bundlers; the Next.js ones borrow examples/next-app's install.
import { readdirSync, readFileSync } from 'node:fs';
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
});

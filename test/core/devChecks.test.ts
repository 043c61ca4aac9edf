import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Issue 13: misuse hints run in development only and leave production bundles; checks that protect money or
// identity (sessions refused in the browser, the track_ rule, cookie options, timeouts, path segments, redirects)
// always run. Read off a production build of voucherkit/core, as a user's bundler makes it.

async function coreBundle(nodeEnv: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../src/core/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: ['js-cookie'],
    define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

const hints = [
  'validate needs a non-empty',
  'validateVoucher needs a non-empty code',
  'track needs an event name',
  'track needs a customer',
  'is required: use the client-side keys',
  'No fetch available',
];
const guards = [
  'is refused in the browser', // a LOCK session refused in the browser
  'cookie.maxAgeDays must be',
  'is not a valid cookie name',
  'whole ms ', // timeouts and every other timer (timerMs; the full sentence is a development hint)
  'apiUrl must use http or https',
  'would leave its URL path segment',
  'answered with a redirect',
];

describe('developer-experience checks', () => {
  it('are in a development build', async () => {
    const text = await coreBundle('development');
    for (const hint of hints) expect(text, hint).toContain(hint);
  });

  it('leave a production build, while the checks that protect money and identity stay', async () => {
    const text = await coreBundle('production');
    for (const hint of hints) expect(text, hint).not.toContain(hint);
    for (const guard of guards) expect(text, guard).toContain(guard);
  });
});

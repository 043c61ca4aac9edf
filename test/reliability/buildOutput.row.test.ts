// Matrix row: what ships to browsers holds no server key, secret or server module. The demo's production build
// and the static Storybook are scanned file by file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { did, saw } from './rowMeta.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every file under `dir`, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** The newest modification time under the sources a Storybook build reads. */
function newestSource(): number {
  const dirs = ['src', 'stories', '.storybook'].map((dir) => join(root, dir)).filter(existsSync);
  return Math.max(...dirs.flatMap(files).map((file) => statSync(file).mtimeMs));
}

/** storybook-static as `npm test` builds it (before Vitest); rebuilt here only when missing or older than its sources. */
function storybookStatic(): { dir: string; rebuilt: boolean } {
  const dir = join(root, 'storybook-static');
  const index = join(dir, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return { dir, rebuilt: false };
  const { status, stderr } = spawnSync(join(root, 'node_modules/.bin/storybook'), ['build', '-o', dir, '--quiet'], { cwd: root, encoding: 'utf8' });
  if (status !== 0) throw new Error(`storybook build failed: ${stderr.slice(-2000)}`);
  return { dir, rebuilt: true };
}

// Set while the demo builds: a secret in the build machine's environment must not reach the bundle either.
const CANARY = 'sk_canary_from_the_build_environment';

/**
 * What must never reach a browser: the server key pair, the header that carries the secret, the server entry and
 * what only its code contains (the channel it announces, its factory's name), and a secret from the build machine.
 */
const needles = [SANDBOX_KEYS.secretKey, SANDBOX_KEYS.applicationId, 'X-App-Token', 'voucherkit/server', 'voucherkit-server', 'createVoucherifyServer', CANARY];

/**
 * The one exception, in storybook-static only: the stories' backend is the sandbox itself, running in the page
 * through MSW. Its chunks hold the sandbox's published fake server pair (`SANDBOX_KEYS`, printed by the CLI and the
 * README; it opens nothing but that in-memory sandbox) and the header name its server routes check. Allowed only in
 * the chunk that defines `SANDBOX_KEYS` and the sandbox's own request handling; anywhere else it is a finding.
 */
const sandboxChunk = (file: string, text: string) => /(^|\/)sandboxKeys-[\w-]+\.js$/.test(file) || text.includes('Missing X-App-Id or X-App-Token header');
const allowedInStorybook = (needle: string, file: string, text: string) =>
  (needle === SANDBOX_KEYS.secretKey || needle === SANDBOX_KEYS.applicationId || needle === 'X-App-Token') && sandboxChunk(file, text);

/** Files (relative to `dir`) that contain each needle, less what `allow` excuses. */
function scan(dir: string, allow: (needle: string, file: string, text: string) => boolean = () => false): Record<string, string[]> {
  const texts = files(dir)
    .filter((file) => /\.(m?js|html|css|json|map)$/.test(file))
    .map((file) => ({ file: relative(dir, file), text: readFileSync(file, 'utf8') }));
  return Object.fromEntries(
    needles.map((needle) => [needle, texts.filter((t) => t.text.includes(needle) && !allow(needle, t.file, t.text)).map((t) => t.file)]),
  );
}

const found = (hits: Record<string, string[]>) =>
  Object.entries(hits)
    .filter(([, where]) => where.length > 0)
    .map(([needle, where]) => `"${needle}" in ${where.slice(0, 3).join(', ')}${where.length > 3 ? ` (+${where.length - 3})` : ''}`);

describe('what ships to browsers', () => {
  it('no server key, secret, or voucherkit/server string in the demo build and storybook-static', async (context) => {
    const storybook = storybookStatic();
    did(
      context,
      `built the demo (vite build, production, VOUCHERIFY_SECRET_KEY set to a canary) and ${storybook.rebuilt ? 'rebuilt' : 'reused the fresh'} storybook-static; searched every .js/.html/.css/.json/.map for ${needles.map((n) => `"${n}"`).join(', ')}`,
    );
    const outDir = mkdtempSync(join(tmpdir(), 'voucherkit-demo-'));
    try {
      const saved = process.env.VOUCHERIFY_SECRET_KEY;
      process.env.VOUCHERIFY_SECRET_KEY = CANARY;
      try {
        await build({
          configFile: join(root, 'examples/checkout/vite.config.ts'),
          logLevel: 'silent',
          build: { outDir, emptyOutDir: true, sourcemap: false },
        });
      } finally {
        if (saved === undefined) delete process.env.VOUCHERIFY_SECRET_KEY;
        else process.env.VOUCHERIFY_SECRET_KEY = saved;
      }
      const demoFiles = files(outDir);
      const demo = scan(outDir);
      const stories = scan(storybook.dir, allowedInStorybook);
      const excused = Object.values(scan(storybook.dir)).flat().length - Object.values(stories).flat().length;
      const demoCallsApi = demoFiles.some((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('/client/v1/validations'));
      saw(
        context,
        `demo (${demoFiles.length} files): ${found(demo).join('; ') || 'none found'}; storybook-static (${files(storybook.dir).length} files): ${found(stories).join('; ') || 'none found'} (${excused} hit(s) of the sandbox's published fake pair or header name inside the in-page sandbox's own chunks, allowed)`,
      );
      // The scan looked at the code that does call Voucherify.
      expect(demoCallsApi).toBe(true);
      expect(found(demo)).toEqual([]);
      expect(found(stories)).toEqual([]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 240_000);
});

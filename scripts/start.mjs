#!/usr/bin/env node
// `npm start`: the demo checkout on 127.0.0.1 with an embedded Voucherify sandbox (or, with the VOUCHERIFY_*
// variables set, your real project). Installs nothing; Ctrl-C stops everything. The start logic is TypeScript
// shared with the end-to-end test (examples/checkout/server/startDemo.ts), loaded here through Vite.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ? Number(process.env.PORT) : undefined;

// A Vite server without HTTP, only to load startDemo.ts (and the src/ it imports) through the root config's aliases.
const loader = await createServer({
  root,
  configFile: join(root, 'vite.config.ts'),
  logLevel: 'warn',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const module = await loader.ssrLoadModule(join(root, 'examples/checkout/server/startDemo.ts'));

let demo;
try {
  demo = await module.startDemo({ port, logLevel: 'warn' });
} catch (error) {
  console.error(`\nThe demo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  await loader.close();
  process.exit(1);
}

const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[22m` : text);
const lines = ['', `  ${bold('voucherkit demo checkout')}  ${demo.url}`, ''];
if (demo.mode === 'sandbox') {
  lines.push(`  Embedded Voucherify sandbox on ${demo.apiUrl} (in memory; restarts empty).`, '', '  Seed codes:');
  for (const { code, description } of demo.seedCodes) lines.push(`    ${code.padEnd(11)} ${description}`);
  lines.push('', '  Any other code is rejected as not_found. Point the demo at a real project: docs/README-sections.md.');
} else {
  lines.push(`  Using your Voucherify project at ${demo.apiUrl}.`);
  lines.push(`  Its client-side settings must allow the origin ${new URL(demo.url).origin}.`);
}
lines.push('', '  Press Ctrl-C to stop.', '');
console.log(lines.join('\n'));

let stopping = false;
const stop = async (signal) => {
  if (stopping) process.exit(1); // a second Ctrl-C does not wait
  stopping = true;
  await demo.close();
  await loader.close();
  process.exit(signal === 'SIGINT' ? 0 : 143);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

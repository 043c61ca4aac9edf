#!/usr/bin/env node
// `npm start`: the demo checkout on 127.0.0.1 with an embedded Voucherify sandbox (or, with the VOUCHERIFY_*
// variables set, your real project). Installs nothing; Ctrl-C stops everything. The start logic is the
// TypeScript module the end-to-end test uses (examples/checkout/server/startDemo.ts).
import { loadDemo } from '../examples/checkout/server/loadDemo.mjs';

const port = process.env.PORT ? Number(process.env.PORT) : undefined;
const loader = await loadDemo();

let demo;
try {
  demo = await loader.startDemo({ port, logLevel: 'warn' });
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
  lines.push('', '  No code needed: free shipping over $50, 10% off over $100 (promotion tiers, applied automatically).');
  lines.push('  "Get 10% off your first order" publishes a WELCOME-#### code for the e-mail you entered.');
  lines.push('', '  Any other code is rejected as not_found. To use your own Voucherify project, see docs/demo.md.');
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

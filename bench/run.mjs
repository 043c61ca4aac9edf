#!/usr/bin/env node
// Speed of the browser-side client against the official SDK, measured in the same run, over the same loopback
// sandbox server, on the same endpoint (POST /client/v1/validations). Prints ratios, never asserts a time.
// Usage: npm run build && node bench/run.mjs [--iterations 300]
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const iterations = Number(args.includes('--iterations') ? args[args.indexOf('--iterations') + 1] : 300);
const load = (path) => import(pathToFileURL(join(root, path)).href);
const { createVoucherifyClient, createTracker } = await load('dist/core/index.js');
const { startSandboxServer, SANDBOX_KEYS } = await load('dist/sandbox/index.js');
const { VoucherifyClientSide } = createRequire(join(root, 'bench/anchors/package.json'))('@voucherify/sdk');

const server = await startSandboxServer({ port: 0 });
const order = { amount: 12000, items: [{ product_id: 'prod_1', quantity: 2, price: 6000 }] };
const origin = 'http://127.0.0.1';

const ours = createVoucherifyClient({
  clientApplicationId: SANDBOX_KEYS.clientApplicationId,
  clientToken: SANDBOX_KEYS.clientToken,
  apiUrl: server.url,
  origin,
  tracker: createTracker(),
});
const anchor = VoucherifyClientSide({
  clientApplicationId: SANDBOX_KEYS.clientApplicationId,
  clientSecretKey: SANDBOX_KEYS.clientToken,
  apiUrl: server.url,
  origin,
});

const floorBody = JSON.stringify({ redeemables: [{ object: 'voucher', id: 'PERCENT15' }], order });
const floorHeaders = {
  'Content-Type': 'application/json',
  'X-Client-Application-Id': SANDBOX_KEYS.clientApplicationId,
  'X-Client-Token': SANDBOX_KEYS.clientToken,
  origin,
};
// The floor: the runtime's bare fetch and JSON.parse, with no client at all. In Node this is undici, which costs
// more per call than the SDK's http-based axios; in browsers fetch is native and this row is the ceiling.
const contenders = {
  'floor: bare fetch + JSON.parse': async () =>
    (await fetch(`${server.url}/client/v1/validations`, { method: 'POST', headers: floorHeaders, body: floorBody })).json(),
  voucherkit: () => ours.validate({ code: 'PERCENT15', order }),
  '@voucherify/sdk 2.9.0': () => anchor.validateStackable({ redeemables: [{ object: 'voucher', id: 'PERCENT15' }], order }),
};

async function measure(fn) {
  for (let i = 0; i < 30; i++) await fn(); // warm up JIT and keep-alive sockets
  const times = [];
  const cpuStart = process.cpuUsage();
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuStart);
  times.sort((a, b) => a - b);
  const pick = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { median: pick(0.5), p95: pick(0.95), cpuPerCallMs: (cpu.user + cpu.system) / 1000 / iterations };
}

// Alternate the order across rounds so neither side always runs on a warmer machine.
const results = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
for (let round = 0; round < 3; round++) {
  const names = round % 2 === 0 ? Object.keys(contenders) : Object.keys(contenders).reverse();
  for (const name of names) results[name].push(await measure(contenders[name]));
}
await server.close();

const best = (runs, key) => Math.min(...runs.map((r) => r[key]));
const rows = Object.entries(results).map(([name, runs]) => ({
  name,
  median: best(runs, 'median'),
  p95: best(runs, 'p95'),
  cpu: best(runs, 'cpuPerCallMs'),
}));
const base = rows.find((r) => r.name.startsWith('@voucherify'));
const floor = rows.find((r) => r.name.startsWith('floor'));
console.log(`\nValidate one code over loopback (sandbox server, ${iterations} calls × 3 rounds, best round):\n`);
console.log('| client | median ms | p95 ms | CPU ms per call (client + in-process server) | median vs SDK | median vs bare fetch |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.median.toFixed(3)} | ${r.p95.toFixed(3)} | ${r.cpu.toFixed(3)} | ${(r.median / base.median).toFixed(2)}× | ${(r.median / floor.median).toFixed(2)}× |`,
  );
}

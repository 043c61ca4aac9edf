#!/usr/bin/env node
// Bundle size of what ships (dist/), measured beside the anchors in the same run with the same method as
// ../shared/design/TOOLCHAIN.md §5: esbuild --bundle --minify --format=esm --platform=browser, gzip -9, brotli 11.
// `--check` fails on a blown budget; `--json FILE` writes the figures.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const anchorsDir = join(root, 'bench/anchors');
const args = process.argv.slice(2);
const check = args.includes('--check');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first');
  process.exit(2);
}
if (!existsSync(join(anchorsDir, 'node_modules/@voucherify/react-widget'))) {
  // The anchors live in their own tree: the widget's React 17 peer must not touch the project's lockfile.
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--silent'], { cwd: anchorsDir, stdio: 'inherit' });
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Resolve `voucherkit[/sub]` through the package's own `exports`, as a user's bundler would (browser condition). */
const selfReference = {
  name: 'voucherkit-self-reference',
  setup(b) {
    b.onResolve({ filter: /^voucherkit(\/.*)?$/ }, ({ path }) => {
      const entry = pkg.exports[path === 'voucherkit' ? '.' : `.${path.slice('voucherkit'.length)}`];
      const target = typeof entry === 'string' ? entry : entry.browser ?? entry.default;
      return { path: join(root, target) };
    });
  },
};

const REACT = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client'];
const RQ = ['@tanstack/react-query'];

/** Treats every file of dist/ as side-effectful, as a bundler that ignores `sideEffects` would (webpack without
 * `optimization.sideEffects`, some older tools): only the pure annotations in the code can then drop what is unused. */
const ignoreSideEffects = {
  name: 'voucherkit-ignore-side-effects',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, ({ path, importer }) =>
      importer.startsWith(join(root, 'dist')) ? { path: resolve(dirname(importer), path), sideEffects: true } : undefined,
    );
  },
};

/** What-if only: zod/mini replaced by a parser that accepts anything, to show what response checking costs. */
const withoutResponseChecks = {
  name: 'voucherkit-without-response-checks',
  setup(b) {
    b.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: 'zod-mini-stub', namespace: 'what-if' }));
    b.onLoad({ filter: /.*/, namespace: 'what-if' }, () => ({
      loader: 'js',
      contents:
        'const t = () => ({ safeParse: (data) => ({ success: true, data }) });\n' +
        'export { t as object, t as looseObject, t as optional, t as nullable, t as string, t as number, t as boolean, t as array, t as literal, t as enum };',
    }));
  },
};

async function measure({ name, code, external, resolveDir = root, css = [], plugins = [] }) {
  const result = await build({
    stdin: { contents: code, resolveDir, loader: 'jsx', sourcefile: `${name}.jsx` },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    jsx: 'automatic',
    plugins: [selfReference, ...plugins],
    logLevel: 'silent',
  });
  const js = Buffer.from(result.outputFiles[0].contents);
  let cssText = '';
  for (const file of css) cssText += (await transform(readFileSync(file, 'utf8'), { loader: 'css', minify: true })).code;
  const gz = (b) => gzipSync(b, { level: 9 }).length;
  const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const cssBuf = Buffer.from(cssText);
  return {
    name,
    minified: js.length,
    gzip: gz(js),
    brotli: br(js),
    cssGzip: cssText ? gz(cssBuf) : 0,
    gzipWithCss: cssText ? gz(Buffer.concat([js, cssBuf])) : gz(js),
  };
}

const render = (imports, element) =>
  `import { createRoot } from 'react-dom/client';\n${imports}\ncreateRoot(document.getElementById('root')).render(${element});`;

const rows = await Promise.all([
  measure({
    name: 'anchor: @voucherify/sdk client side',
    resolveDir: anchorsDir,
    external: REACT,
    code: `import { VoucherifyClientSide } from '@voucherify/sdk';\nVoucherifyClientSide({ clientApplicationId: 'a', clientSecretKey: 'b' }).validate({ code: 'X' });`,
  }),
  measure({
    name: 'anchor: @voucherify/react-widget',
    resolveDir: anchorsDir,
    external: REACT,
    css: [join(anchorsDir, 'node_modules/@voucherify/react-widget/dist/voucherify.css')],
    code: render(`import { VoucherifyValidate } from '@voucherify/react-widget';`, `<VoucherifyValidate clientApplicationId="a" clientSecretKey="b" amount onValidated={console.log} onError={console.error} />`),
  }),
  measure({
    name: 'voucherkit/core (client + tracker + math)',
    external: [...REACT, ...RQ],
    code: `import { createVoucherifyClient, createTracker, calculateDiscount, VoucherifyError } from 'voucherkit/core';\nconst c = createVoucherifyClient({ clientApplicationId: 'a', clientToken: 'b', tracker: createTracker() });\nc.validate({ code: 'X' }).then((r) => console.log(r, calculateDiscount(100, { discount: { type: 'AMOUNT', amount_off: 1 } })), (e) => console.log(e instanceof VoucherifyError));`,
  }),
  measure({
    name: 'voucherkit/core, validate only (the anchor SDK row\'s job)',
    external: [...REACT, ...RQ],
    code: `import { createValidationClient, createTracker, VoucherifyError } from 'voucherkit/core';\nconst c = createValidationClient({ clientApplicationId: 'a', clientToken: 'b', tracker: createTracker() });\nc.validate({ code: 'X' }).then(console.log, (e) => console.log(e instanceof VoucherifyError));`,
  }),
  measure({
    name: 'voucherkit VoucherProvider + VoucherField (react-query external)',
    external: [...REACT, ...RQ],
    css: [join(root, 'dist/styles.css')],
    code: render(`import { VoucherProvider, VoucherField } from 'voucherkit';`, `<VoucherProvider clientApplicationId="a" clientToken="b"><VoucherField order={{ amount: 1000 }} currency="EUR" /></VoucherProvider>`),
  }),
  measure({
    name: 'voucherkit VoucherProvider + VoucherField (react-query bundled)',
    external: REACT,
    css: [join(root, 'dist/styles.css')],
    code: render(`import { VoucherProvider, VoucherField } from 'voucherkit';`, `<VoucherProvider clientApplicationId="a" clientToken="b"><VoucherField order={{ amount: 1000 }} currency="EUR" /></VoucherProvider>`),
  }),
  // What the issues' own requirements cost before any of our logic: zod/mini checking every response field the
  // field reads (the schemas as shipped) and js-cookie reading and writing one cookie.
  measure({
    name: 'floor: response schemas (zod/mini) + js-cookie, no logic',
    external: [...REACT, ...RQ],
    code: `import { stackableValidationSchema, apiErrorSchema } from './dist/core/schemas.js';\nimport Cookies from 'js-cookie';\nconsole.log(stackableValidationSchema.safeParse(Cookies.get('a')), apiErrorSchema.safeParse(1));\nCookies.set('a', 'b');`,
  }),
  measure({
    name: 'what-if: Provider + Field (react-query external) with no response checking at all',
    external: [...REACT, ...RQ],
    plugins: [withoutResponseChecks],
    code: render(`import { VoucherProvider, VoucherField } from 'voucherkit';`, `<VoucherProvider clientApplicationId="a" clientToken="b"><VoucherField order={{ amount: 1000 }} currency="EUR" /></VoucherProvider>`),
  }),
  measure({
    name: 'calculateDiscount alone, bundler ignoring sideEffects',
    external: [...REACT, ...RQ],
    plugins: [ignoreSideEffects],
    code: `import { calculateDiscount } from 'voucherkit/core';\nconsole.log(calculateDiscount(100, { discount: { type: 'AMOUNT', amount_off: 1 } }));`,
  }),
  measure({
    name: 'normalizeCode from voucherkit, bundler ignoring sideEffects',
    external: [...REACT, ...RQ],
    plugins: [ignoreSideEffects],
    code: `import { normalizeCode } from 'voucherkit';\nconsole.log(normalizeCode(' x '));`,
  }),
]);

const [sdk, widget, core, coreValidate, field, fieldRq, floor, unchecked, helperCore, helperRoot] = rows;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
// `target` is the budget the issues set; `guard` is the regression line the test command enforces today.
// The targets are not met yet (see the closing notes of issues 2 and 4): zod/mini alone is ~5.7 KB gzip of the
// field bundle, and the guard keeps the figures from growing while that is decided. Never raise a guard silently.
// Raised once, for the whole core only: 13.0 → 13.5 KB in 0.2.0 (issue 10). Its checks that protect money and identity
// (redirect refusal, LOCK session keys before the first send, per-call retry safety, path-segment checks, exact
// PERCENT math, the track_ rule) cost 0.6 KB, mostly in exports only the server uses today; issue 13 moves those out
// of the browser entry and drops the schema runtime.
const budgets = [
  { name: 'voucherkit/core', actual: core.gzip, target: 8000, guard: 13500, anchor: sdk.gzip, anchorName: 'SDK client side' },
  { name: 'voucherkit/core, validate only', actual: coreValidate.gzip, target: 8000, guard: 12000, anchor: sdk.gzip, anchorName: 'SDK client side' },
  { name: 'Provider + Field, react-query external, JS', actual: field.gzip, target: 9500, guard: 18000, anchor: widget.gzip, anchorName: 'widget JS' },
  { name: 'Provider + Field, react-query bundled, CSS included', actual: fieldRq.gzipWithCss, target: 21000, guard: 29000, anchor: widget.gzipWithCss, anchorName: 'widget JS + CSS' },
  // Pure annotations keep an unused client, zod and the React layer out even when `sideEffects` is ignored.
  // What is left is js-cookie, whose own top-level `init()` call is not marked pure.
  { name: 'calculateDiscount alone, sideEffects ignored', actual: helperCore.gzip, target: 2000, ours: true, guard: 2000, anchor: sdk.gzip, anchorName: 'SDK client side' },
  { name: 'normalizeCode from voucherkit, sideEffects ignored', actual: helperRoot.gzip, target: 2000, ours: true, guard: 2000, anchor: widget.gzip, anchorName: 'widget JS' },
];

console.log('\nBundle size (esbuild, minified, gzip -9, brotli 11), measured in this run:\n');
console.log('| entry | minified | gzip | brotli | gzip incl. CSS |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.minified} | ${r.gzip} | ${r.brotli} | ${r.gzipWithCss} |`);
console.log('\n| gzip | actual | ratio to anchor | target (the issue\'s unless marked) | regression guard |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const b of budgets) {
  b.passed = b.actual <= b.guard;
  b.targetMet = b.actual <= b.target;
  b.ratio = b.actual / b.anchor;
  console.log(
    `| ${b.name} | ${kb(b.actual)} | ${b.ratio.toFixed(2)}× ${b.anchorName} (${kb(b.anchor)}) | ${kb(b.target)}${b.ours ? ' (ours)' : ''} ${b.targetMet ? 'met' : 'NOT MET'} | ${kb(b.guard)} ${b.passed ? 'pass' : 'FAIL'} |`,
  );
}
const room = (target) => kb(target - floor.gzip);
console.log(
  `\nFloor set by the requirements themselves (zod/mini over the fields read + js-cookie, no logic): ${kb(floor.gzip)}.` +
    `\nUnder the issue targets that leaves ${room(8000)} for the whole core (client, transport, tracker, math)` +
    ` and ${room(9500)} for core + provider + hooks + field + messages.` +
    `\nWith no response checking at all, Provider + Field would still be ${kb(unchecked.gzip)} (target 9.5 KB).`,
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rows, budgets }, null, 2));
if (check && budgets.some((b) => !b.passed)) process.exit(1);

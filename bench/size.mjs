#!/usr/bin/env node
// Bundle size of what ships (dist/), measured beside the anchors in the same run with the same method as
// ../shared/design/TOOLCHAIN.md §5: esbuild --bundle --minify --format=esm --platform=browser, gzip -9, brotli 11,
// with process.env.NODE_ENV defined as "production" (what a user's production build does), for ours and the anchors.
// `--check` fails on a blown budget (issue 13's); `--json FILE` writes the figures.
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
      const target = typeof entry === 'string' ? entry : (entry.browser ?? entry.default);
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

async function measure({ name, code, external, resolveDir = root, css = [], plugins = [] }) {
  const result = await build({
    metafile: true,
    define: { 'process.env.NODE_ENV': '"production"' },
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
    // What went in, for the budgets that forbid a module (js-cookie in a one-helper bundle).
    inputs: Object.entries(Object.values(result.metafile.outputs)[0].inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([file]) => file),
    // Minified bytes each module put into the bundle (esbuild's metafile), for the attribution table.
    bytesByModule: Object.entries(Object.values(result.metafile.outputs)[0].inputs).map(([file, input]) => [file, input.bytesInOutput]),
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
    code: render(
      `import { VoucherifyValidate } from '@voucherify/react-widget';`,
      `<VoucherifyValidate clientApplicationId="a" clientSecretKey="b" amount onValidated={console.log} onError={console.error} />`,
    ),
  }),
  measure({
    name: 'voucherkit/core (client + tracker + math)',
    external: [...REACT, ...RQ],
    code: `import { createVoucherifyClient, createTracker, calculateDiscount, VoucherifyError } from 'voucherkit/core';\nconst c = createVoucherifyClient({ clientApplicationId: 'a', clientToken: 'b', tracker: createTracker() });\nc.validate({ code: 'X' }).then((r) => console.log(r, calculateDiscount(100, { discount: { type: 'AMOUNT', amount_off: 1 } })), (e) => console.log(e instanceof VoucherifyError));`,
  }),
  measure({
    name: "voucherkit/core, validate only (the anchor SDK row's job)",
    external: [...REACT, ...RQ],
    code: `import { createValidationClient, createTracker, VoucherifyError } from 'voucherkit/core';\nconst c = createValidationClient({ clientApplicationId: 'a', clientToken: 'b', tracker: createTracker() });\nc.validate({ code: 'X' }).then(console.log, (e) => console.log(e instanceof VoucherifyError));`,
  }),
  measure({
    name: 'voucherkit VoucherProvider + VoucherField (react-query external)',
    external: [...REACT, ...RQ],
    css: [join(root, 'dist/styles.css')],
    code: render(
      `import { VoucherProvider, VoucherField } from 'voucherkit';`,
      `<VoucherProvider clientApplicationId="a" clientToken="b"><VoucherField order={{ amount: 1000 }} currency="EUR" /></VoucherProvider>`,
    ),
  }),
  measure({
    name: 'voucherkit VoucherProvider + VoucherField (react-query bundled)',
    external: REACT,
    css: [join(root, 'dist/styles.css')],
    code: render(
      `import { VoucherProvider, VoucherField } from 'voucherkit';`,
      `<VoucherProvider clientApplicationId="a" clientToken="b"><VoucherField order={{ amount: 1000 }} currency="EUR" /></VoucherProvider>`,
    ),
  }),
  // The README pattern with promotions: the field plus usePromotions and PromotionList (issue 19: at most 3 KB more).
  measure({
    name: 'voucherkit Provider + Field + usePromotions + PromotionList (react-query external)',
    external: [...REACT, ...RQ],
    code:
      `import { VoucherProvider, VoucherField, usePromotions, PromotionList } from 'voucherkit';\nimport { createRoot } from 'react-dom/client';\n` +
      `function C() { const p = usePromotions({ order: { amount: 1000 }, codes: [] }); return <><VoucherField order={{ amount: 1000 }} {...p.fieldProps} /><PromotionList promotions={p} /></>; }\n` +
      `createRoot(document.getElementById('root')).render(<VoucherProvider clientApplicationId="a" clientToken="b"><C /></VoucherProvider>);`,
  }),
  // The contract, for the server and for users who want it: no browser bundle of ours holds it (decoders instead).
  measure({
    name: 'voucherkit/schemas (the zod contract, every response schema)',
    external: [...REACT, ...RQ],
    code: `import * as schemas from 'voucherkit/schemas';\nconsole.log(schemas);`,
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

const [sdk, widget, core, coreValidate, field, fieldRq, promotions, schemas, helperCore, helperRoot] = rows;
const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const jsCookie = (row) => row.inputs.some((file) => /js-cookie/.test(file));
// Issue 13's budgets (gzip bytes). `anchorRatio` is the issue's ratio to the anchor, reported beside it. Never raise one silently.
const budgets = [
  // Not met in 0.3.0 (issue 13's closing note has the attribution and what it would take): until they are, `guard` is the
  // line the test command holds, the figure 0.3.0 shipped with plus 2 %. Lower it as the field shrinks; never raise it.
  {
    name: 'Provider + Field, react-query external, JS',
    actual: field.gzip,
    budget: 11000,
    // 12,600 until 0.4.0. Raised on purpose, once, by issue 25 (+226 B: Intl plural rules and number formatting in
    // every counted text, the customMessages rule): the field showed yen totals 100× too large, and that fix came
    // with the plurals. Attributed in issue 25's closing note; lower it as the field shrinks.
    // 12,830 until issue 20 (+480 B; the field measured 12,826 → 13,308): a gift card's chip says its balance and
    // what it covers ("Gift card ····FT50 — $50.00 balance, $37.00 applied", masked code), the chosen credits go into
    // the validation and its query key, and the amount input's getter, markup and texts are there for
    // `giftCardAmounts`; the amount logic itself (parse, bounds, errors) is opt-in and stays out of this bundle.
    guard: 13310,
    anchor: widget.gzip,
    anchorName: 'widget JS',
    anchorRatio: 0.73,
  },
  {
    name: 'Provider + Field, react-query bundled, CSS included',
    actual: fieldRq.gzipWithCss,
    budget: 22016,
    // 23,800 until 0.4.0; raised with the line above, for the same reason. 23,830 until issue 20 (+510 B; measured
    // 23,817 → 24,334): the line above, plus the amount's own line in the chip (styles.css). 24,340 until issue 24
    // (+178 B of CSS, measured with the same JS: styles.css before 29bf5a1 → after gives 24,521 → 24,699): the field's
    // layout takes the room of what it shows (no reserved blank space, input and Apply on one row down to 280 px via
    // container queries, the error line reserved only while checking). PromotionList's rules are not here: they ship
    // as voucherkit/promotions.css.
    guard: 24518,
    anchor: widget.gzipWithCss,
    anchorName: 'widget JS + CSS',
  },
  // Met in 0.3.0 (7,395 B); 0.4.0's always-on money and identity checks (issue 18: the timer bounds, the money range in
  // the decoders, the identity epoch) cost 179 B, attributed in its closing note. Until trimmed back, `guard` is what
  // the test command holds: 0.4.0's figure plus 0.3 %. Lower it as core shrinks; never raise it.
  // 7,600 until 0.5.0: "all operations" grew by design, +999 B measured (58c9768 → issue 19/20/21 merged and trimmed:
  // 7,580 → 8,579): issue 19's qualifyAll and its pager (pageQualifications, every page, expanded for a list), the
  // tier path of validate (validateTiers: the ALL-mode resend, inapplicableTiers, the categories and stacking-rules
  // checks) and buildRedeemables with tiers; issue 20's gift credits in it. The field and validate-only rows hold none of it.
  {
    name: 'voucherkit/core client, all operations',
    actual: core.gzip,
    budget: 7500,
    guard: 8599,
    anchor: sdk.gzip,
    anchorName: 'SDK client side',
    anchorRatio: 0.37,
  },
  // Issue 19: what usePromotions + PromotionList add to the field's bundle (JS, react-query external), at most 3 KB.
  // Not met in 0.5.0: 4,069 B after two trimming passes (4,508 → 4,069). What the features cost, each stubbed out of
  // the built files: the SKIPPED reasons in the list and the field 567 B, the ALL-mode tier resend with the checked
  // categories and stacking rules 248 B, the start/stop announcements 214 B, suggest mode 122 B, paging past one page
  // 109 B, removed lines and nudges 99 B; the rest is the qualification and its decoders (bound to the schemas by the
  // property test). Reaching 3 KB means dropping the first three, which the issue asks for. Until then `guard` holds
  // the measured size, so the promotions cannot grow unnoticed.
  {
    name: 'usePromotions + PromotionList, added to Provider + Field',
    actual: promotions.gzip - field.gzip,
    budget: 3000,
    guard: 4100,
    anchor: widget.gzip,
    anchorName: 'widget JS',
  },
  { name: 'voucherkit/core, validate only', actual: coreValidate.gzip, budget: 6000, anchor: sdk.gzip, anchorName: 'SDK client side' },
  // A bundler ignoring `sideEffects` keeps only what the pure annotations cannot drop; js-cookie must not be part of it.
  {
    name: 'calculateDiscount alone, sideEffects ignored',
    actual: helperCore.gzip,
    budget: 1600,
    anchor: sdk.gzip,
    anchorName: 'SDK client side',
    forbidden: jsCookie(helperCore) && 'js-cookie inside',
  },
  {
    name: 'normalizeCode from voucherkit, sideEffects ignored',
    actual: helperRoot.gzip,
    budget: 1600,
    anchor: widget.gzip,
    anchorName: 'widget JS',
    forbidden: jsCookie(helperRoot) && 'js-cookie inside',
  },
];

console.log('\nBundle size (esbuild, minified, NODE_ENV=production, gzip -9, brotli 11), measured in this run:\n');
console.log('| entry | minified | gzip | brotli | gzip incl. CSS |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${r.name} | ${r.minified} | ${r.gzip} | ${r.brotli} | ${r.gzipWithCss} |`);
console.log('\n| gzip | actual | ratio to anchor | budget (issue 13) |');
console.log('| --- | ---: | ---: | ---: |');
for (const b of budgets) {
  b.met = b.actual <= b.budget && !b.forbidden;
  b.passed = b.met || (b.guard !== undefined && b.actual <= b.guard && !b.forbidden);
  b.ratio = b.actual / b.anchor;
  const ratio = `${b.ratio.toFixed(2)}× ${b.anchorName} (${kb(b.anchor)})${b.anchorRatio ? `, target ≤ ${b.anchorRatio}× ${b.ratio <= b.anchorRatio ? 'met' : 'NOT MET'}` : ''}`;
  const verdict = b.met
    ? 'pass'
    : b.passed
      ? `NOT MET (${b.actual - b.budget} B over; guard ≤ ${b.guard} B holds)`
      : `FAIL${b.forbidden ? ` (${b.forbidden})` : ''}`;
  console.log(`| ${b.name} | ${kb(b.actual)} (${b.actual} B) | ${ratio} | ≤ ${b.budget} B ${verdict} |`);
}
// Where the field's bytes are: minified bytes per module from the metafile, and each module's share of the gzip size
// in proportion (gzip does not split by module; the proportion is a guide, not a measurement).
const attribution = field.bytesByModule.filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
const totalMin = attribution.reduce((sum, [, bytes]) => sum + bytes, 0);
console.log('\nProvider + Field (react-query external), per module:\n');
console.log('| module | minified B | ≈ gzip B |');
console.log('| --- | ---: | ---: |');
for (const [file, bytes] of attribution) {
  console.log(`| ${file.replace(/^dist\//, '')} | ${bytes} | ${Math.round((bytes / totalMin) * field.gzip)} |`);
}
console.log(
  `\nvoucherkit/schemas (the zod contract the server helper, the sandbox and the tests parse with) is ${kb(schemas.gzip)} on its own;` +
    ' no browser entry of ours holds it: each browser operation checks the fields it reads with a hand-written decoder.',
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ rows, budgets }, null, 2));
if (check && budgets.some((b) => !b.passed)) process.exit(1);

// B6: a server-rendered page (renderToString in Node, hydrateRoot in Chromium), voucherkit only: the time from
// hydrateRoot to the commit that hydrates the field (its handlers are live from then on), proof that the field
// then answers input, and the requests the page sends before the shopper's first keystroke (goal 0).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { newContext, throttleCpu } from '../browser/launchBrowser.mjs';
import { ours, pageUrl } from '../browser/contenders.mjs';
import { outDir } from '../browser/paths.mjs';
import { ms, table, verdict } from '../lib/markdown.mjs';
import { summarize } from '../lib/stats.mjs';

/** First visits per CPU rate: fewer at 4×, where each costs four times as much. */
const RUNS = { 1: 6, 4: 4 };
const RATES = [1, 4];
/** Quiet after hydration: anything the page sends on its own (a prefetch, a tracker call) arrives within it. */
const IDLE_MS = 500;

/** Serves the built hydrate.html with the server's markup in place of its outlet, for this run's sandbox. */
async function serveServerRenderedPage(session) {
  const { render } = await import(pathToFileURL(session.ssrModule).href);
  // Exactly what the client reads from the query string (readConfig), so server and client render the same tree.
  const config = { apiUrl: session.sandbox.url, clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken };
  const template = readFileSync(join(outDir, 'pages', ours.pages.prod, 'hydrate.html'), 'utf8');
  const renders = [];
  let markup = '';
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    markup = render(config);
    renders.push(performance.now() - start);
  }
  const html = template.replace('<!--ssr-outlet-->', markup);
  session.overrides.set(`/${ours.pages.prod}/hydrate.html`, () => html);
  return { renderToString: summarize(renders.slice(5)), bytes: Buffer.byteLength(markup), hasToggle: markup.includes('Have a promo code?') };
}

async function runOnce(session, rate) {
  const context = await newContext(session.browser);
  const page = await context.newPage();
  await throttleCpu(page, rate);
  session.sandbox.take();
  await page.goto(pageUrl(session.origin, ours.pages.prod, session.sandbox.url, 'hydrate.html'));
  await page.waitForFunction(() => window.__probe.marks.fieldReady !== undefined, null, { timeout: 30000 });
  const probe = await page.evaluate(() => ({ marks: window.__probe.marks, errors: window.__probe.recoverableErrors.slice() }));
  await page.waitForTimeout(IDLE_MS);
  const beforeKeystroke = session.sandbox.take();
  await ours.open(page);
  await ours.input(page).click();
  await page.keyboard.type('S');
  const answered = (await ours.input(page).inputValue()) === 'S';
  await context.close();
  return { hydrate: probe.marks.fieldReady - probe.marks.hydrateRoot, errors: probe.errors, beforeKeystroke, answered };
}

/** @param {import('../lib/session.mjs').BenchSession} session */
export async function runB6(session) {
  const server = await serveServerRenderedPage(session);
  const byRate = {};
  for (const rate of RATES) {
    const runs = [];
    for (let i = 0; i < RUNS[rate]; i++) runs.push(await runOnce(session, rate));
    byRate[rate] = runs;
  }
  const rows = RATES.map((rate) => {
    const runs = byRate[rate];
    const time = summarize(runs.map((r) => r.hydrate));
    const requests = Math.max(...runs.map((r) => r.beforeKeystroke.requests));
    const preflights = Math.max(...runs.map((r) => r.beforeKeystroke.preflights));
    return [
      `${rate}×`,
      `${ms(time.p50)} / ${ms(time.p95)}`,
      `${requests}${preflights ? ` + ${preflights} preflights` : ''}`,
      String(runs.reduce((sum, r) => sum + r.errors.length, 0)),
      `${runs.filter((r) => r.answered).length} / ${runs.length}`,
    ];
  });
  const allRuns = RATES.flatMap((rate) => byRate[rate]);
  const maxRequests = Math.max(...allRuns.map((r) => r.beforeKeystroke.requests));
  const errors = [...new Set(allRuns.flatMap((r) => r.errors))];
  const markdown = [
    '## B6 Hydration (voucherkit only)',
    '',
    `The production page rendered in Node with \`renderToString\` (p50 ${ms(server.renderToString.p50)} ms, ${server.bytes} bytes of markup, field toggle`,
    `${server.hasToggle ? 'present' : '**missing**'}), hydrated in Chromium with \`hydrateRoot\`; ${RUNS[1]} first visits (fresh context) at 1×, ${RUNS[4]} at 4× (whole page throttled).`,
    'Interactive = the commit that hydrates the field (a layout effect beside it), from the moment `hydrateRoot` is called;',
    `then, after ${IDLE_MS} ms of quiet, the runner opens the field and types one key, which must reach the input.`,
    'The widget is not measured: it builds its SDK client during render, which throws on a server without `origin`.',
    '',
    table(
      ['CPU', 'hydrateRoot → field interactive, ms p50 / p95', 'requests before the first keystroke (max)', 'hydration errors', 'first keystroke answered'],
      rows,
    ),
    '',
    `- requests before the first keystroke = 0: ${verdict(maxRequests === 0, `${maxRequests}`)}`,
    `- hydration mismatches: ${errors.length ? `**${errors.join('; ')}**` : 'none'}`,
  ].join('\n');
  return { markdown, raw: { server, byRate } };
}

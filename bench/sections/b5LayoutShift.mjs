// B5: layout shift across open, reject, apply and remove, for both contenders. CLS alone reads 0 on loopback (every
// shift follows input within 500 ms, so hadRecentInput is true), hence the sum of every layout-shift entry too.
import { newContext } from '../browser/launchBrowser.mjs';
import { ours, pageUrl, REJECTED_CODE, settleFrames, submitCode, VALID_CODE, widget } from '../browser/contenders.mjs';
import { table, verdict } from '../lib/markdown.mjs';

const RUNS = 2;
/** Layout-shift entries are queued after the frame that moved things; transitions settle within it. */
const AFTER_STEP_MS = 450;
const GOAL = 0.005;

/** Opens the disclosure if the input is hidden (voucherkit closes its panel once a code is applied). */
async function ensureOpen(page, contender) {
  if (!(await contender.input(page).isVisible())) await contender.open(page);
}

/**
 * The shopper's steps. Reject comes before apply because the widget locks itself once a code applies; the same
 * order is used for both so the pages are compared step for step.
 */
const STEPS = [
  { key: 'open', label: 'open the field', run: (page, c) => c.open(page) },
  { key: 'reject', label: `reject (${REJECTED_CODE})`, run: (page, c) => submitCode(page, c, REJECTED_CODE, c.rejectedSelector) },
  {
    key: 'apply',
    label: `apply (${VALID_CODE})`,
    run: async (page, c) => {
      await ensureOpen(page, c);
      await submitCode(page, c, VALID_CODE, c.appliedSelector);
    },
  },
  { key: 'remove', label: 'remove', run: async (page, c) => (c.remove ? (await c.remove(page, VALID_CODE), true) : false) },
];

/** CLS as Chromium reports it: the largest session window (gap < 1 s, span ≤ 5 s) of shifts without recent input. */
function cumulativeLayoutShift(shifts) {
  let worst = 0;
  let current = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((e) => !e.hadRecentInput)) {
    if (s.startTime - last > 1000 || s.startTime - first > 5000) {
      current = 0;
      first = s.startTime;
    }
    current += s.value;
    last = s.startTime;
    worst = Math.max(worst, current);
  }
  return worst;
}

async function runOnce(session, contender) {
  const context = await newContext(session.browser);
  const page = await context.newPage();
  await page.goto(pageUrl(session.origin, contender.pages.prod, session.sandbox.url));
  await settleFrames(page);
  await page.waitForTimeout(AFTER_STEP_MS);
  const count = () => page.evaluate(() => window.__probe.shifts.length);
  const from = await count();
  const steps = {};
  for (const step of STEPS) {
    const before = await count();
    const done = await step.run(page, contender);
    await settleFrames(page);
    await page.waitForTimeout(AFTER_STEP_MS);
    const shifts = await page.evaluate((start) => window.__probe.shifts.slice(start), before);
    steps[step.key] = done === false ? null : { sum: shifts.reduce((sum, s) => sum + s.value, 0), entries: shifts.length, shifts };
  }
  const all = await page.evaluate((start) => window.__probe.shifts.slice(start), from);
  await context.close();
  return { steps, sum: all.reduce((sum, s) => sum + s.value, 0), cls: cumulativeLayoutShift(all), withoutInput: all.filter((s) => !s.hadRecentInput).length };
}

const fmt = (value) => (value === null ? 'n/a' : value.toFixed(4));
/** The worst run for one value (layout is deterministic here; the max guards against a late font or frame). */
const worst = (runs, pick) => {
  const values = runs.map(pick);
  return values.includes(null) ? null : Math.max(...values);
};

/** @param {import('../lib/session.mjs').BenchSession} session */
export async function runB5(session) {
  const runs = { ours: [], widget: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.ours.push(await runOnce(session, ours));
    runs.widget.push(await runOnce(session, widget));
  }
  const rows = STEPS.map((step) => [
    step.label,
    fmt(worst(runs.ours, (r) => r.steps[step.key]?.sum ?? null)),
    fmt(worst(runs.widget, (r) => r.steps[step.key]?.sum ?? null)),
  ]);
  const oursSum = worst(runs.ours, (r) => r.sum);
  rows.push(['**sum of every layout-shift entry**', `**${fmt(oursSum)}**`, `**${fmt(worst(runs.widget, (r) => r.sum))}**`]);
  rows.push(['CLS (entries without recent input only)', fmt(worst(runs.ours, (r) => r.cls)), fmt(worst(runs.widget, (r) => r.cls))]);
  rows.push(['entries without recent input', String(worst(runs.ours, (r) => r.withoutInput)), String(worst(runs.widget, (r) => r.withoutInput))]);
  // What moved in voucherkit's first run, per step: the cause behind each number.
  const causes = STEPS.flatMap((step) => {
    const shifts = runs.ours[0].steps[step.key]?.shifts ?? [];
    const moved = new Map();
    for (const shift of shifts) {
      for (const source of shift.sources) {
        const key = source.node;
        const prev = moved.get(key) ?? { dy: 0, dh: 0 };
        moved.set(key, { dy: prev.dy + source.dy, dh: prev.dh + source.dh });
      }
    }
    const list = [...moved].map(
      ([node, d]) => `${node} ${d.dy >= 0 ? '+' : ''}${Math.round(d.dy)} px${d.dh ? ` (height ${d.dh >= 0 ? '+' : ''}${Math.round(d.dh)})` : ''}`,
    );
    const late = shifts.filter((s) => !s.hadRecentInput).length;
    return list.length ? [`- ${step.label}: ${list.join(', ')}${late ? ` — ${late} entr${late > 1 ? 'ies' : 'y'} more than 500 ms after the input` : ''}`] : [];
  });
  const markdown = [
    '## B5 Layout shift',
    '',
    `Production pages, 1280×800, ${RUNS} fresh pages per contender, worst run shown. Each step is followed by ${AFTER_STEP_MS} ms`,
    'of quiet; its value is the sum of the layout-shift entries it caused (hadRecentInput included). The order summary,',
    'address and Place order button sit below the field, as in most checkouts, so a field that grows moves them.',
    'The widget is always open (no disclosure), so "open" does nothing there, and it cannot remove a code.',
    '',
    table(['step', 'voucherkit', 'widget'], rows),
    '',
    `- voucherkit sum ≤ ${GOAL}: ${verdict(oursSum <= GOAL, `${(oursSum / GOAL).toFixed(1)}× the goal`)}`,
    '',
    "What moved on voucherkit's page (first run; vertical movement summed over the step's entries):",
    '',
    ...causes,
  ].join('\n');
  return { markdown, runs };
}

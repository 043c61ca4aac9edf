// B5: layout shift across open, reject, apply and remove, for both contenders, with the sandbox answering at once
// and 1.5 s late (a slow network). The goal is CLS 0 in both (Web Vitals: shifts without input in the 500 ms before
// them): what the shopper opens, types or removes may move the page, an answer may not (issue 24). The sum of every
// layout-shift entry (the shopper's own included) is reported beside it, not a goal.
import { newContext } from '../browser/launchBrowser.mjs';
import { ours, pageUrl, REJECTED_CODE, settleFrames, VALID_CODE, widget } from '../browser/contenders.mjs';
import { table, verdict } from '../lib/markdown.mjs';

const RUNS = 2;
/** Layout-shift entries are queued after the frame that moved things; transitions settle within it. */
const AFTER_STEP_MS = 450;
/** The slow network: every sandbox answer waits this long. */
const LATE_MS = 1500;
/** Answer timings, each a separate set of runs. */
const TIMINGS = [
  { key: 'onTime', label: 'answers on time', faults: [] },
  { key: 'late', label: `answers ${LATE_MS / 1000} s late`, faults: [{ kind: 'latency', ms: LATE_MS }] },
];

/** Opens the disclosure if the input is hidden (voucherkit closes its panel once a code is applied). */
async function ensureOpen(page, contender) {
  if (!(await contender.input(page).isVisible())) await contender.open(page);
}

/**
 * Types `code` as a shopper does (select what is there, then keystrokes: input in Web Vitals' sense, unlike
 * Playwright's `fill`, whose edit would count as a shift without input), presses Enter and waits for `selector`.
 */
async function typeCode(page, contender, code, selector) {
  await contender.input(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(code);
  await settleFrames(page);
  await page.keyboard.press('Enter');
  await page.locator(selector).first().waitFor({ timeout: 15000 });
}

/**
 * The shopper's steps. Reject comes before apply because the widget locks itself once a code applies; the same
 * order is used for both so the pages are compared step for step.
 */
const STEPS = [
  { key: 'open', label: 'open the field', run: (page, c) => c.open(page) },
  { key: 'reject', label: `reject (${REJECTED_CODE})`, run: (page, c) => typeCode(page, c, REJECTED_CODE, c.rejectedSelector) },
  {
    key: 'apply',
    label: `apply (${VALID_CODE})`,
    run: async (page, c) => {
      await ensureOpen(page, c);
      await typeCode(page, c, VALID_CODE, c.appliedSelector);
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

async function runOnce(session, contender, timing) {
  session.sandbox.setFaults(timing.faults);
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
  session.sandbox.setFaults([]);
  return { steps, sum: all.reduce((sum, s) => sum + s.value, 0), cls: cumulativeLayoutShift(all), withoutInput: all.filter((s) => !s.hadRecentInput).length };
}

const fmt = (value) => (value === null ? 'n/a' : value.toFixed(4));
/** The worst run for one value (layout is deterministic here; the max guards against a late font or frame). */
const worst = (runs, pick) => {
  const values = runs.map(pick);
  return values.includes(null) ? null : Math.max(...values);
};

/** What moved on voucherkit's page in one run, per step: the cause behind each number. */
function causesOf(run) {
  return STEPS.flatMap((step) => {
    const shifts = run.steps[step.key]?.shifts ?? [];
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
}

/** @param {import('../lib/session.mjs').BenchSession} session */
export async function runB5(session) {
  const runs = {};
  for (const timing of TIMINGS) {
    runs[timing.key] = { ours: [], widget: [] };
    for (let i = 0; i < RUNS; i++) {
      runs[timing.key].ours.push(await runOnce(session, ours, timing));
      runs[timing.key].widget.push(await runOnce(session, widget, timing));
    }
  }
  const columns = TIMINGS.flatMap((t) => [`voucherkit, ${t.label}`, `widget, ${t.label}`]);
  const cells = (pick) => TIMINGS.flatMap((t) => [fmt(worst(runs[t.key].ours, pick)), fmt(worst(runs[t.key].widget, pick))]);
  const rows = STEPS.map((step) => [`${step.label} (every entry)`, ...cells((r) => r.steps[step.key]?.sum ?? null)]);
  rows.push(['sum of every layout-shift entry (reported, not a goal)', ...cells((r) => r.sum)]);
  rows.push(['**CLS (entries without recent input)**', ...cells((r) => r.cls).map((c) => `**${c}**`)]);
  rows.push([
    'entries without recent input',
    ...TIMINGS.flatMap((t) => [String(worst(runs[t.key].ours, (r) => r.withoutInput)), String(worst(runs[t.key].widget, (r) => r.withoutInput))]),
  ]);
  const verdicts = TIMINGS.map((t) => {
    const cls = worst(runs[t.key].ours, (r) => r.cls);
    return `- voucherkit CLS = 0, ${t.label}: ${verdict(cls === 0, `CLS ${fmt(cls)}`)}`;
  });
  const causes = TIMINGS.flatMap((t) => {
    const list = causesOf(runs[t.key].ours[0]);
    return list.length ? [`${t.label}:`, '', ...list, ''] : [];
  });
  const markdown = [
    '## B5 Layout shift',
    '',
    `Production pages, 1280×800, ${RUNS} fresh pages per contender and answer timing, worst run shown. Each step is followed`,
    `by ${AFTER_STEP_MS} ms of quiet; its value is the sum of the layout-shift entries it caused (hadRecentInput included). The order`,
    'summary, address and Place order button sit below the field, as in most checkouts, so a field that grows moves them.',
    'The widget is always open (no disclosure), so "open" does nothing there, and it cannot remove a code.',
    `The goal is CLS 0 (Chromium's session windows of entries without input in the 500 ms before them) with the sandbox`,
    `answering at once and ${LATE_MS / 1000} s late: the shopper's own moves may move the page, an answer may not.`,
    '',
    table(['step', ...columns], rows),
    '',
    ...verdicts,
    '',
    "What moved on voucherkit's page (first run; vertical movement summed over the step's entries):",
    '',
    ...causes,
  ].join('\n');
  return { markdown, runs };
}

// B3: renders, on the profiling builds (react-dom/profiling aliased), from the <Profiler> around each region:
// per keystroke the field commits at most once and the sibling checkout parts never; the provider's value keeps
// its identity while typing; how many commits it takes from Enter to the applied state, and from the response's
// last byte (the validation request's Resource Timing `responseEnd`, in the same clock) to it, per region.
import { newContext } from '../browser/launchBrowser.mjs';
import { ours, pageUrl, settleFrames, widget } from '../browser/contenders.mjs';
import { table, verdict } from '../lib/markdown.mjs';

const RUNS = 2;
/** 9 keystrokes, and a code that then applies (PERCENT 15 %). */
const CODE = 'PERCENT15';
const SIBLINGS = ['summary', 'address', 'placeOrder'];
/** Every region with a Profiler: the field, the checkout parts and (voucherkit only) the provider-value probe. */
const REGIONS = ['field', ...SIBLINGS, 'providerValue'];
/** After the last keystroke and after applied: debounced work (a deferred value, a timer) lands within it. */
const SETTLE_MS = 500;

const readProbe = (page) =>
  page.evaluate(() => {
    const p = window.__probe;
    return {
      commits: p.commits.slice(),
      keys: p.keys.slice(),
      interactions: p.interactions.slice(),
      providerValueChanges: p.providerValueChanges,
      changedKeys: p.providerValueChangedKeys?.slice() ?? [],
      // The answer's last byte, as B4 finds it: the latest validation request's Resource Timing entry.
      responseEnd:
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/client/v1/validat'))
          .at(-1)?.responseEnd ?? null,
    };
  });
const resetProbe = (page) =>
  page.evaluate(() => {
    const p = window.__probe;
    p.commits.length = 0;
    p.keys.length = 0;
    p.interactions.length = 0;
    p.providerValueChanges = 0;
    if (p.providerValueChangedKeys) p.providerValueChangedKeys.length = 0;
  });

/** Each commit belongs to the latest keystroke before it (the runner types one key every 80 ms). */
function perKeystroke(keys, commits) {
  return keys.map((key, i) => {
    const end = keys[i + 1]?.t ?? Infinity;
    const inWindow = commits.filter((c) => c.at >= key.t && c.at < end);
    return {
      field: inWindow.filter((c) => c.id === 'field').length,
      siblings: inWindow.filter((c) => SIBLINGS.includes(c.id)).length,
    };
  });
}

/** Distinct React commits (a commit calls every Profiler it touched with the same commitTime). */
const distinctCommits = (commits) => new Set(commits.map((c) => c.commitTime)).size;

async function runOnce(session, contender) {
  const context = await newContext(session.browser);
  const page = await context.newPage();
  await page.goto(pageUrl(session.origin, contender.pages.profiling, session.sandbox.url));
  await settleFrames(page);
  await contender.open(page);
  await contender.input(page).click();
  await settleFrames(page);
  await page.waitForTimeout(200);
  await resetProbe(page);

  await page.keyboard.type(CODE, { delay: 80 });
  await page.waitForTimeout(SETTLE_MS);
  const typing = await readProbe(page);
  await resetProbe(page);

  await page.keyboard.press('Enter');
  await page.locator(contender.appliedSelector).waitFor({ timeout: 15000 });
  await page.waitForTimeout(SETTLE_MS);
  const apply = await readProbe(page);
  await context.close();

  const keystrokes = perKeystroke(typing.keys, typing.commits);
  const enter = apply.keys.find((k) => k.key === 'Enter')?.t ?? 0;
  const applied = apply.interactions[0]?.applied ?? Infinity;
  const untilApplied = apply.commits.filter((c) => c.at >= enter && c.at <= applied);
  const responseEnd = apply.responseEnd ?? Number.NaN;
  const fromResponse = apply.commits.filter((c) => c.at >= responseEnd && c.at <= applied);
  return {
    keystrokes: keystrokes.length,
    fieldMax: Math.max(...keystrokes.map((k) => k.field)),
    fieldTotal: keystrokes.reduce((sum, k) => sum + k.field, 0),
    siblingsTotal: keystrokes.reduce((sum, k) => sum + k.siblings, 0),
    siblingRegions: [...new Set(typing.commits.filter((c) => SIBLINGS.includes(c.id)).map((c) => c.id))],
    providerValueChanges: typing.providerValueChanges,
    applyCommits: distinctCommits(untilApplied),
    applySiblingCommits: untilApplied.filter((c) => SIBLINGS.includes(c.id)).length,
    responseCommits: distinctCommits(fromResponse),
    ...Object.fromEntries(REGIONS.map((id) => [`response_${id}`, fromResponse.filter((c) => c.id === id).length])),
    afterAppliedCommits: distinctCommits(apply.commits.filter((c) => c.at > applied)),
    applyProviderValueChanges: apply.providerValueChanges,
    applyChangedKeys: apply.changedKeys,
    typingChangedKeys: typing.changedKeys,
  };
}

const REGION_LABELS = {
  field: 'field',
  summary: 'order summary',
  address: 'address',
  placeOrder: 'place-order button',
  providerValue: 'provider-value probe (a memo consumer of `useVoucherify()`)',
};

const worst = (runs, key) => Math.max(...runs.map((r) => r[key]));
const spread = (runs, key) => {
  const values = runs.map((r) => r[key]);
  return Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`;
};

/** @param {import('../lib/session.mjs').BenchSession} session */
export async function runB3(session) {
  const runs = { ours: [], widget: [] };
  for (let i = 0; i < RUNS; i++) {
    runs.ours.push(await runOnce(session, ours));
    runs.widget.push(await runOnce(session, widget));
  }
  const o = runs.ours;
  const w = runs.widget;
  const rows = [
    ['field commits in one keystroke (worst keystroke)', '≤ 1', spread(o, 'fieldMax'), spread(w, 'fieldMax'), verdict(worst(o, 'fieldMax') <= 1)],
    [`field commits over the ${CODE.length} keystrokes`, `≤ ${CODE.length}`, spread(o, 'fieldTotal'), spread(w, 'fieldTotal'), ''],
    [
      'sibling commits while typing (summary, address, place order)',
      '0',
      spread(o, 'siblingsTotal'),
      spread(w, 'siblingsTotal'),
      verdict(worst(o, 'siblingsTotal') === 0, o.flatMap((r) => r.siblingRegions).join(', ')),
    ],
    [
      'provider value identity changes while typing',
      '0',
      spread(o, 'providerValueChanges'),
      'n/a (no provider)',
      verdict(worst(o, 'providerValueChanges') === 0),
    ],
    ['commits from Enter to the applied state (all regions)', '—', spread(o, 'applyCommits'), spread(w, 'applyCommits'), ''],
    ['… of which sibling region renders', '—', spread(o, 'applySiblingCommits'), spread(w, 'applySiblingCommits'), ''],
    [
      'commits from the response end to the applied state (all regions)',
      '1',
      spread(o, 'responseCommits'),
      spread(w, 'responseCommits'),
      verdict(worst(o, 'responseCommits') <= 1),
    ],
    ...REGIONS.map((id) => [
      `… renders of the ${REGION_LABELS[id]} in them`,
      '—',
      spread(o, `response_${id}`),
      id === 'providerValue' ? 'n/a (no provider)' : spread(w, `response_${id}`),
      '',
    ]),
    [`commits in the ${SETTLE_MS} ms after the applied state`, '—', spread(o, 'afterAppliedCommits'), spread(w, 'afterAppliedCommits'), ''],
    ['provider value identity changes from Enter to settled', '—', spread(o, 'applyProviderValueChanges'), 'n/a', ''],
  ];
  const changed = (key) => [...new Set(o.flatMap((r) => r[key]))].join(', ') || 'none';
  const markdown = [
    '## B3 Renders',
    '',
    `Profiling builds (\`react-dom/profiling\` aliased for \`react-dom/client\`; for React 17, for \`react-dom\`), a \`<Profiler>\` around`,
    `each region; ${RUNS} fresh pages per contender, shown as the range over runs. The runner types \`${CODE}\` one key every 80 ms,`,
    'waits, then presses Enter. A "commit" of a region is one `onRender` call of its Profiler. The sibling parts are not',
    'memoised, as in the README pattern: they render whenever the checkout component renders. "From the response end" counts',
    "the commits after the validation request's Resource Timing `responseEnd` (the answer's last byte, B4's mark) up to the",
    'applied state in the DOM, and the renders of each region in them. Both pages show the new total: ours from the',
    "answer's order totals, the widget's in `onValidated` from `response.discount` and its own cart (see its page).",
    '',
    table(['measure', 'goal', 'voucherkit', 'widget', 'voucherkit goal'], rows),
    '',
    `Provider value fields that changed while typing: ${changed('typingChangedKeys')}; from Enter to settled: ${changed('applyChangedKeys')}.`,
    'The sibling renders during apply are the checkout component rendering for its new `codes` and total (the README',
    "pattern's `useState` + `useValidate`): the summary must show the new total; address and button render with it.",
  ].join('\n');
  return { markdown, runs };
}

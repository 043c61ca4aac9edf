// B2: requests a shopper causes, counted at the sandbox server (CORS preflights apart), on the production pages
// and on the development pages wrapped in StrictMode, for voucherkit and the widget, with the same script; then the
// same script on voucherkit's promotions page (issue 19), its qualifications and validations counted apart.
import { newContext } from '../browser/launchBrowser.mjs';
import { ours, pageUrl, promotions, settleFrames, submitCode, VALID_CODE, widget } from '../browser/contenders.mjs';
import { table } from '../lib/markdown.mjs';

/** After the outcome is on screen: long enough for a late duplicate, a re-check or a StrictMode replay to land. */
const QUIET_MS = 600;
/** The field's debounce is 300 ms by default; this leaves the re-check time to arrive. */
const AFTER_CART_MS = 1200;
const TYPED_CODE = 'SUMMER2026XY';

/** The script's steps, in order, with the issue's goal for each. */
const STEPS = [
  { key: 'load', label: 'open the page (no input)', goal: 0 },
  { key: 'apply', label: `apply a code (${VALID_CODE})`, goal: 1 },
  { key: 'reapply', label: 'remove it, apply it again, same cart', goal: 0 },
  { key: 'cart', label: 'five cart changes within 300 ms, code applied', goal: 1 },
  { key: 'typing', label: `type a 12-character code (${TYPED_CODE}), no Enter`, goal: 0 },
];

/**
 * Issue 19's goals on the promotions page, as [qualifications, validations]. Opening the page costs one of each: the
 * cart ($67.99 with shipping) already earns free shipping, so the tiers are qualified once and priced once, with no
 * code (the total on screen comes from Voucherify, not from the qualification's per-tier amounts).
 */
const PROMOTION_GOALS = { load: [1, 1], apply: [0, 1], reapply: [0, 0], cart: [1, 1], typing: [0, 0] };

/** Opens the disclosure if the input is hidden (voucherkit closes the panel once a code is applied). */
async function ensureOpen(page, contender) {
  if (!(await contender.input(page).isVisible())) await contender.open(page);
}

/** Runs the script on one page build; each value is `{ requests, preflights }` or null (the contender cannot). */
async function runScript(session, contender, folder) {
  const { sandbox } = session;
  const url = pageUrl(session.origin, folder, sandbox.url);
  const result = {};
  sandbox.take();

  let context = await newContext(session.browser);
  let page = await context.newPage();
  await page.goto(url);
  await settleFrames(page);
  // A page with promotions asks for them at load: wait until they are priced, then for anything late.
  if (contender.settle) await contender.settle(page);
  await page.waitForTimeout(contender.settle ? QUIET_MS : 300);
  result.load = sandbox.take();

  await contender.open(page);
  await submitCode(page, contender, VALID_CODE, contender.appliedSelector);
  await page.waitForTimeout(QUIET_MS);
  result.apply = sandbox.take();

  if (contender.remove) {
    await contender.remove(page, VALID_CODE);
    await ensureOpen(page, contender);
    await submitCode(page, contender, VALID_CODE, contender.appliedSelector);
    await page.waitForTimeout(QUIET_MS);
    result.reapply = sandbox.take();
  } else {
    result.reapply = null;
  }

  // Quantities 3..7 at 0, 60, …, 240 ms, timed inside the page so the runner's round trips do not stretch them.
  await page.evaluate(async () => {
    for (let quantity = 3; quantity <= 7; quantity++) {
      window.__page.setQuantity(quantity);
      if (quantity < 7) await new Promise((resolve) => setTimeout(resolve, 60));
    }
  });
  await page.waitForTimeout(AFTER_CART_MS);
  // With promotions the re-qualification and then the validation must both have landed (loaded machine).
  if (contender.settle) {
    await contender.settle(page);
    await page.waitForTimeout(QUIET_MS);
  }
  result.cart = sandbox.take();
  // What the summary shows after the last change: the saving must follow the cart (voucherkit re-checks it).
  result.totalShown = (await page.getByText(/^Total:/).textContent())?.trim();
  await context.close();

  context = await newContext(session.browser);
  page = await context.newPage();
  await page.goto(url);
  await settleFrames(page);
  // The load's own requests must not be counted as typing's.
  if (contender.settle) {
    await contender.settle(page);
    await page.waitForTimeout(QUIET_MS);
  }
  await contender.open(page);
  await contender.input(page).click();
  sandbox.take();
  await page.keyboard.type(TYPED_CODE, { delay: 60 });
  await page.waitForTimeout(AFTER_CART_MS);
  result.typing = sandbox.take();
  await context.close();
  return result;
}

const cell = (count, goal) => {
  if (count === null) return 'n/a';
  const text = `${count.requests}${count.preflights ? ` + ${count.preflights} preflight${count.preflights > 1 ? 's' : ''}` : ''}`;
  return count.requests === goal ? text : `**${text}**`;
};

/** A step's requests by operation: qualifications, validations, anything else (preflights apart). */
function byOperation(count) {
  const sent = count.log.filter((r) => r.method !== 'OPTIONS');
  const qualifications = sent.filter((r) => r.path.endsWith('/qualifications')).length;
  const validations = sent.filter((r) => r.path.endsWith('/validations')).length;
  return { qualifications, validations, other: sent.length - qualifications - validations };
}

/** `qualifications + validations` (and what else was sent), bold when it is not the goal. */
const promotionCell = (count, [q, v]) => {
  if (count === null) return 'n/a';
  const { qualifications, validations, other } = byOperation(count);
  const text = `${qualifications} + ${validations}${other ? ` + ${other} other` : ''}${count.preflights ? ` (+ ${count.preflights} preflight${count.preflights > 1 ? 's' : ''})` : ''}`;
  return qualifications === q && validations === v && other === 0 ? text : `**${text}**`;
};

/** @param {import('../lib/session.mjs').BenchSession} session */
export async function runB2(session) {
  const runs = {
    oursProd: await runScript(session, ours, ours.pages.prod),
    widgetProd: await runScript(session, widget, widget.pages.prod),
    oursStrict: await runScript(session, ours, ours.pages.strict),
    widgetStrict: await runScript(session, widget, widget.pages.strict),
    promotionsProd: await runScript(session, promotions, promotions.pages.prod),
    promotionsStrict: await runScript(session, promotions, promotions.pages.strict),
  };
  const rows = STEPS.map((step) => [
    step.label,
    String(step.goal),
    cell(runs.oursProd[step.key], step.goal),
    cell(runs.widgetProd[step.key], step.goal),
    cell(runs.oursStrict[step.key], step.goal),
    cell(runs.widgetStrict[step.key], step.goal),
  ]);
  const missed = [];
  for (const [name, run] of [
    ['voucherkit production', runs.oursProd],
    ['voucherkit StrictMode', runs.oursStrict],
  ]) {
    for (const step of STEPS)
      if (run[step.key] && run[step.key].requests !== step.goal) missed.push(`${name}: ${step.label} sent ${run[step.key].requests} (goal ${step.goal})`);
  }
  const strictSame = STEPS.every((s) => runs.oursStrict[s.key]?.requests === runs.oursProd[s.key]?.requests);
  const noPromotions = '—, no promotions';
  const promotionRows = STEPS.map((step) => [
    step.label,
    PROMOTION_GOALS[step.key].join(' + '),
    promotionCell(runs.promotionsProd[step.key], PROMOTION_GOALS[step.key]),
    noPromotions,
    promotionCell(runs.promotionsStrict[step.key], PROMOTION_GOALS[step.key]),
    noPromotions,
  ]);
  for (const [name, run] of [
    ['voucherkit + promotions production', runs.promotionsProd],
    ['voucherkit + promotions StrictMode', runs.promotionsStrict],
  ]) {
    for (const step of STEPS) {
      const { qualifications, validations, other } = byOperation(run[step.key]);
      const [q, v] = PROMOTION_GOALS[step.key];
      if (qualifications !== q || validations !== v || other !== 0)
        missed.push(
          `${name}: ${step.label} sent ${qualifications} qualification(s) + ${validations} validation(s)${other ? ` + ${other} other` : ''} (goal ${q} + ${v})`,
        );
    }
  }
  // The README pattern without promotions must not qualify at all (issue 19: one state, one validation).
  const readmeQualifications = ['oursProd', 'oursStrict'].flatMap((run) => STEPS.map((s) => runs[run][s.key])).filter(Boolean);
  const readmeQualified = readmeQualifications.reduce((sum, count) => sum + byOperation(count).qualifications, 0);
  const sameOperations = (a, b) => JSON.stringify(byOperation(a)) === JSON.stringify(byOperation(b));
  const promotionsStrictSame = STEPS.every((s) => sameOperations(runs.promotionsStrict[s.key], runs.promotionsProd[s.key]));
  const strictLoad = runs.promotionsStrict.load;
  const extraLoad =
    byOperation(strictLoad).qualifications > byOperation(runs.promotionsProd.load).qualifications ||
    strictLoad.preflights > runs.promotionsProd.load.preflights;
  const markdown = [
    '## B2 Requests a shopper causes',
    '',
    'Counted at the sandbox server (requests that are not CORS preflights; preflights after the `+`). Each column is one',
    'fresh browser context; the first four steps run on one page in order, the typing step on a fresh page. Bold: not the goal.',
    '',
    table(['step', 'goal', 'voucherkit (prod)', 'widget (prod)', 'voucherkit (dev, StrictMode)', 'widget (dev, StrictMode)'], rows),
    '',
    `Total shown after the cart changes (quantity 7: $187.00 before the code): voucherkit ${runs.oursProd.totalShown}, widget ${runs.widgetProd.totalShown}` +
      " (the widget takes no cart and never re-checks: its page recomputes the total from the answer's discount and the new" +
      " cart, as a merchant would; voucherkit's comes from a re-validation, so a code that stopped applying shows as such).",
    `StrictMode row equals the production row for voucherkit: ${strictSame ? 'yes' : '**no**'}.`,
    'The widget cannot remove a code (applied locks the field until it remounts): its re-apply step is n/a.',
    `The README pattern (no promotions) sent ${readmeQualified} qualification${readmeQualified === 1 ? '' : 's'} over every step, both builds (goal 0): one state, one validation per code applied.`,
    '',
    '### B2 with promotions (issue 19)',
    '',
    "bench/pages/promotions: docs/promotions.md's pattern, `usePromotions({ order, codes, mode: 'auto' })` with",
    "`<VoucherField {...promotions.fieldProps} />` and `<PromotionList>`, the cart carrying Voucherify's shipping line",
    '(`5h1pp1ng`, $5.99) so the seeded free-shipping tier (over $50) applies. Same script and sandbox; each cell is',
    'qualifications (`POST /client/v1/qualifications`) + validations (`POST /client/v1/validations`), anything else',
    'named, preflights in brackets. Opening the page costs 1 + 1 by design: the cart already earns free shipping, so one',
    'qualification finds the tiers and one validation prices them, before any input (the total shown is',
    "Voucherify's, never a sum of the qualification's per-tier amounts). Bold: not the goal.",
    '',
    table(
      ['step', 'goal', 'voucherkit + promotions (prod)', 'widget (prod)', 'voucherkit + promotions (dev, StrictMode)', 'widget (dev, StrictMode)'],
      promotionRows,
    ),
    '',
    `Total shown after the cart changes (quantity 7: $192.99 with shipping, before the code and the tiers): ${runs.promotionsProd.totalShown}` +
      ' (SAVE10, then the tiers the new cart earns: free shipping and 10% off over $100, priced together by one validation).',
    `StrictMode row equals the production row with promotions: ${promotionsStrictSame ? 'yes' : '**no**'}.` +
      (extraLoad
        ? ' At load the development build starts the qualification twice: StrictMode mounts, unmounts and mounts again; the' +
          " first qualification's AbortSignal is consumed, so React Query aborts it when its last observer leaves, and the" +
          ` second mount sends it again. Whether the aborted one reaches the server is a race: here ${byOperation(strictLoad).qualifications > 1 ? 'its POST did' : 'only its preflight did'}.` +
          " Production starts one; a fix belongs in usePromotions' query, not in the page."
        : ''),
    missed.length ? `Goals missed: ${missed.join('; ')}.` : 'Every voucherkit goal of B2 is met, with and without promotions.',
  ].join('\n');
  return { markdown, runs };
}

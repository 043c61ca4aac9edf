// B2: requests a shopper causes, counted at the sandbox server (CORS preflights apart), on the production pages
// and on the development pages wrapped in StrictMode, for voucherkit and the widget, with the same script.
import { newContext } from '../browser/launchBrowser.mjs';
import { ours, pageUrl, settleFrames, submitCode, VALID_CODE, widget } from '../browser/contenders.mjs';
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
  await page.waitForTimeout(300);
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
  result.cart = sandbox.take();
  // What the summary shows after the last change: the saving must follow the cart (voucherkit re-checks it).
  result.totalShown = (await page.getByText(/^Total:/).textContent())?.trim();
  await context.close();

  context = await newContext(session.browser);
  page = await context.newPage();
  await page.goto(url);
  await settleFrames(page);
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

/** @param {import('../lib/session.mjs').BenchSession} session */
export async function runB2(session) {
  const runs = {
    oursProd: await runScript(session, ours, ours.pages.prod),
    widgetProd: await runScript(session, widget, widget.pages.prod),
    oursStrict: await runScript(session, ours, ours.pages.strict),
    widgetStrict: await runScript(session, widget, widget.pages.strict),
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
    missed.length ? `Goals missed: ${missed.join('; ')}.` : 'Every voucherkit goal of B2 is met.',
    'The widget cannot remove a code (applied locks the field until it remounts): its re-apply step is n/a.',
  ].join('\n');
  return { markdown, runs };
}

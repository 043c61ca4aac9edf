// How the runner drives each contender's page: the same shopper steps, expressed in each one's DOM.
// voucherkit is driven by its documented accessible names (README "The field's accessible names").

/** Publishable keys of the sandbox (SANDBOX_KEYS' client pair), passed in each page's query string. */
import { SANDBOX_KEYS } from 'voucherkit/sandbox';

/** A seed code that applies (AMOUNT 1000 off) and one the sandbox refuses (voucher_expired). */
export const VALID_CODE = 'SAVE10';
export const REJECTED_CODE = 'EXPIRED';

/**
 * @typedef {object} Contender
 * @property {string} label
 * @property {Record<'prod' | 'profiling' | 'strict', string>} pages folder of each build
 * @property {string} appliedSelector the applied DOM state (also set inside the page, for B4's observer)
 * @property {string} rejectedSelector
 * @property {(page: import('playwright-core').Page) => Promise<boolean>} open false when there is nothing to open
 * @property {(page: import('playwright-core').Page) => import('playwright-core').Locator} input
 * @property {((page: import('playwright-core').Page, code: string) => Promise<void>) | null} remove null: cannot remove
 */

/** @type {Contender} */
export const ours = {
  label: 'voucherkit VoucherField',
  pages: { prod: 'ours-prod', profiling: 'ours-profiling', strict: 'ours-dev-strict' },
  appliedSelector: ".voucher-field__chip[data-state='valid']",
  rejectedSelector: ".voucher-field[data-state='invalid']",
  async open(page) {
    await page.getByRole('button', { name: 'Have a promo code?' }).click();
    await page.getByRole('textbox', { name: 'Promo code' }).waitFor();
    return true;
  },
  input: (page) => page.getByRole('textbox', { name: 'Promo code' }),
  async remove(page, code) {
    await page.getByRole('button', { name: `Remove code ${code}` }).click();
    await page.locator('.voucher-field__chip').waitFor({ state: 'detached' });
  },
};

/** @type {Contender} */
export const widget = {
  label: '@voucherify/react-widget 2.0.2 (React 17)',
  pages: { prod: 'widget-prod', profiling: 'widget-profiling', strict: 'widget-dev-strict' },
  appliedSelector: 'input[name="voucherifyCode"].voucherifyValid',
  rejectedSelector: 'input[name="voucherifyCode"].voucherifyInvalid',
  // Always open: no disclosure.
  open: async () => false,
  input: (page) => page.locator('input[name="voucherifyCode"]'),
  // Applied is terminal in the widget: inputs and button stay disabled, there is no remove (only a remount).
  remove: null,
};

/** The page URL: the build's folder plus the sandbox URL and keys for the page to read. */
export function pageUrl(origin, folder, sandboxUrl, file = 'index.html') {
  const query = new URLSearchParams({ api: sandboxUrl, id: SANDBOX_KEYS.clientApplicationId, token: SANDBOX_KEYS.clientToken });
  return `${origin}/${folder}/${file}?${query}`;
}

/** Resolves after the page has painted twice: earlier input and its renders are on screen. */
export function settleFrames(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Types `code` into the field, waits for the frame, presses Enter and waits for `selector` (the outcome). */
export async function submitCode(page, contender, code, selector) {
  await contender.input(page).fill(code);
  await settleFrames(page);
  await page.keyboard.press('Enter');
  await page.locator(selector).first().waitFor({ timeout: 15000 });
}

/**
 * voucherkit's promotions page (docs/promotions.md's pattern): the same field, driven by the same names, plus the
 * PromotionList. `settle` waits until the cart's tiers are qualified and priced (the list idle, a tier applied).
 * @type {Contender & { settle(page: import('playwright-core').Page): Promise<void> }}
 */
export const promotions = {
  ...ours,
  label: 'voucherkit usePromotions + PromotionList',
  pages: { prod: 'promotions-prod', strict: 'promotions-dev-strict' },
  async settle(page) {
    await page.locator(".voucher-promotions[data-state='idle'] .voucher-promotions__line[data-status='applied']").first().waitFor({ timeout: 15000 });
  },
};

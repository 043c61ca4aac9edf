import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { formatMoney, PromotionList, usePromotions, VoucherField, VoucherProvider } from 'voucherkit';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import 'voucherkit/styles.css';
import 'voucherkit/promotions.css';
import type { Order } from 'voucherkit/core';
import { toOrder, type Cart } from '../../examples/patterns/cart.js';
import type { PromotionRedeemOutcome } from './commands/promotionSandbox.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    promotionSandbox(): Promise<{ url: string }>;
    promotionSandboxCount(path: string): Promise<number>;
    promotionSandboxReset(): Promise<void>;
    promotionSandboxClose(): Promise<void>;
    promotionRedeem(params: { codes: string[]; order: Order; expectedTotal: number }): Promise<PromotionRedeemOutcome>;
  }
}

// One loopback sandbox in Node: the page validates against it over HTTP, and voucherkit/server (which refuses to
// run in a browser) redeems against the same one through a browser command.
let apiUrl = '';
beforeAll(async () => {
  apiUrl = (await commands.promotionSandbox()).url;
});
afterEach(async () => {
  cleanup();
  await commands.promotionSandboxReset();
  document.cookie = 'voucherify_tracking_id=; Max-Age=0; Path=/';
});
afterAll(() => commands.promotionSandboxClose());

/** The README's promotion snippet (PromotionSummary), with the total as the README's Checkout shows it. */
function PromotionSummary({ cart }: { cart: Cart }) {
  const [codes, setCodes] = useState<string[]>([]);
  const promotions = usePromotions({ order: toOrder(cart), codes, mode: 'auto' });
  const data = promotions.validation.data;
  const total = data?.valid && data.order ? data.order.totalAmount : cart.total;
  return (
    <form>
      <VoucherField codes={codes} onCodesChange={setCodes} {...promotions.fieldProps} />
      <PromotionList promotions={promotions} />
      <p>Total: {formatMoney(total, { currency: 'USD', locale: 'en-US' })}</p>
      <p hidden data-testid="total">
        {total}
      </p>
    </form>
  );
}

/** A cart of mugs plus the shipping line Voucherify's free shipping discounts (`source_id: '5h1pp1ng'`). */
const cartOf = (mugs: number): Cart => ({
  id: 'cart_1',
  orderId: 'order_promotions_1',
  total: mugs * 2000 + 499,
  items: [
    { sku: 'sku_mug', quantity: mugs, unitPrice: 2000 },
    { sku: '5h1pp1ng', quantity: 1, unitPrice: 499 },
  ],
});

const count = (path: string) => commands.promotionSandboxCount(path);
const counts = async () => [await count('/client/v1/qualifications'), await count('/client/v1/validations')];
const list = () => screen.getByRole('list', { name: 'Promotions' });
const shownTotal = () => Number(screen.getByTestId('total').textContent);
const statuses = () => screen.getAllByRole('status').map((region) => (region.textContent ?? '').trim());

async function expectAccessible(state: string) {
  const results = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  });
  const summary = (items: axe.Result[]) => items.map((r) => `${r.id}: ${r.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect({ state, violations: summary(results.violations), incomplete: summary(results.incomplete) }).toEqual({ state, violations: [], incomplete: [] });
}

function mount(cart: Cart) {
  const ui = (next: Cart) => (
    <VoucherProvider clientApplicationId={SANDBOX_KEYS.clientApplicationId} clientToken={SANDBOX_KEYS.clientToken} apiUrl={apiUrl} queryClient={queryClient}>
      <PromotionSummary cart={next} />
    </VoucherProvider>
  );
  const queryClient = new QueryClient();
  const result = render(ui(cart));
  return { rerender: (next: Cart) => result.rerender(ui(next)) };
}

describe('the README pattern with promotions in Chromium', () => {
  it('free shipping without a code, a code stacks, the total is the server redemption’s, a smaller cart loses the tier and says so', async () => {
    const { rerender } = mount(cartOf(3));
    // $60.00 of mugs + $4.99 shipping: free shipping applies by itself.
    await waitFor(() => expect(within(list()).getByText('Free shipping on orders over $50 — applied automatically')).toBeTruthy());
    await waitFor(() => expect(shownTotal()).toBe(6000));
    expect(await counts()).toEqual([1, 1]);
    await expectAccessible('free shipping applied');

    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Promo code' }), 'SAVE10');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(() => expect(shownTotal()).toBe(5000));
    expect(within(list()).getByText('Free shipping on orders over $50 — applied automatically')).toBeTruthy();
    // One validation for the code, the tiers with it; no second qualification.
    expect(await counts()).toEqual([1, 2]);
    await expectAccessible('code stacked with the tier');

    // The server re-qualifies on its own (secret keys) and redeems the code and the tiers: the same total.
    const redeemed = await commands.promotionRedeem({ codes: ['SAVE10'], order: toOrder(cartOf(3)), expectedTotal: shownTotal() });
    expect(redeemed).toEqual({ total: shownTotal(), mismatch: null, redeemed: ['promo_free_shipping'] });

    // Two mugs fewer: $24.99, under $50. One qualification and one validation; the tier goes, and the region says so.
    const [q, v] = await counts();
    rerender(cartOf(1));
    await waitFor(() => expect(statuses()).toContain('Free shipping on orders over $50 no longer applies'));
    await waitFor(() => expect(shownTotal()).toBe(2499 - 1000));
    expect(within(list()).getByText('Free shipping on orders over $50 — no longer applies to your cart')).toBeTruthy();
    const [q2, v2] = await counts();
    expect([q2! - q!, v2! - v!]).toEqual([1, 1]);
    await expectAccessible('tier removed by a cart change');
  });
});

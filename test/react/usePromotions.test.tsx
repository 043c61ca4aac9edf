import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PromotionList, usePromotions, VoucherField, type Order, type PromotionMode } from 'voucherkit';
import { recordValidationRequests, renderWithProvider, sandbox, setupSandboxServer } from './harness.js';

setupSandboxServer();

const count = (path: string) => sandbox.state.requests.filter((r) => r.path === path).length;
const qualifications = () => count('/client/v1/qualifications');
const validations = () => count('/client/v1/validations');

/** A cart of one product plus Voucherify's shipping line (free shipping discounts it). */
export const cartOrder = (goods: number, shipping = 499): Order => ({
  amount: goods + shipping,
  items: [
    { source_id: 'sku_goods', related_object: 'product', quantity: 1, price: goods },
    { source_id: '5h1pp1ng', related_object: 'product', quantity: 1, price: shipping },
  ],
});

/** The README pattern with promotions: one codes state, one validation of the codes and the tiers. */
export function Checkout({ goods, mode = 'auto' }: { goods: number; mode?: PromotionMode }) {
  const [codes, setCodes] = useState<string[]>([]);
  const order = cartOrder(goods);
  const promotions = usePromotions({ order, codes, mode, debounceMs: 0 });
  const data = promotions.validation.data;
  const total = data?.valid && data.order ? data.order.totalAmount : order.amount!;
  return (
    <>
      <VoucherField hideToggle stacking codes={codes} onCodesChange={setCodes} debounceMs={0} {...promotions.fieldProps} />
      <PromotionList promotions={promotions} />
      <p data-testid="total">{total}</p>
      <p data-testid="tiers">{promotions.tiers.join(',')}</p>
    </>
  );
}

const list = () => screen.getByRole('list', { name: 'Promotions' });
const total = () => Number(screen.getByTestId('total').textContent);
const promotionStatus = () => (document.querySelector('.voucher-promotions [role="status"]')?.textContent ?? '').trim();

describe('usePromotions: the cart earns its promotions, priced together with the codes', () => {
  it('applies free shipping without a code: one qualification, one validation, total from Voucherify', async () => {
    const recorded = recordValidationRequests();
    renderWithProvider(<Checkout goods={6000} />);
    await waitFor(() => expect(within(list()).getByText('Free shipping on orders over $50 — applied automatically')).toBeTruthy());
    await waitFor(() => expect(total()).toBe(6000));
    expect(qualifications()).toBe(1);
    expect(validations()).toBe(1);
    const [body] = await recorded.bodies();
    expect(body!.redeemables).toEqual([{ object: 'promotion_tier', id: 'promo_free_shipping' }]);
    recorded.stop();
  });

  it('applying a code costs one validation, codes and tiers together, and stacks', async () => {
    renderWithProvider(<Checkout goods={12000} />);
    await waitFor(() => expect(within(list()).getByText('10% off orders over $100 — −$12.50')).toBeTruthy());
    const [q, v] = [qualifications(), validations()];
    const recorded = recordValidationRequests();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Promo code' }), 'SAVE10{Enter}');
    await waitFor(() => expect(screen.getByText('$10.00 off')).toBeTruthy());
    // $120.00 + $4.99 shipping: SAVE10 (−$10.00), then the tiers by hierarchy and id: 10% of $114.99 (−$11.50),
    // free shipping (−$4.99). Voucherify's order, so Voucherify's total.
    await waitFor(() => expect(total()).toBe(12499 - 1000 - 1150 - 499));
    expect(validations() - v).toBe(1);
    expect(qualifications() - q).toBe(0);
    const bodies = await recorded.bodies();
    recorded.stop();
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.redeemables).toEqual([
      { object: 'voucher', id: 'SAVE10' },
      { object: 'promotion_tier', id: 'promo_10_off_over_100' },
      { object: 'promotion_tier', id: 'promo_free_shipping' },
    ]);
    expect(within(list()).getByText('10% off orders over $100 — −$11.50')).toBeTruthy();
  });

  it('ALL mode, provider client: a tier the code makes INAPPLICABLE is dropped and the validation sent once more; the code applies', async () => {
    renderWithProvider(<Checkout goods={10300} />);
    await waitFor(() => expect(within(list()).getByText('10% off orders over $100 — −$10.80')).toBeTruthy());
    const recorded = recordValidationRequests();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Promo code' }), 'SAVE10{Enter}');
    await waitFor(() => expect(screen.getByText('$10.00 off')).toBeTruthy());
    // $103.00 + $4.99 − $10.00 = $97.99: no longer over $100, so the 10% tier fails the whole answer under ALL.
    await waitFor(() => expect(total()).toBe(10799 - 1000 - 499));
    const bodies = await recorded.bodies();
    recorded.stop();
    expect(bodies.map((body) => body.redeemables)).toEqual([
      [
        { object: 'voucher', id: 'SAVE10' },
        { object: 'promotion_tier', id: 'promo_10_off_over_100' },
        { object: 'promotion_tier', id: 'promo_free_shipping' },
      ],
      [
        { object: 'voucher', id: 'SAVE10' },
        { object: 'promotion_tier', id: 'promo_free_shipping' },
      ],
    ]);
  });

  it('a cart change costs one qualification and one validation, removes the tier and announces it', async () => {
    const { rerender } = renderWithProvider(<Checkout goods={12000} />);
    await waitFor(() => expect(within(list()).getByText('10% off orders over $100 — −$12.50')).toBeTruthy());
    const [q, v] = [qualifications(), validations()];
    rerender(<Checkout goods={6000} />);
    await waitFor(() => expect(promotionStatus()).toMatch(/^10% off orders over \$100 no longer applies/));
    await waitFor(() => expect(total()).toBe(6000));
    expect(within(list()).getByText('10% off orders over $100 — no longer applies to your cart')).toBeTruthy();
    expect(within(list()).getByText('Free shipping on orders over $50 — applied automatically')).toBeTruthy();
    expect(qualifications() - q).toBe(1);
    expect(validations() - v).toBe(1);
    rerender(<Checkout goods={12000} />);
    await waitFor(() => expect(promotionStatus()).toMatch(/^10% off orders over \$100 now applies/));
  });

  it('a cart that no longer earns any promotion shows its own total again, not the last discounted one', async () => {
    const { rerender } = renderWithProvider(<Checkout goods={6000} />);
    await waitFor(() => expect(total()).toBe(6000));
    rerender(<Checkout goods={3000} />);
    await waitFor(() => expect(within(list()).getByText('Free shipping on orders over $50 — no longer applies to your cart')).toBeTruthy());
    expect(total()).toBe(3499);
    expect(screen.getByTestId('tiers').textContent).toBe('');
  });

  it('suggest mode lists the tiers unchosen; a checkbox opts in, and the validation prices it', async () => {
    renderWithProvider(<Checkout goods={12000} mode="suggest" />);
    const box = await screen.findByRole('checkbox', { name: 'Apply 10% off orders over $100' });
    expect((box as HTMLInputElement).checked).toBe(false);
    expect(validations()).toBe(0);
    const user = userEvent.setup();
    await user.click(box);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: '10% off orders over $100 — −$12.50' })).toBeTruthy());
    expect(screen.getByTestId('tiers').textContent).toBe('promo_10_off_over_100');
    expect(total()).toBe(12499 - 1250);
    expect(validations()).toBe(1);
  });

  it('a skipped promotion is worded with the exclusive promotion that shut it out, from the same answer', async () => {
    renderWithProvider(<Checkout goods={25000} />);
    await waitFor(() => expect(within(list()).getByText(/^25% off orders of \$200 or more \(cannot be combined\) — −\$63\.75$/)).toBeTruthy());
    expect(within(list()).getByText("10% off orders over $100 can't be combined with 25% off orders of $200 or more (cannot be combined)")).toBeTruthy();
    // Free shipping's category is JOINT: always stackable.
    expect(within(list()).getByText('Free shipping on orders over $50 — applied automatically')).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Promo code' }), 'SAVE10{Enter}');
    // The field words the SKIPPED code from the answer that skipped it: the exclusive tier applied before it.
    await waitFor(() =>
      expect(document.querySelector('.voucher-field__error')?.textContent).toBe(
        "Error: SAVE10 can't be combined with 25% off orders of $200 or more (cannot be combined)",
      ),
    );
  });
});

import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { formatMoney, PromotionList, usePromotions, VoucherField, type Order, type PromotionMode, type PromotionNudge } from 'voucherkit';
import { SEED_PROMOTIONS } from 'voucherkit/sandbox';
import { sandboxStory } from './support/sandboxStory.js';

/** A cart of goods plus Voucherify's shipping line ($4.99), which the free shipping tier discounts. */
const orderOf = (goods: number): Order => ({
  amount: goods + 499,
  items: [
    { source_id: 'sku_goods', related_object: 'product', quantity: 1, price: goods },
    { source_id: '5h1pp1ng', related_object: 'product', quantity: 1, price: 499 },
  ],
});

interface CheckoutArgs {
  /** The goods, minor units (shipping $4.99 comes on top). */
  goods: number;
  mode: PromotionMode;
  nudges?: PromotionNudge[];
}

/** The README pattern with promotions: one codes state, the field, the list and the total. */
function PromotionCheckout({ goods: initialGoods, mode, nudges }: CheckoutArgs) {
  const [codes, setCodes] = useState<string[]>([]);
  const [goods, setGoods] = useState(initialGoods);
  const promotions = usePromotions({ order: orderOf(goods), codes, mode, nudges });
  const data = promotions.validation.data;
  const total = data?.valid && data.order ? data.order.totalAmount : goods + 499;
  return (
    <div style={{ maxInlineSize: '32rem', display: 'grid', gap: '0.75rem' }}>
      <p>
        Goods {formatMoney(goods, { currency: 'USD', locale: 'en-US' })}, shipping $4.99{' '}
        <button type="button" onClick={() => setGoods((value) => Math.max(1000, value - 5000))}>
          Remove $50 of goods
        </button>
      </p>
      <VoucherField stacking codes={codes} onCodesChange={setCodes} {...promotions.fieldProps} />
      <PromotionList promotions={promotions} nudges={nudges} reserveLines={2} />
      <p>
        Total: <output>{formatMoney(total, { currency: 'USD', locale: 'en-US' })}</output>
      </p>
    </div>
  );
}

/** `<PromotionList>` with `usePromotions`: each promotion state, against the sandbox's seeded tiers. */
const meta = {
  title: 'Voucher/PromotionList',
  component: PromotionCheckout,
  tags: ['!autodocs'],
  args: { goods: 6000, mode: 'auto' },
} satisfies Meta<typeof PromotionCheckout>;

export default meta;
type Story = StoryObj<typeof meta>;

const line = async (canvasElement: HTMLElement, text: string | RegExp) =>
  waitFor(() => expect(within(canvasElement).getByRole('list', { name: 'Promotions' }).textContent).toMatch(text), { timeout: 5000 });

/** No promotion: a $20 cart earns nothing; no list, only the live region (and the reserved room). */
export const None: Story = {
  args: { goods: 2000 },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('.voucher-promotions')?.getAttribute('data-state')).toBe('idle'), { timeout: 5000 });
    await expect(within(canvasElement).queryByRole('list', { name: 'Promotions' })).toBeNull();
  },
};

/** Applied: free shipping over $50 and 10% off over $100, both without a code, each its own line. */
export const Applied: Story = {
  args: { goods: 12000 },
  play: async ({ canvasElement }) => {
    await line(canvasElement, 'Free shipping on orders over $50 — applied automatically');
    await line(canvasElement, '10% off orders over $100 — −$12.50');
  },
};

/** Suggested: the shopper opts in with a real checkbox; the validation then prices it. */
export const Suggested: Story = {
  args: { goods: 12000, mode: 'suggest' },
  play: async ({ canvasElement }) => {
    const box = await within(canvasElement).findByRole('checkbox', { name: 'Apply 10% off orders over $100' }, { timeout: 5000 });
    await userEvent.click(box);
    await within(canvasElement).findByRole('checkbox', { name: '10% off orders over $100 — −$12.50' }, { timeout: 5000 });
  },
};

/** Nudge: the merchant's `nudges()` route says the cart is $12.02 from 10% off. */
export const Nudge: Story = {
  args: { goods: 8299, nudges: [{ tierId: 'promo_10_off_over_100', banner: '10% off orders over $100', missing: 1202 }] },
  play: async ({ canvasElement }) => {
    await line(canvasElement, 'Free shipping on orders over $50 — applied automatically');
    await line(canvasElement, 'Add $12.02 more for 10% off orders over $100');
  },
};

/** Skipped by exclusivity: the exclusive 25% tier applies, and 10% off says what shut it out. */
export const SkippedByExclusivity: Story = {
  args: { goods: 25000 },
  play: async ({ canvasElement }) => {
    await line(canvasElement, /25% off orders of \$200 or more \(cannot be combined\) — −\$63\.75/);
    await line(canvasElement, "10% off orders over $100 can't be combined with 25% off orders of $200 or more (cannot be combined)");
  },
};

/** A cart change removes a tier: the line stays as "no longer applies" and the live region says so. */
export const CartChangeRemovesATier: Story = {
  args: { goods: 12000 },
  play: async ({ canvasElement }) => {
    await line(canvasElement, '10% off orders over $100 — −$12.50');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Remove $50 of goods' }));
    await line(canvasElement, '10% off orders over $100 — no longer applies to your cart');
    await waitFor(
      () => expect(canvasElement.querySelector('.voucher-promotions [role="status"]')?.textContent).toBe('10% off orders over $100 no longer applies'),
      {
        timeout: 5000,
      },
    );
  },
};

/** The seeded tiers only, from a story sandbox of its own (how a story brings its own campaigns). */
export const OwnSandbox: Story = {
  ...sandboxStory({ promotions: SEED_PROMOTIONS.filter((campaign) => campaign.id === 'camp_free_shipping') }),
  args: { goods: 12000 },
  play: async ({ canvasElement }) => {
    await line(canvasElement, 'Free shipping on orders over $50 — applied automatically');
    await expect(within(canvasElement).getByRole('list', { name: 'Promotions' }).textContent).not.toContain('10% off');
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor } from 'storybook/test';
import { giftCardAmounts, VoucherField } from 'voucherkit';
import { SEED_VOUCHERS, type SandboxVoucher } from 'voucherkit/sandbox';
import { enterCode, SLOW, VISIBLE } from './support/play.js';
import { sandboxStory } from './support/sandboxStory.js';

const CARD20: SandboxVoucher = { code: 'CARD20', type: 'GIFT_VOUCHER', gift: { amount: 2000, balance: 2000 } };
const EMPTY: SandboxVoucher = { code: 'EMPTYCARD', type: 'GIFT_VOUCHER', gift: { amount: 2000, balance: 0 } };

const giftSandbox = sandboxStory({ vouchers: [...SEED_VOUCHERS, CARD20, EMPTY] });

const meta = {
  title: 'Voucher/Gift cards',
  component: VoucherField,
  args: { order: { amount: 3700 }, hideToggle: true, debounceMs: 0, giftCardAmounts, onGiftCreditsChange: fn() },
  beforeEach: giftSandbox.beforeEach,
  parameters: {
    ...giftSandbox.parameters,
    docs: {
      description: {
        component:
          'A gift card is a balance, not a discount: its chip says the balance and what it covers, with the code masked ' +
          '(····FT50). With `giftCardAmounts` the shopper can use less: a labelled amount in the currency, bounded by ' +
          'the balance and what is still due; a refused amount says why and is never clamped. Two cards stack.',
      },
    },
  },
} satisfies Meta<typeof VoucherField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default amount: min(balance, amount due), here the whole $37.00 order. */
export const CoversTheOrder: Story = {
  play: async (context) => {
    await enterCode(context, 'GIFT50');
    await expect(await context.canvas.findByText('Gift card ····FT50 — $50.00 balance, $37.00 applied', VISIBLE, SLOW)).toBeVisible();
    await expect(context.canvas.getByRole('textbox', { name: 'Amount to use from ····FT50 (USD)' })).toHaveValue('37');
  },
};

/** The shopper uses $20 of the card and pays the rest by card. */
export const PartOfTheBalance: Story = {
  play: async (context) => {
    await enterCode(context, 'GIFT50');
    const amount = await context.canvas.findByRole('textbox', { name: 'Amount to use from ····FT50 (USD)' }, SLOW);
    await context.userEvent.clear(amount);
    await context.userEvent.type(amount, '20{Enter}');
    await expect(await context.canvas.findByText('Gift card ····FT50 — $50.00 balance, $20.00 applied', VISIBLE, SLOW)).toBeVisible();
    await expect(context.args.onGiftCreditsChange).toHaveBeenLastCalledWith({ GIFT50: 2000 });
  },
};

/** More than is due is refused with the limit, never clamped. */
export const AmountRefused: Story = {
  play: async (context) => {
    await enterCode(context, 'GIFT50');
    const amount = await context.canvas.findByRole('textbox', { name: 'Amount to use from ····FT50 (USD)' }, SLOW);
    await context.userEvent.clear(amount);
    await context.userEvent.type(amount, '45{Enter}');
    await waitFor(() => expect(amount).toHaveAttribute('aria-invalid', 'true'));
    await expect(amount).toHaveAccessibleDescription('Enter an amount up to $37.00');
    await expect(amount).toHaveValue('45');
  },
};

/** Two cards stack: the second covers what the first leaves. */
export const TwoCards: Story = {
  args: { stacking: true, order: { amount: 6000 } },
  play: async (context) => {
    await enterCode(context, 'GIFT50');
    await context.canvas.findByText('Gift card ····FT50 — $50.00 balance, $50.00 applied', VISIBLE, SLOW);
    await enterCode(context, 'CARD20');
    await expect(await context.canvas.findByText('Gift card ····RD20 — $20.00 balance, $10.00 applied', VISIBLE, SLOW)).toBeVisible();
  },
};

/** A card with nothing left is refused with its reason. */
export const NoBalanceLeft: Story = {
  play: async (context) => {
    await enterCode(context, 'EMPTYCARD');
    await expect(await context.canvas.findByText("EMPTYCARD doesn't have enough balance left", VISIBLE, SLOW)).toBeVisible();
  },
};

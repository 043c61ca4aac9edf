import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn } from 'storybook/test';
import { VoucherField } from 'voucherkit';
import { cart, smallCart } from './support/carts.js';
import { enterCode, expectRejected, VISIBLE } from './support/play.js';

/** One story per Voucherify rejection key: each says why, in words that tell the shopper what to do. */
const meta = {
  title: 'Voucher/VoucherField/Rejections',
  component: VoucherField,
  tags: ['!autodocs'],
  args: { order: cart, onRejected: fn() },
} satisfies Meta<typeof VoucherField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `not_found`: any code the project does not know. */
export const NotFound: Story = {
  play: async (context) => {
    await expectRejected(context, 'SAVE100', "We couldn't find SAVE100. Check the code in your e-mail and try again");
    await expect(context.args.onRejected).toHaveBeenCalledWith(expect.objectContaining({ key: 'not_found' }), 'SAVE100');
  },
};

/** `voucher_expired`. */
export const Expired: Story = {
  play: (context) => expectRejected(context, 'EXPIRED', 'EXPIRED has expired'),
};

/** `voucher_not_active`: the start date is in the future. */
export const NotYetActive: Story = {
  play: (context) => expectRejected(context, 'NOTYET', "NOTYET isn't active yet"),
};

/** `voucher_disabled`. */
export const Disabled: Story = {
  play: (context) => expectRejected(context, 'DISABLED', 'DISABLED is no longer available'),
};

/** `quantity_exceeded`: used up. */
export const UsedUp: Story = {
  play: (context) => expectRejected(context, 'USEDUP', 'USEDUP has been used the maximum number of times'),
};

/** `order_rules_violated`: below the $50 minimum, the field says how much more to add. */
export const MinimumSpendNotMet: Story = {
  args: { order: smallCart },
  play: (context) => expectRejected(context, 'MIN50', 'Add $14.50 more to use MIN50'),
};

/** `customer_rules_violated`: VIPONLY is for vip@example.com only. */
export const CustomerNotEligible: Story = {
  play: (context) => expectRejected(context, 'VIPONLY', "VIPONLY isn't available for your account"),
};

/** Refused before any request: longer than 64 characters. */
export const TooLong: Story = {
  play: (context) =>
    expectRejected(
      context,
      'THIS-IS-NOT-A-PROMO-CODE-BUT-A-WHOLE-SENTENCE-PASTED-BY-MISTAKE-INTO-THE-FIELD',
      'A promo code has at most 64 characters. Check the code and try again',
    ),
};

/** Editing after a rejection clears the error at once: no stale red while the shopper fixes the code. */
export const ErrorClearsOnEdit: Story = {
  play: async (context) => {
    const input = await enterCode(context, 'EXPIRED');
    await expect(await context.canvas.findByText('EXPIRED has expired', VISIBLE)).toBeVisible();
    await context.userEvent.type(input, 'X');
    await expect(input).not.toHaveAttribute('aria-invalid');
    await expect(context.canvas.queryByText('EXPIRED has expired', VISIBLE)).not.toBeInTheDocument();
  },
};

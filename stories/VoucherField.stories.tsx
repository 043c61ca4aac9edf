import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState, type ComponentProps } from 'react';
import { expect, fn, waitFor } from 'storybook/test';
import { formatMoney, useValidate, VoucherField } from 'voucherkit';
import { cart, smallCart } from './support/carts.js';
import { enterCode, expectApplied, SLOW, VISIBLE } from './support/play.js';
import { sandboxStory } from './support/sandboxStory.js';

const meta = {
  title: 'Voucher/VoucherField',
  component: VoucherField,
  args: { order: cart, onApplied: fn(), onRemoved: fn(), onRejected: fn(), onError: fn() },
  parameters: {
    docs: {
      description: {
        component:
          'The drop-in field: a "Have a promo code?" disclosure, a labelled input with Apply, applied codes as chips ' +
          'with the saving and a Remove button, specific error texts and one polite status region. Every story here ' +
          'talks to the Voucherify sandbox (`voucherkit/sandbox`) through MSW, and every story is a test: its play ' +
          'function checks the behaviour and axe checks accessibility.',
      },
    },
  },
} satisfies Meta<typeof VoucherField>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The default: a quiet disclosure, so an empty box does not send shoppers off hunting for codes. */
export const Collapsed: Story = {
  play: async ({ canvas }) => {
    const toggle = canvas.getByRole('button', { name: 'Have a promo code?' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(canvas.queryByRole('textbox', { name: 'Promo code' })).not.toBeInTheDocument();
  },
};

/** Disclosed: a real label, the input and an Apply button that is never disabled. */
export const Open: Story = {
  args: { defaultOpen: true },
  play: async ({ canvas, userEvent }) => {
    await expect(canvas.getByRole('button', { name: 'Have a promo code?' })).toHaveAttribute('aria-expanded', 'true');
    const apply = canvas.getByRole('button', { name: 'Apply' });
    await expect(apply).toBeEnabled();
    await userEvent.click(apply);
    await expect(await canvas.findByText('Enter a promo code', VISIBLE)).toBeVisible();
    await expect(canvas.getByRole('textbox', { name: 'Promo code' })).toHaveAttribute('aria-invalid', 'true');
  },
};

/** Opened from a link such as `?promo=SAVE10`: applied on mount, and said so. */
export const InitialCode: Story = {
  args: { initialCode: 'SAVE10' },
  play: async ({ canvas, args }) => {
    await expect(await canvas.findByRole('button', { name: 'Remove code SAVE10' }, SLOW)).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('SAVE10 applied'));
    await expect(args.onApplied).toHaveBeenCalledTimes(1);
  },
};

const hanging = sandboxStory({ faults: [{ kind: 'hang', path: '/client/v1/validations' }] });

/** While the sandbox holds the answer: "Applying…", `aria-disabled` (not `disabled`), and the input stays editable. */
export const Validating: Story = {
  ...hanging,
  // A long timeout, so the story stays in this state while someone looks at it.
  parameters: { ...hanging.parameters, voucherProvider: { timeoutMs: 600_000 } },
  play: async (context) => {
    const input = await enterCode(context, 'SAVE10');
    const apply = await context.canvas.findByRole('button', { name: 'Applying…' });
    await expect(apply).toHaveAttribute('aria-disabled', 'true');
    await expect(apply).toBeEnabled();
    await expect(input).toBeEnabled();
    await expect(input).not.toHaveAttribute('readonly');
    // Said only once the check has taken about a second, so fast answers do not chatter.
    await waitFor(() => expect(context.canvas.getByRole('status')).toHaveTextContent('Checking code…'), SLOW);
  },
};

/** A slow network (2 s): after about a second the status region says it is checking, then the code applies. */
export const SlowNetwork: Story = {
  ...sandboxStory({ faults: [{ kind: 'latency', ms: 2000, path: '/client/v1/validations' }] }),
  play: async (context) => {
    await enterCode(context, 'SAVE10');
    await waitFor(() => expect(context.canvas.getByRole('status')).toHaveTextContent('Checking code…'), SLOW);
    const remove = await context.canvas.findByRole('button', { name: 'Remove code SAVE10' }, SLOW);
    await waitFor(() => expect(remove).toHaveFocus());
  },
};

/** AMOUNT: a fixed sum off the order (SAVE10, $10). */
export const AppliedAmount: Story = {
  play: (context) => expectApplied(context, 'SAVE10', /\$10\.00 off/),
};

/** PERCENT: 15% off the $67.50 cart. */
export const AppliedPercent: Story = {
  play: (context) => expectApplied(context, 'PERCENT15', /15% off/),
};

/** PERCENT with `amount_limit`: 50% off, capped at $20. */
export const AppliedPercentCapped: Story = {
  play: (context) => expectApplied(context, 'HALFCAP', /50% off.*\$20\.00/),
};

/** UNIT: one free gift wrap, added to the order by Voucherify. */
export const AppliedFreeUnit: Story = {
  play: (context) => expectApplied(context, 'FREEUNIT', /1 free item/),
};

/** FIXED: the order price becomes $20. */
export const AppliedFixedPrice: Story = {
  play: (context) => expectApplied(context, 'FIXED20', /Price set to \$20\.00/),
};

/** A gift card with a $50 balance covers $50 of the $67.50 cart; its code shows masked. */
export const AppliedGiftCard: Story = {
  play: (context) => expectApplied(context, 'GIFT50', /Gift card ····FT50 — \$50\.00 balance, \$50\.00 applied/),
};

/** VIPONLY applies for vip@example.com: the provider's identity is sent, hashed by Voucherify into a tracking id. */
export const PersonalCode: Story = {
  parameters: { voucherProvider: { identity: 'vip@example.com' } },
  play: (context) => expectApplied(context, 'VIPONLY', /20% off/),
};

/** `stacking`: several codes at once, each with its own verdict and Remove; the input stays for the next one. */
export const Stacking: Story = {
  args: { stacking: true },
  play: async (context) => {
    const { canvas, userEvent } = context;
    await enterCode(context, 'SAVE10');
    const first = await canvas.findByRole('button', { name: 'Remove code SAVE10' }, SLOW);
    await waitFor(() => expect(first).toHaveFocus());
    await enterCode(context, 'PERCENT15');
    const second = await canvas.findByRole('button', { name: 'Remove code PERCENT15' }, SLOW);
    await waitFor(() => expect(second).toHaveFocus());
    await expect(canvas.getAllByRole('listitem')).toHaveLength(2);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('PERCENT15 applied'));
    await userEvent.click(first);
    await expect(canvas.getAllByRole('listitem')).toHaveLength(1);
    await expect(canvas.getByRole('status')).toHaveTextContent('Code removed');
    await waitFor(() => expect(canvas.getByRole('textbox', { name: 'Promo code' })).toHaveFocus());
  },
};

function CartThatShrinks(props: Omit<ComponentProps<typeof VoucherField>, 'order'>) {
  const [isSmall, setSmall] = useState(false);
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 420 }}>
      <p style={{ margin: 0 }}>
        Cart total: <strong>{isSmall ? '$35.50' : '$67.50'}</strong>{' '}
        <button type="button" onClick={() => setSmall((small) => !small)}>
          {isSmall ? 'Add the dripper back' : 'Remove the dripper'}
        </button>
      </p>
      <VoucherField {...props} order={isSmall ? smallCart : cart} />
    </div>
  );
}

/** A cart change re-checks the applied code: MIN50 stops applying below $50 and says how much more to add. */
export const RecheckedWhenTheCartChanges: Story = {
  render: (args) => <CartThatShrinks {...args} />,
  play: async (context) => {
    const { canvas, userEvent } = context;
    await expectApplied(context, 'MIN50', /10% off/);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove the dripper' }));
    await expect(await canvas.findByText('Add $14.50 more to use MIN50', VISIBLE, SLOW)).toBeVisible();
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent('Add $14.50 more to use MIN50'));
    await userEvent.click(canvas.getByRole('button', { name: 'Add the dripper back' }));
    await expect(await canvas.findByText(/10% off/, VISIBLE, SLOW)).toBeVisible();
  },
};

function ControlledCheckout(props: Omit<ComponentProps<typeof VoucherField>, 'order' | 'codes' | 'onCodesChange'>) {
  const [codes, setCodes] = useState<string[]>([]);
  // The field's own validation, read from the cache: no second request.
  const { data } = useValidate(codes, { order: cart });
  const total = data?.valid && data.order ? data.order.totalAmount : (cart.amount ?? 0);
  return (
    <div style={{ display: 'grid', gap: 16, maxWidth: 420 }}>
      <VoucherField {...props} order={cart} codes={codes} onCodesChange={setCodes} />
      <p style={{ margin: 0 }}>
        Total: <strong>{formatMoney(total, { currency: 'USD', locale: 'en-US' })}</strong>
      </p>
    </div>
  );
}

/**
 * Controlled, as in the README: one `useState` of codes given to the field (`codes` + `onCodesChange`) and to
 * `useValidate(codes, { order })` for the total. Remove brings the total back at once.
 */
export const Controlled: Story = {
  render: (args) => <ControlledCheckout {...args} />,
  play: async (context) => {
    const { canvas, userEvent } = context;
    await expect(canvas.getByText('$67.50')).toBeVisible();
    await expectApplied(context, 'SAVE10', /\$10\.00/);
    await waitFor(() => expect(canvas.getByText('$57.50')).toBeVisible(), SLOW);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove code SAVE10' }));
    await expect(canvas.getByText('$67.50')).toBeVisible();
  },
};

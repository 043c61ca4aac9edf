import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { formatMoney, useVoucherInput, type UseVoucherInputOptions } from 'voucherkit';
import { cart } from './support/carts.js';
import { SLOW } from './support/play.js';
import './support/recipes.css';

/**
 * A recipe: your own markup and CSS on `useVoucherInput`. The prop getters bring the ids, labels, ARIA,
 * Enter-to-apply (without submitting your form), focus management and the live region; your handlers chain.
 */
function TicketVoucher(props: UseVoucherInputOptions) {
  const voucher = useVoucherInput({ defaultOpen: true, ...props });
  const [warning, setWarning] = useState<string | null>(null);
  const totals = voucher.result?.valid ? voucher.result.order : null;
  const money = (minor: number) => formatMoney(minor, { currency: 'USD', locale: 'en-US' });

  return (
    <form
      className="ticket"
      data-status={voucher.status}
      onSubmit={(event) => {
        event.preventDefault();
        // Guard the typed-but-not-applied code (a classic way to lose a discount at checkout).
        setWarning(voucher.pendingCode ? `Apply ${voucher.pendingCode} or clear it before you pay.` : 'Paid. Thank you!');
      }}
    >
      <label {...voucher.getLabelProps({ className: 'ticket__label' })}>Gift card or discount code</label>
      <div className="ticket__row">
        <input {...voucher.getInputProps({ className: 'ticket__input', placeholder: 'e.g. GIFT50', onChange: () => setWarning(null) })} />
        <button {...voucher.getApplyButtonProps({ className: 'ticket__apply' })}>{voucher.status === 'validating' ? 'Checking…' : 'Redeem'}</button>
      </div>
      {voucher.errorMessage ? <p {...voucher.getErrorProps({ className: 'ticket__error' })}>{voucher.errorMessage}</p> : null}
      {voucher.applied.length > 0 ? (
        <ul className="ticket__codes">
          {voucher.applied.map((code) => (
            <li key={code.requested} className="ticket__code">
              <strong>{code.code}</strong> <span>{code.message}</span>
              <button {...voucher.getRemoveButtonProps(code.requested, { className: 'ticket__remove' })}>
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="ticket__total">
        To pay: <strong>{money(totals?.totalAmount ?? cart.amount ?? 0)}</strong>
        {totals && totals.totalDiscountAmount > 0 ? <span> (you save {money(totals.totalDiscountAmount)})</span> : null}
      </p>
      <button type="submit" className="ticket__pay">
        Pay now
      </button>
      {warning ? (
        <p className="ticket__warning" role="alert">
          {warning}
        </p>
      ) : null}
      <div {...voucher.getStatusProps({ className: 'ticket__sr-only' })}>{voucher.announcement}</div>
    </form>
  );
}

const meta = {
  title: 'Voucher/useVoucherInput',
  component: TicketVoucher,
  args: { order: cart },
  parameters: {
    docs: {
      description: {
        component:
          '`useVoucherInput` is the field without markup: state, `apply()` / `remove()`, texts for every outcome and ' +
          'prop getters. This story is a complete custom design built on it; open "Show code" for the source.',
      },
    },
  },
} satisfies Meta<typeof TicketVoucher>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A gift card redeemed through custom markup: the total comes from Voucherify's answer. */
export const CustomMarkup: Story = {
  play: async ({ canvas, userEvent }) => {
    const input = canvas.getByRole('textbox', { name: 'Gift card or discount code' });
    await userEvent.type(input, 'GIFT50{Enter}');
    // Enter applied the code and did not submit the form around it.
    const remove = await canvas.findByRole('button', { name: 'Remove code GIFT50' }, SLOW);
    await waitFor(() => expect(remove).toHaveFocus());
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
    await expect(canvas.getByText('$17.50')).toBeVisible();
    await expect(canvas.getByRole('status')).toHaveTextContent('GIFT50 applied');
    await userEvent.click(remove);
    await waitFor(() => expect(input).toHaveFocus());
    await expect(canvas.getByText('$67.50')).toBeVisible();
  },
};

/** `pendingCode`: a code typed but never applied is caught before payment. */
export const PendingCodeGuard: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.type(canvas.getByRole('textbox', { name: 'Gift card or discount code' }), 'save10');
    await userEvent.click(canvas.getByRole('button', { name: 'Pay now' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Apply save10 or clear it before you pay.');
  },
};

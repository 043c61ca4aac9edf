import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { formatMoney, useValidate, VoucherField } from 'voucherkit';
import type { Cart } from '../../examples/patterns/cart.js';
import { Checkout } from '../../examples/patterns/Checkout.js';
import { renderWithProvider, sandbox, setupSandboxServer, statusText, validations } from './harness.js';

setupSandboxServer();

const cart: Cart = { id: 'cart_1', orderId: 'order_1', total: 4000, items: [{ sku: 'sku_mug', quantity: 2, unitPrice: 2000 }] };
/** The field's live region (the Checkout has its own status line for the order's outcome). */
const fieldStatus = () => (document.querySelector('.voucher-field [role="status"]')?.textContent ?? '').trim();
const eur = (minor: number) => `Total: ${formatMoney(minor, { currency: 'EUR', locale: 'de-DE' })}`;
const total = () => screen.getByText(/^Total:/).textContent;
const input = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });

async function applyCode(user: ReturnType<typeof userEvent.setup>, code: string) {
  if (screen.queryByRole('textbox', { name: 'Promo code' }) === null) await user.click(screen.getByRole('button', { name: 'Have a promo code?' }));
  await user.clear(input());
  await user.type(input(), `${code}{Enter}`);
}

describe("the README's primary pattern (one useState of codes, a controlled field, useValidate)", () => {
  it("useValidate reads the field's cached validation: applying costs exactly one request at the sandbox", async () => {
    const user = userEvent.setup();
    renderWithProvider(<Checkout cart={cart} />);
    expect(total()).toBe(eur(4000));
    await applyCode(user, 'SAVE10');
    await waitFor(() => expect(total()).toBe(eur(3000)));
    // Long enough for a debounced or a refetching second query to have been sent.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(validations()).toBe(1);
    expect(sandbox.state.requests.filter((r) => r.path.includes('validations'))).toHaveLength(1);
  });

  it('Remove brings the total back to the cart total, and a later rejected code leaves it there', async () => {
    const user = userEvent.setup();
    renderWithProvider(<Checkout cart={cart} />);
    await applyCode(user, 'SAVE10');
    await waitFor(() => expect(total()).toBe(eur(3000)));
    await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    expect(total()).toBe(eur(4000));
    await applyCode(user, 'EXPIRED');
    await waitFor(() => expect(fieldStatus()).toBe('EXPIRED has expired'));
    expect(total()).toBe(eur(4000));
    // Applying SAVE10 again reads its cached validation: still no request beyond the two codes.
    await applyCode(user, 'SAVE10');
    await waitFor(() => expect(total()).toBe(eur(3000)));
    expect(validations()).toBe(2);
  });

  it('stacking: a rejected code after an applied one leaves the total at the applied code’s (a rejection never replaces a code)', async () => {
    const user = userEvent.setup();
    function Stacked() {
      const [codes, setCodes] = useState<string[]>([]);
      const order = { amount: 4000 };
      const { data } = useValidate(codes, { order });
      const shown = data?.valid && data.order ? data.order.totalAmount : order.amount;
      return (
        <>
          <VoucherField stacking order={order} codes={codes} onCodesChange={setCodes} />
          <p>Total: {formatMoney(shown, { currency: 'EUR', locale: 'de-DE' })}</p>
        </>
      );
    }
    renderWithProvider(<Stacked />);
    await applyCode(user, 'SAVE10');
    await waitFor(() => expect(total()).toBe(eur(3000)));
    await applyCode(user, 'EXPIRED');
    await waitFor(() => expect(statusText()).toBe('EXPIRED has expired'));
    expect(total()).toBe(eur(3000));
    expect(screen.getAllByRole('button', { name: /^Remove code/ }).map((b) => b.getAttribute('aria-label'))).toEqual(['Remove code SAVE10']);
  });
});

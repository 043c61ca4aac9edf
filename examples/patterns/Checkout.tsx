// Checkout.tsx
import { useState } from 'react';
import { formatMoney, useValidate, VoucherField } from 'voucherkit';
import { toOrder, type Cart } from './cart';

const money = (minor: number) => formatMoney(minor, { currency: 'EUR', locale: 'de-DE' });

export function Checkout({ cart }: { cart: Cart }) {
  const [codes, setCodes] = useState<string[]>([]);
  const [outcome, setOutcome] = useState('');
  const order = toOrder(cart);
  const { data } = useValidate(codes, { order });
  const total = data?.valid && data.order ? data.order.totalAmount : cart.total;

  async function placeOrder() {
    // Only the codes travel: the server finds the cart through the session and prices it itself.
    const response = await fetch('/api/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ codes }),
    });
    const answer = (await response.json()) as { total?: number; error?: string };
    // 409: a code stopped applying between the check and the order; nothing was redeemed or charged.
    setOutcome(response.ok ? `Order placed: ${money(answer.total ?? total)} charged` : (answer.error ?? 'The order failed'));
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void placeOrder();
      }}
    >
      <VoucherField codes={codes} onCodesChange={setCodes} order={order} />
      <p>Total: {money(total)}</p>
      <button type="submit">Place order</button>
      <p role="status">{outcome}</p>
    </form>
  );
}

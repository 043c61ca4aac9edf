'use client';
import { useState, type FormEvent } from 'react';
import { formatMoney, useValidate, VoucherField, type Order } from 'voucherkit';
import type { CartItem } from '../../lib/cart';
import type { CheckoutAnswer } from '../../lib/checkoutAnswer';

const money = (minor: number) => formatMoney(minor, { currency: 'USD', locale: 'en-US' });

/** The checkout form: one list of codes, shared by the field and the total. */
export function CheckoutForm({ items, order }: { items: CartItem[]; order: Order }) {
  const [codes, setCodes] = useState<string[]>([]);
  // The field's own validation, read from the cache (same codes, order and tracking id): no extra request.
  const { data } = useValidate(codes, { order });
  const applied = data?.valid && data.order ? data.order : null;
  const [answer, setAnswer] = useState<CheckoutAnswer | null>(null);
  const [submitting, setSubmitting] = useState(false);

  async function placeOrder(event: FormEvent) {
    event.preventDefault();
    setSubmitting(true);
    try {
      // Only the codes: the server has the cart (order id, prices) and reads the tracking cookie itself.
      const response = await fetch('/api/checkout', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ codes }),
      });
      setAnswer((await response.json()) as CheckoutAnswer);
    } catch {
      setAnswer({ ok: false, error: 'The order could not be placed. Check your connection and try again.' });
    } finally {
      setSubmitting(false);
    }
  }

  if (answer?.ok) {
    return (
      <section aria-labelledby="placed">
        <h2 id="placed" tabIndex={-1} ref={(heading) => heading?.focus()}>
          Thank you, your order is placed
        </h2>
        <table>
          <tbody>
            <Row label="Order id" value={answer.orderId} />
            <Row label="Redeemed codes" value={answer.redeemed.join(', ') || 'none'} />
            <Row label="Total charged" value={money(answer.total)} />
            <Row label="Customer source id" value={answer.customer?.sourceId ?? 'none'} />
          </tbody>
        </table>
      </section>
    );
  }

  return (
    <form onSubmit={placeOrder}>
      <table>
        <caption>Your cart</caption>
        <tbody>
          {items.map((item) => (
            <Row key={item.sku} label={`${item.sku} × ${item.quantity}`} value={money(item.quantity * item.unitPrice)} />
          ))}
          <Row label="Subtotal" value={money(order.amount ?? 0)} />
          {applied && <Row label="Discount" value={`−${money(applied.totalDiscountAmount)}`} />}
          <Row label="Total" value={money(applied ? applied.totalAmount : (order.amount ?? 0))} />
        </tbody>
      </table>
      {/* Stacking: several codes, each with its own Remove; a rejected code never replaces an applied one. */}
      <VoucherField stacking order={order} codes={codes} onCodesChange={setCodes} />
      {answer && !answer.ok && <p role="alert">Your order was not placed: {answer.error}</p>}
      <button type="submit" disabled={submitting}>
        Place order
      </button>
    </form>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{value}</td>
    </tr>
  );
}

// The README's primary pattern, verbatim: one `useState` of codes, given to the field (controlled) and to
// `useValidate`, which reads the field's cached validation. test/browser/primaryPattern.browser.test.tsx renders it.
'use client';
import { useState } from 'react';
import { formatMoney, useValidate, VoucherField, type Order } from 'voucherkit';

/** The cart as your server priced it, in integer minor units (cents). */
export interface Cart {
  id: string;
  total: number;
  lines: Array<{ sku: string; quantity: number; unitPrice: number }>;
}

/**
 * A checkout whose total comes from Voucherify: the field applies and removes codes, `useValidate` reads the
 * same cached validation (no second request), and the order is placed with the codes on screen.
 *
 * @example
 * <Checkout cart={cart} onPlaceOrder={(codes) => placeOrder({ cartId: cart.id, codes })} />
 */
export function Checkout({ cart, onPlaceOrder }: { cart: Cart; onPlaceOrder: (codes: string[]) => void }) {
  const [codes, setCodes] = useState<string[]>([]);
  // Integer minor units (cents). Items let Voucherify apply product rules and UNIT discounts.
  const order: Order = {
    amount: cart.total,
    items: cart.lines.map((line) => ({ source_id: line.sku, related_object: 'product', quantity: line.quantity, price: line.unitPrice })),
  };
  // The same query the field runs (same codes, cart and tracking id): read from the cache, no second request.
  const { data } = useValidate(codes, { order });
  const total = data?.valid && data.order ? data.order.totalAmount : cart.total;

  return (
    <form onSubmit={(event) => { event.preventDefault(); onPlaceOrder(codes); }}>
      <VoucherField order={order} codes={codes} onCodesChange={setCodes} />
      <p>Total: {formatMoney(total, { currency: 'EUR', locale: 'de-DE' })}</p>
      <button type="submit">Place order</button>
    </form>
  );
}

// voucherkit's promotions page (B2's promotion rows): docs/promotions.md's React pattern. One `codes` state;
// usePromotions({ order, codes, mode: 'auto' }) owns the one validation of the codes and the tiers, VoucherField
// asks the same query through `fieldProps`, PromotionList shows the tiers. Only the public API: voucherkit's root entry.
import { Profiler, useState } from 'react';
import { PromotionList, usePromotions, VoucherField, VoucherProvider } from 'voucherkit';
import { cartTotal, initialCart, withQuantity } from '../shared/cart.js';
import { ProfiledCheckoutParts } from '../shared/CheckoutParts.jsx';
import { onRender, setAppliedSelector } from '../shared/probe.js';

/** A chip in the valid state, as on voucherkit's other page. */
export const APPLIED_SELECTOR = ".voucher-field__chip[data-state='valid']";
setAppliedSelector(APPLIED_SELECTOR);

/**
 * Voucherify's shipping product as a cart line: the seeded "free shipping over $50" tier is a UNIT discount on it.
 * Part of `order.amount`, as in Voucherify (and examples/checkout).
 */
const SHIPPING = { source_id: '5h1pp1ng', related_object: 'product', quantity: 1, price: 599 };

/** The cart as Voucherify's order with the shipping line last (a new object on every render, as in the docs). */
function toOrder(cart) {
  const items = cart.items.map((item) => ({ source_id: item.sku, related_object: 'product', quantity: item.quantity, price: item.unitPrice }));
  return { source_id: cart.orderId, amount: cartTotal(cart) + SHIPPING.price, items: [...items, { ...SHIPPING, amount: SHIPPING.price }] };
}

function Checkout({ cart }) {
  const [codes, setCodes] = useState([]);
  const order = toOrder(cart);
  // 'auto' applies every tier the cart qualifies for (the seed's free shipping at $62 + $5.99; 10% off over $100 too).
  const promotions = usePromotions({ order, codes, mode: 'auto' });
  const data = promotions.validation.data;
  const total = data?.valid && data.order ? data.order.totalAmount : order.amount;
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <Profiler id="field" onRender={onRender}>
        <VoucherField codes={codes} onCodesChange={setCodes} stacking {...promotions.fieldProps} />
        <PromotionList promotions={promotions} />
      </Profiler>
      <p>Shipping: $5.99</p>
      <ProfiledCheckoutParts cart={cart} total={total} />
    </form>
  );
}

/** The whole page; `config` comes from the query string. */
export function App({ config }) {
  const [cart, setCart] = useState(initialCart);
  window.__page = { setQuantity: (quantity) => setCart((c) => withQuantity(c, quantity)) };
  return (
    <VoucherProvider clientApplicationId={config.clientApplicationId} clientToken={config.clientToken} apiUrl={config.apiUrl} currency="USD">
      <main style={{ maxWidth: 420, margin: '24px auto', fontFamily: 'system-ui, sans-serif' }}>
        <h1>Checkout</h1>
        <Checkout cart={cart} />
      </main>
    </VoucherProvider>
  );
}

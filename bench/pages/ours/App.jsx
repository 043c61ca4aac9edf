// voucherkit's bench page: the README's controlled pattern (one `codes` state feeding VoucherField and
// useValidate), with a <Profiler> around each region. Only the public API: voucherkit's root entry.
import { memo, Profiler, useLayoutEffect, useRef, useState } from 'react';
import { useValidate, useVoucherify, VoucherField, VoucherProvider } from 'voucherkit';
import { cartTotal, initialCart, withQuantity } from '../shared/cart.js';
import { ProfiledCheckoutParts } from '../shared/CheckoutParts.jsx';
import { mark, onRender, probe, setAppliedSelector } from '../shared/probe.js';

/** A chip in the valid state: what the shopper sees as "applied" (class names and data-state are public styling hooks). */
export const APPLIED_SELECTOR = ".voucher-field__chip[data-state='valid']";
setAppliedSelector(APPLIED_SELECTOR);

/** The cart as Voucherify's order, as the README's `toOrder` builds it (a new object on every render, as there). */
function toOrder(cart) {
  return {
    source_id: cart.orderId,
    amount: cartTotal(cart),
    items: cart.items.map((item) => ({ source_id: item.sku, related_object: 'product', quantity: item.quantity, price: item.unitPrice })),
  };
}

/**
 * Renders only when the provider's context value changes (memo, no props), and counts identity changes:
 * a new value on every keystroke would re-render every consumer in the checkout.
 */
const ProviderValueProbe = memo(function ProviderValueProbe() {
  const value = useVoucherify();
  const previous = useRef(value);
  if (previous.current !== value && probe) {
    probe.providerValueChanges += 1;
    // Which fields differ tells a meaningful change (a new tracking id) from a value rebuilt for nothing.
    for (const key of Object.keys(value)) if (previous.current[key] !== value[key]) probe.providerValueChangedKeys.push(key);
  }
  previous.current = value;
  return null;
});

/**
 * Marks the commit that hydrated (or mounted) the field: its handlers are live from that commit on (B6). A layout
 * effect runs inside that commit; React 19 no longer warns about it under renderToString.
 */
function FieldReady() {
  useLayoutEffect(() => mark('fieldReady'), []);
  return null;
}

function Checkout({ cart }) {
  const [codes, setCodes] = useState([]);
  const order = toOrder(cart);
  const { data } = useValidate(codes, { order });
  const total = data?.valid && data.order ? data.order.totalAmount : cartTotal(cart);
  return (
    <form onSubmit={(event) => event.preventDefault()}>
      <Profiler id="field" onRender={onRender}>
        <VoucherField codes={codes} onCodesChange={setCodes} order={order} />
        <FieldReady />
      </Profiler>
      <ProfiledCheckoutParts cart={cart} total={total} />
    </form>
  );
}

/** The whole page; `config` comes from the query string (client) or the runner (server rendering). */
export function App({ config }) {
  const [cart, setCart] = useState(initialCart);
  if (typeof window !== 'undefined') window.__page = { setQuantity: (quantity) => setCart((c) => withQuantity(c, quantity)) };
  return (
    <VoucherProvider clientApplicationId={config.clientApplicationId} clientToken={config.clientToken} apiUrl={config.apiUrl} currency="USD">
      <main style={{ maxWidth: 420, margin: '24px auto', fontFamily: 'system-ui, sans-serif' }}>
        <h1>Checkout</h1>
        <Checkout cart={cart} />
      </main>
      <Profiler id="providerValue" onRender={onRender}>
        <ProviderValueProbe />
      </Profiler>
    </VoucherProvider>
  );
}

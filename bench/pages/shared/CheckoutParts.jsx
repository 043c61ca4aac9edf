// The rest of a checkout, shared by both pages: what must not re-render while the shopper types a code (B3)
// and what moves if the field changes height (B5). `react` is each build's own (React 17 for the widget's pages,
// 19 for voucherkit's), through its aliases.
import { Profiler } from 'react';
import { cartTotal } from './cart.js';
import { onRender } from './probe.js';

// Prices through Intl, as the README's checkout does with formatMoney: a checkout shows prices before any code is
// typed, so the renderer's one-off ICU start-up (tens to hundreds of ms in a new tab) is paid at load on both pages,
// not inside the first Enter of whichever field formats money first.
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (minor) => usd.format(minor / 100);

/** Order lines and total, below the code field as in most checkouts. */
export function CartSummary({ cart, total }) {
  return (
    <section aria-label="Order summary" style={{ marginTop: 16 }}>
      <ul>
        {cart.items.map((item) => (
          <li key={item.sku}>
            {item.quantity} × {item.name}: {money(item.quantity * item.unitPrice)}
          </li>
        ))}
      </ul>
      <p>Subtotal: {money(cartTotal(cart))}</p>
      <p>
        <strong>Total: {money(total)}</strong>
      </p>
    </section>
  );
}

/** A static address block: it has no reason to render after mount. */
export function ShippingAddress() {
  return (
    <fieldset>
      <legend>Shipping address</legend>
      <label>
        Name <input name="name" autoComplete="name" />
      </label>
      <label>
        Street <input name="street" autoComplete="street-address" />
      </label>
    </fieldset>
  );
}

/** The checkout's submit button. */
export function PlaceOrder() {
  return <button type="submit">Place order</button>;
}

/** The three sibling regions below the field, each in its own <Profiler> (B3 counts their commits). */
export function ProfiledCheckoutParts({ cart, total }) {
  return (
    <>
      <Profiler id="summary" onRender={onRender}>
        <CartSummary cart={cart} total={total} />
      </Profiler>
      <Profiler id="address" onRender={onRender}>
        <ShippingAddress />
      </Profiler>
      <Profiler id="placeOrder" onRender={onRender}>
        <PlaceOrder />
      </Profiler>
    </>
  );
}

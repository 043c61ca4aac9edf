// The anchor's bench page: @voucherify/react-widget 2.0.2 on React 17, in the same checkout as ours.
// The widget has no <form> of its own, so Enter does nothing in it alone. Merchants place it inside their checkout
// <form>: there Enter submits implicitly by clicking the form's first submit button, which is the widget's
// Validate button (it has no `type`). That is the Enter path measured here; onSubmit keeps the page in place.
import { Profiler, useCallback, useState } from 'react';
import { VoucherifyValidate } from '@voucherify/react-widget';
import { calculateDiscount } from 'voucherkit/core';
import { cartTotal, initialCart, withQuantity } from '../shared/cart.js';
import { ProfiledCheckoutParts } from '../shared/CheckoutParts.jsx';
import { onRender, setAppliedSelector } from '../shared/probe.js';

/**
 * The widget's applied state: the code input carries its `voucherifyValid` class. The widget shows no text; this
 * class (green styling, with the tada animation) is the only visible sign, and it appears in the last render of
 * the answer, after the inputs were locked (`disabled`) and the hidden discount inputs filled.
 */
export const APPLIED_SELECTOR = 'input[name="voucherifyCode"].voucherifyValid';
setAppliedSelector(APPLIED_SELECTOR);

/**
 * The checkout total as a merchant using the widget computes it. The widget sends only `{ code }`, never the cart,
 * so the answer's order totals are 0: the merchant keeps the answer's discount (or gift balance) from
 * `onValidated(response)` and takes it off its own cart, here with voucherkit's `calculateDiscount` (AMOUNT and
 * PERCENT, the bench's codes; a UNIT code would also need the unit's price). Derived in render, so a cart change
 * recomputes it, as voucherkit's page re-validates and shows the new total.
 */
function totalOf(cart, voucher) {
  const subtotal = cartTotal(cart);
  return voucher ? subtotal - calculateDiscount(subtotal, voucher) : subtotal;
}

/** The whole page; `config` from the query string. The widget takes no cart: `amount` only shows an amount box. */
export function App({ config }) {
  const [cart, setCart] = useState(initialCart);
  // What the checkout needs from the answer: its discount, or the gift card's balance.
  const [voucher, setVoucher] = useState(null);
  const onValidated = useCallback((response) => setVoucher({ discount: response.discount, gift: response.gift }), []);
  window.__page = { setQuantity: (quantity) => setCart((c) => withQuantity(c, quantity)) };
  return (
    <main style={{ maxWidth: 420, margin: '24px auto', fontFamily: 'system-ui, sans-serif' }}>
      <h1>Checkout</h1>
      <form onSubmit={(event) => event.preventDefault()}>
        <Profiler id="field" onRender={onRender}>
          <VoucherifyValidate
            apiUrl={config.apiUrl}
            clientApplicationId={config.clientApplicationId}
            clientSecretKey={config.clientToken}
            onValidated={onValidated}
          />
        </Profiler>
        <ProfiledCheckoutParts cart={cart} total={totalOf(cart, voucher)} />
      </form>
    </main>
  );
}

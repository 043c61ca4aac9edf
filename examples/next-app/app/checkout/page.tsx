import { cookies } from 'next/headers';
import { CART_COOKIE, loadCart, toOrder } from '../../lib/cart';
import { CheckoutForm } from './CheckoutForm';

// A server component: the cart (order id, prices) is loaded here and in the route handler, never sent by the browser.
export default async function CheckoutPage() {
  const cartId = (await cookies()).get(CART_COOKIE)?.value;
  if (!cartId) throw new Error('No cart session (proxy.ts sets one)');
  const cart = await loadCart(cartId);
  // The order the browser validates against, for display; the redeem uses the server's copy.
  const { source_id: _orderId, ...order } = toOrder(cart);
  return (
    <main>
      <h1>Checkout</h1>
      <CheckoutForm items={cart.items} order={order} />
    </main>
  );
}

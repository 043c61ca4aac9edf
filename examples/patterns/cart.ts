// lib/cart.ts (server data; the browser gets a copy to display)
import type { Order } from 'voucherkit/core';

/** One line. Prices as Voucherify writes money (value × 100 in every currency), from your catalogue. */
export interface CartItem {
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** The one cart shape. `orderId` and every price are the server's, never the browser's. */
export interface Cart {
  id: string;
  orderId: string;
  total: number;
  items: CartItem[];
}

/** The httpOnly cookie your server set that names the shopper's cart: a session id, not an order id or a price. */
export const CART_COOKIE = 'cart_id';

/** The cart as Voucherify's order: validated in the browser, redeemed on the server. */
export function toOrder(cart: Cart): Order {
  return {
    source_id: cart.orderId,
    amount: cart.total,
    // Items let Voucherify apply product rules and UNIT discounts.
    items: cart.items.map((item) => ({ source_id: item.sku, related_object: 'product', quantity: item.quantity, price: item.unitPrice })),
  };
}

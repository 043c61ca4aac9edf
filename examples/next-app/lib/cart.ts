import type { ServerOrder } from 'voucherkit/server';

/** One line of a cart: prices as Voucherify writes money (value × 100 in every currency), from your catalogue. */
export interface CartItem {
  sku: string;
  quantity: number;
  unitPrice: number;
}

/** The cart shape every snippet uses: the order id and the prices are the server's, never the browser's. */
export interface Cart {
  id: string;
  orderId: string;
  /** Value × 100, as Voucherify writes money. */
  total: number;
  items: CartItem[];
}

/** The httpOnly cookie that names the shopper's cart (set by proxy.ts): a session id, not an order or a price. */
export const CART_COOKIE = 'cart_id';

// A stand-in for your database: every cart holds the same two lines.
const catalogue: CartItem[] = [
  { sku: 'tee-black-m', quantity: 2, unitPrice: 2_500 },
  { sku: 'socks-3pack', quantity: 1, unitPrice: 1_750 },
];

/**
 * Loads a cart on the server. Here the order id derives from the cart id; in your app both come from your
 * database, so a shopper can only ever redeem against their own order at your prices.
 *
 * @example
 * const cart = await loadCart(cartId)
 */
export async function loadCart(cartId: string): Promise<Cart> {
  const items = catalogue.map((item) => ({ ...item }));
  return {
    id: cartId,
    orderId: `order_${cartId}`,
    total: items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0),
    items,
  };
}

/**
 * The cart as Voucherify's order, for both the browser's validation and the server's redeem.
 *
 * @example
 * const order = toOrder(cart) // { source_id, amount, items: [{ source_id: sku, quantity, price }] }
 */
export function toOrder(cart: Cart): ServerOrder {
  return {
    source_id: cart.orderId,
    amount: cart.total,
    items: cart.items.map((item) => ({ source_id: item.sku, related_object: 'product', quantity: item.quantity, price: item.unitPrice })),
  };
}

// The cart every bench page shows: the same on the widget's page and ours, so the pages differ only in the field.

/** Integer minor units, like the README's cart. */
export const initialCart = {
  id: 'cart_bench',
  orderId: 'order_bench',
  items: [
    { sku: 'prod_tee', name: 'T-shirt', quantity: 2, unitPrice: 2500 },
    { sku: 'prod_mug', name: 'Mug', quantity: 1, unitPrice: 1200 },
  ],
};

/** The cart with a new quantity for its first line (B2's "cart change"). */
export function withQuantity(cart, quantity) {
  const items = cart.items.map((item, index) => (index === 0 ? { ...item, quantity } : item));
  return { ...cart, items };
}

/** Sum of the lines. */
export function cartTotal(cart) {
  return cart.items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
}

/** The page's settings, from its query string: the sandbox URL and the publishable keys, chosen by the runner. */
export function readConfig(search) {
  const params = new URLSearchParams(search);
  return { apiUrl: params.get('api'), clientApplicationId: params.get('id'), clientToken: params.get('token') };
}

/** One product the demo shop sells. Prices are integer minor units (cents), as Voucherify expects. */
export interface Product {
  id: string;
  name: string;
  description: string;
  price: number;
}

/** The shop's currency and locale, shared by the page and the server so both format money alike. */
export const SHOP = { currency: 'USD', locale: 'en-US' } as const;

/**
 * The price list. The browser shows it, but the server prices the order from its own copy: a cart the
 * browser sends is product ids and quantities only, never amounts.
 */
export const CATALOGUE: readonly Product[] = [
  { id: 'prod_pour_over', name: 'Ceramic pour-over dripper', description: 'Hand-glazed, fits most mugs', price: 3200 },
  { id: 'prod_beans', name: 'Single-origin beans, 250 g', description: 'Washed Ethiopian, light roast', price: 1450 },
  { id: 'prod_filters', name: 'Paper filters, 100 pack', description: 'Unbleached, size 02', price: 650 },
];

/**
 * Shipping, as Voucherify's built-in shipping product: a cart line with `source_id: '5h1pp1ng'`. A free-shipping
 * promotion (a UNIT discount on it) takes its price off; the line is part of `order.amount`, as in Voucherify.
 */
export const SHIPPING = { source_id: '5h1pp1ng', name: 'Shipping', price: 599 } as const;

/** The most of one product a cart may hold; the server refuses more. */
export const MAX_QUANTITY = 10;

/** A cart line as the browser sends it. */
export interface CartLine {
  productId: string;
  quantity: number;
}

/** The cart a visitor starts with. */
export const INITIAL_CART: readonly CartLine[] = [
  { productId: 'prod_pour_over', quantity: 1 },
  { productId: 'prod_beans', quantity: 2 },
  { productId: 'prod_filters', quantity: 1 },
];

/** A Voucherify order priced from the catalogue: unknown products and bad quantities are errors, not zeros. */
export interface PricedOrder {
  amount: number;
  items: Array<{
    /** Your product id (or `5h1pp1ng`, the shipping line); Voucherify matches product rules (and UNIT discounts) on it. */
    source_id: string;
    related_object: 'product';
    quantity: number;
    price: number;
    amount: number;
    product: { name: string };
  }>;
}

/**
 * Prices cart lines from the catalogue. Lines with quantity 0 are dropped; a cart with products gets the shipping
 * line last.
 *
 * @example
 * priceCart([{ productId: 'prod_beans', quantity: 2 }]).amount // 3499: 2900 and 599 shipping
 */
export function priceCart(lines: readonly CartLine[]): PricedOrder {
  const items: PricedOrder['items'] = [];
  for (const line of lines) {
    const product = CATALOGUE.find((candidate) => candidate.id === line.productId);
    if (!product) throw new RangeError(`Unknown product ${JSON.stringify(line.productId)}`);
    if (!Number.isInteger(line.quantity) || line.quantity < 0 || line.quantity > MAX_QUANTITY) {
      throw new RangeError(`Quantity of ${product.id} must be an integer from 0 to ${MAX_QUANTITY}`);
    }
    if (line.quantity === 0) continue;
    items.push({
      source_id: product.id,
      related_object: 'product',
      quantity: line.quantity,
      price: product.price,
      amount: product.price * line.quantity,
      product: { name: product.name },
    });
  }
  if (items.length > 0) {
    items.push({
      source_id: SHIPPING.source_id,
      related_object: 'product',
      quantity: 1,
      price: SHIPPING.price,
      amount: SHIPPING.price,
      product: { name: SHIPPING.name },
    });
  }
  return { amount: items.reduce((sum, item) => sum + item.amount, 0), items };
}

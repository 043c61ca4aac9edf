/** A normalised order line: what the sandbox computes with. */
export interface OrderLine {
  product_id?: string;
  sku_id?: string;
  source_id?: string;
  related_object?: 'product' | 'sku';
  quantity: number;
  price?: number;
  amount: number;
  metadata?: Record<string, unknown>;
}

/** A normalised order: the amount before discounts and its lines. */
export interface OrderDraft {
  id?: string;
  source_id?: string;
  status?: string;
  amount: number;
  initial_amount?: number;
  items: OrderLine[];
  metadata: Record<string, unknown>;
}

/** Discounts applied so far, split the way `OrderCalculated` reports them. */
export interface OrderDiscounts {
  /** Order-level discounts in total (including this call's). */
  discount: number;
  /** What this call (or this redeemable) added. */
  applied: number;
}

const isMinor = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Reads the request's `order`; a string is the reason the payload is invalid. */
export function parseOrder(input: unknown): OrderDraft | string {
  if (input === undefined || input === null) return { amount: 0, items: [], metadata: {} };
  if (!isObject(input)) return 'order must be an object';
  const items: OrderLine[] = [];
  if (input.items !== undefined) {
    if (!Array.isArray(input.items)) return 'order.items must be an array';
    if (input.items.length > 500) return 'order.items accepts at most 500 items';
    for (const [index, raw] of input.items.entries()) {
      if (!isObject(raw)) return `order.items[${index}] must be an object`;
      const quantity = raw.quantity ?? 1;
      if (!isMinor(quantity)) return `order.items[${index}].quantity must be a non-negative integer`;
      if (raw.price !== undefined && !isMinor(raw.price)) return `order.items[${index}].price must be a non-negative integer (minor units)`;
      if (raw.amount !== undefined && !isMinor(raw.amount)) return `order.items[${index}].amount must be a non-negative integer (minor units)`;
      const price = raw.price as number | undefined;
      const line: OrderLine = { quantity, amount: (raw.amount as number | undefined) ?? (price ?? 0) * quantity };
      if (price !== undefined) line.price = price;
      for (const key of ['product_id', 'sku_id', 'source_id'] as const) if (typeof raw[key] === 'string') line[key] = raw[key];
      if (raw.related_object === 'product' || raw.related_object === 'sku') line.related_object = raw.related_object;
      if (isObject(raw.metadata)) line.metadata = raw.metadata;
      items.push(line);
    }
  }
  if (input.amount !== undefined && !isMinor(input.amount)) return 'order.amount must be a non-negative integer (minor units)';
  const amount = (input.amount as number | undefined) ?? items.reduce((sum, line) => sum + line.amount, 0);
  const draft: OrderDraft = { amount, items, metadata: isObject(input.metadata) ? input.metadata : {} };
  if (typeof input.id === 'string') draft.id = input.id;
  if (typeof input.source_id === 'string') draft.source_id = input.source_id;
  if (typeof input.status === 'string') draft.status = input.status;
  if (isMinor(input.initial_amount)) draft.initial_amount = input.initial_amount;
  return draft;
}

/** The line a UNIT discount is about: same product, SKU or source id as the discount's `unit_type`. */
export function findLine(order: OrderDraft, unitType: string): OrderLine | undefined {
  return order.items.find((line) => line.product_id === unitType || line.sku_id === unitType || line.source_id === unitType);
}

/** A copy that can be changed (units added) without touching the request's order. */
export function cloneOrder(order: OrderDraft): OrderDraft {
  return { ...order, items: order.items.map((line) => ({ ...line })), metadata: { ...order.metadata } };
}

/**
 * The `OrderCalculated` object: amounts as the stacked-redeem description defines them
 * (`total_amount = amount − total_discount_amount`). The sandbox applies every discount at order level.
 */
export function toOrderCalculated(order: OrderDraft, discounts: OrderDiscounts, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const discount = Math.min(discounts.discount, order.amount);
  return {
    ...(order.id ? { id: order.id } : {}),
    ...(order.source_id ? { source_id: order.source_id } : {}),
    ...(order.status ? { status: order.status } : {}),
    amount: order.amount,
    ...(order.initial_amount !== undefined ? { initial_amount: order.initial_amount } : {}),
    discount_amount: discount,
    items_discount_amount: 0,
    total_discount_amount: discount,
    total_amount: order.amount - discount,
    applied_discount_amount: discounts.applied,
    items_applied_discount_amount: 0,
    total_applied_discount_amount: discounts.applied,
    items: order.items.map((line) => ({
      object: 'order_item',
      ...(line.product_id ? { product_id: line.product_id } : {}),
      ...(line.sku_id ? { sku_id: line.sku_id } : {}),
      ...(line.source_id ? { source_id: line.source_id } : {}),
      ...(line.related_object ? { related_object: line.related_object } : {}),
      quantity: line.quantity,
      ...(line.price !== undefined ? { price: line.price } : {}),
      amount: line.amount,
      subtotal_amount: line.amount,
      ...(line.metadata ? { metadata: line.metadata } : {}),
    })),
    metadata: order.metadata,
    object: 'order',
    ...extra,
  };
}

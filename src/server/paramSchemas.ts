import * as z from 'zod';
import { MAX_TIMER_MS } from '../core/internal.js';

// Runtime shapes of the params of the server methods. A route handler often passes an untyped JSON body on, so the
// TypeScript types guard nothing there: `codes: 'SAVE10'` would be spread into six codes, `amount: NaN` sent as null.
// The objects are loose: Voucherify takes more order and customer fields than these, and they pass through.

const MINOR_UNITS = 'must be a whole number of minor units (cents), 0 or more';
const minorUnits = z.int({ error: MINOR_UNITS }).min(0, { error: MINOR_UNITS });
const text = z.string({ error: 'must be a string' });
const metadata = z.record(z.string(), z.unknown(), { error: 'must be a plain object' });
// The wording of `timerMs`: a longer delay fires after 1 ms, so it is refused before anything is sent.
const TIMEOUT_MS = `must be a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`;
const timeoutMs = z.int({ error: TIMEOUT_MS }).min(1, { error: TIMEOUT_MS }).max(MAX_TIMER_MS, { error: TIMEOUT_MS });

const productRef = z.looseObject({
  id: text.optional(),
  source_id: text.optional(),
  name: text.optional(),
  sku: text.optional(),
  price: minorUnits.optional(),
  metadata: metadata.optional(),
  override: z.boolean({ error: 'must be true or false' }).optional(),
});

const orderItem = z.looseObject(
  {
    product_id: text.optional(),
    sku_id: text.optional(),
    source_id: text.optional(),
    related_object: z.enum(['product', 'sku'], { error: "must be 'product' or 'sku'" }).optional(),
    quantity: z.int({ error: 'must be a whole number, 1 or more' }).min(1, { error: 'must be a whole number, 1 or more' }).optional(),
    price: minorUnits.optional(),
    amount: minorUnits.optional(),
    product: productRef.optional(),
    sku: productRef.optional(),
    metadata: metadata.optional(),
  },
  { error: 'must be an object' },
);

/** Your server's order, as `redeem` and `validate` take it. */
export const serverOrderSchema = z.looseObject(
  {
    id: text.optional(),
    source_id: text.optional(),
    status: z.enum(['CREATED', 'PAID', 'CANCELED', 'FULFILLED'], { error: 'must be CREATED, PAID, CANCELED or FULFILLED' }).optional(),
    amount: minorUnits.optional(),
    initial_amount: minorUnits.optional(),
    items: z.array(orderItem, { error: 'must be an array of items' }).optional(),
    metadata: metadata.optional(),
  },
  { error: 'must be an object' },
);

const customer = z.looseObject(
  {
    id: text.optional(),
    source_id: text.optional(),
    name: text.optional(),
    email: text.optional(),
    phone: text.optional(),
    birthdate: text.optional(),
    description: text.optional(),
    address: z.record(z.string(), z.optional(text), { error: 'must be an object of strings' }).optional(),
    metadata: metadata.optional(),
  },
  { error: 'must be an object' },
);

const abortSignal = z.custom<AbortSignal>(
  (value) => typeof value === 'object' && value !== null && typeof (value as AbortSignal).aborted === 'boolean' && 'addEventListener' in value,
  { error: 'must be an AbortSignal' },
);

const common = {
  code: text.optional(),
  codes: z.array(text, { error: 'must be an array of strings (one string is `code`)' }).optional(),
  customer: customer.optional(),
  metadata: metadata.optional(),
  trackingId: z.string({ error: 'must be a string or null' }).nullable().optional(),
  cookieName: text.optional(),
  signal: abortSignal.optional(),
  timeoutMs: timeoutMs.optional(),
  giftCredits: z.record(z.string(), minorUnits, { error: 'must be an object of code → credits' }).optional(),
};

/** `redeem` / `redeemOnce` params. The presence of `order.source_id` and the codes' content are checked separately. */
export const redeemParamsSchema = z.looseObject({
  ...common,
  order: serverOrderSchema,
  session: z.looseObject({ key: text.optional() }, { error: 'must be an object' }).optional(),
});

/** Server-side `validate` params. */
export const validateParamsSchema = z.looseObject({
  ...common,
  order: serverOrderSchema.optional(),
  session: z.looseObject({ type: z.literal('LOCK', { error: "must be 'LOCK'" }).optional(), key: text.optional() }, { error: 'must be an object' }).optional(),
});

/** `reserve` params. */
export const reserveParamsSchema = z.looseObject({
  ...common,
  order: serverOrderSchema,
  sessionKey: text.optional(),
  ttl: z
    .looseObject(
      {
        value: z.int({ error: 'must be a whole number, 1 or more' }).min(1, { error: 'must be a whole number, 1 or more' }),
        unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS'], { error: 'must be SECONDS, MINUTES, HOURS or DAYS' }),
      },
      { error: 'must be { value, unit }' },
    )
    .optional(),
  session: z.undefined({ error: 'is made by reserve: pass `sessionKey` to renew a reservation, `ttl` for its length' }).optional(),
});

/** `rollback` options. */
export const rollbackOptionsSchema = z.looseObject(
  {
    reason: text.optional(),
    trackingId: text.optional(),
    customer: customer.optional(),
    order: serverOrderSchema.optional(),
    metadata: metadata.optional(),
    signal: abortSignal.optional(),
    timeoutMs: timeoutMs.optional(),
  },
  { error: 'must be an object' },
);

function fieldName(path: readonly PropertyKey[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
}

function preview(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), root);
}

/**
 * Checks `params` against `schema` and returns them unchanged, or throws a TypeError that names the first wrong
 * field and what it got, before anything is sent.
 *
 * @example
 * checkParams('redeem', redeemParamsSchema, params) // TypeError: redeem: `order.amount` must be a whole number …; got NaN
 */
export function checkParams<T>(method: string, schema: z.ZodType, params: T): T {
  const parsed = schema.safeParse(params);
  if (parsed.success) return params;
  const issue = parsed.error.issues[0]!;
  const field = fieldName(issue.path);
  const message = field ? `\`${field}\` ${issue.message}` : issue.message;
  throw new TypeError(`${method}: ${message}; got ${preview(valueAt(params, issue.path))}`);
}

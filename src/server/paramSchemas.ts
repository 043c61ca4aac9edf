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

// A promotion tier id (`promo_…`): a short printable string. The browser may send it, so it is bounded like a code.
const TIER_ID = 'must be a promotion tier id: a non-empty string of at most 100 characters without control characters';
const tierId = z
  .string({ error: TIER_ID })
  .trim()
  .min(1, { error: TIER_ID })
  .max(100, { error: TIER_ID })
  .refine((id) => ![...id].some((char) => char <= '\u001f' || char === '\u007f'), { error: TIER_ID });
const tierIds = z.array(tierId, { error: 'must be an array of promotion tier ids' }).max(30, { error: 'must hold at most 30 tier ids' });

/** `redeem`'s `promotions`: 'auto', or the tiers the shopper saw (`suggested`), re-checked by the server. */
const promotionsChoice = z.union([z.literal('auto'), z.looseObject({ suggested: tierIds }, { error: 'must be an object' })], {
  error: "must be 'auto' or { suggested: [tier ids] }",
});

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
  promotions: promotionsChoice.optional(),
  expectedTotal: minorUnits.optional(),
  session: z.looseObject({ key: text.optional() }, { error: 'must be an object' }).optional(),
});

/** Server-side `validate` params. */
export const validateParamsSchema = z.looseObject({
  ...common,
  promotions: tierIds.optional(),
  order: serverOrderSchema.optional(),
  session: z.looseObject({ type: z.literal('LOCK', { error: "must be 'LOCK'" }).optional(), key: text.optional() }, { error: 'must be an object' }).optional(),
});

/** `reserve` params. */
export const reserveParamsSchema = z.looseObject({
  ...common,
  promotions: tierIds.optional(),
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

const resourceType = z.enum(['promotion_tier', 'voucher', 'campaign'], { error: "must be 'promotion_tier', 'voucher' or 'campaign'" });
const MAX_PAGES = 'must be a whole number of pages from 1 to 100';
const tracking = { trackingId: common.trackingId, cookieName: common.cookieName, signal: common.signal, timeoutMs: common.timeoutMs };

/** The server's `qualify` params. */
export const qualifyParamsSchema = z.looseObject({
  ...tracking,
  customer: customer.optional(),
  order: serverOrderSchema.optional(),
  metadata: metadata.optional(),
  scenario: z.enum(['ALL', 'CUSTOMER_WALLET', 'AUDIENCE_ONLY'], { error: "must be 'ALL', 'CUSTOMER_WALLET' or 'AUDIENCE_ONLY'" }).optional(),
  resourceType: z.union([resourceType, z.array(resourceType)], { error: 'must be a resource type or an array of them' }).optional(),
  campaignIds: z.array(text, { error: 'must be an array of campaign ids' }).optional(),
  expand: z
    .array(z.enum(['redeemable', 'category', 'validation_rules'], { error: "must be 'redeemable', 'category' or 'validation_rules'" }), {
      error: 'must be an array',
    })
    .optional(),
  sortingRule: z.enum(['DEFAULT', 'BEST_DEAL', 'LEAST_DEAL'], { error: "must be 'DEFAULT', 'BEST_DEAL' or 'LEAST_DEAL'" }).optional(),
  maxPages: z.int({ error: MAX_PAGES }).min(1, { error: MAX_PAGES }).max(100, { error: MAX_PAGES }).optional(),
});

/** `nudges` params. */
export const nudgesParamsSchema = z.looseObject({
  ...tracking,
  order: serverOrderSchema,
  customer: customer.optional(),
  maxPages: z.int({ error: MAX_PAGES }).min(1, { error: MAX_PAGES }).max(100, { error: MAX_PAGES }).optional(),
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

import { VoucherifyError } from './errors.js';

// Hand-written response checks: the fields the browser reads, nothing more, and no schema runtime. Each check
// throws `invalid_response` naming the path (`redeemables.0.status`), like the zod schemas of voucherkit/schemas
// that define the same shapes; test/core/decoders.property.test.ts holds the two to the same verdicts.
// Unknown fields are kept: a decoder hands back the very object it checked.

/** Checks one value at `path`; throws a `VoucherifyError` when it does not fit. */
export type Check = (value: unknown, path: string) => unknown;

/** Turns a JSON body into `T`, or throws a `VoucherifyError` (`invalid_response`) naming the first field that does not fit. */
export type Decode<T> = (json: unknown) => T;

const fail = (path: string, expected: string): never => {
  const where = `${path || '(root)'}: expected ${expected}`;
  throw new VoucherifyError({ kind: 'invalid_response', message: `Voucherify's response did not match the expected shape at ${where}`, details: where });
};

const at = (path: string, key: string | number) => (path ? `${path}.${key}` : `${key}`);

// JSON.parse turns `1e999` into Infinity: not a number the API meant, and the schemas refuse it too.
const is =
  (type: 'string' | 'number' | 'boolean'): Check =>
  (value, path) =>
    (typeof value === type && (type !== 'number' || Number.isFinite(value))) || fail(path, type);

/** A string. */
export const string: Check = /* @__PURE__ */ is('string');
/** A finite number. */
export const number: Check = /* @__PURE__ */ is('number');
/**
 * Money: whole minor units from 0 to 2^53 − 1, as the schemas' `money`. Every total, discount, balance and credit
 * the browser reads is documented as an integer 0 or more; a negative, fractional or unsafe one is a drift.
 */
export const money: Check = (value, path) => (Number.isSafeInteger(value) && (value as number) >= 0) || fail(path, 'whole minor units >= 0');
/** A boolean. */
export const boolean: Check = /* @__PURE__ */ is('boolean');

/** Absent, or passing `check`. */
export const optional =
  (check: Check): Check =>
  (value, path) =>
    value === undefined || check(value, path);

/** Absent, `null`, or passing `check` (the schemas' `optional(nullable(…))`). */
export const maybe =
  (check: Check): Check =>
  (value, path) =>
    value == null || check(value, path);

/** One of the given strings. */
export const oneOf =
  (...values: string[]): Check =>
  (value, path) =>
    values.includes(value as string) || fail(path, values.join(' | '));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object (not an array) whose listed fields pass their checks; other fields are kept unchecked. */
export const object =
  (shape: Record<string, Check>): Check =>
  (value, path) => {
    if (!isRecord(value)) return fail(path, 'object');
    for (const key in shape) shape[key]!(value[key], at(path, key));
  };

/** An array whose every item passes `check`. */
export const array =
  (check: Check): Check =>
  (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'array');
    value.forEach((item, index) => check(item, at(path, index)));
  };

/**
 * A decoder from a check: the body itself, typed, once it passed.
 *
 * @example
 * const decodeTiers = decoder<PromotionTiersResponse>(object({ tiers: array(object({ id: string })) }))
 */
export const decoder =
  <T>(check: Check): Decode<T> =>
  (json) => (check(json, ''), json as T);

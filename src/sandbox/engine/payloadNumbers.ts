import { parseOrder, type OrderDraft } from './orderMath.js';

// Every reader below returns the value, or a string: the reason the payload is invalid, naming the field.

/**
 * Request numbers that push the sandbox's arithmetic past `Number.MAX_SAFE_INTEGER` (free units added to a huge
 * order). The sandbox answers it with 400 `invalid_payload`, not 500: the caller sent the number.
 */
export class PayloadRangeError extends RangeError {
  override name = 'PayloadRangeError';
}

const isMinor = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
// String() for numbers, so 1e400 shows as Infinity rather than JSON's null.
const shown = (value: unknown) => (typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value)).slice(0, 40));

/** `gift.credits` of a redeemable or a legacy body: a non-negative integer in minor units, or absent. */
export function readCredits(gift: unknown, field: string): number | undefined | string {
  if (gift === undefined || gift === null) return undefined;
  if (typeof gift !== 'object' || Array.isArray(gift)) return `${field} must be an object`;
  const credits = (gift as { credits?: unknown }).credits;
  if (credits === undefined || credits === null) return undefined;
  if (!isMinor(credits)) return `${field}.credits must be a non-negative integer in minor units, got ${shown(credits)}`;
  return credits;
}

/** The request's `order`, with line amounts and the total checked to stay safe integers once multiplied and summed. */
export function readOrder(input: unknown): OrderDraft | string {
  const order = parseOrder(input);
  if (typeof order === 'string') return order;
  for (const [index, line] of order.items.entries()) {
    if (!Number.isSafeInteger(line.amount)) {
      return `order.items[${index}].amount (quantity × price) must be at most ${Number.MAX_SAFE_INTEGER}`;
    }
  }
  if (!Number.isSafeInteger(order.amount)) return `order.amount (the sum of the items) must be at most ${Number.MAX_SAFE_INTEGER}`;
  return order;
}

/** An integer query parameter within `min`–`max`; `fallback` when absent. Only plain digits count as integers. */
export function readQueryInteger(query: URLSearchParams, name: string, range: { min: number; max?: number; fallback: number }): number | string {
  const raw = query.get(name);
  if (raw === null) return range.fallback;
  const max = range.max ?? Number.MAX_SAFE_INTEGER;
  const value = /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(value) && value >= range.min && value <= max) return value;
  const bounds = range.max === undefined ? `at least ${range.min}` : `from ${range.min} to ${range.max}`;
  return `${name} must be an integer ${bounds}, got ${shown(raw)}`;
}

/** Why a LOCK session's `ttl` is invalid (a positive integer when present), or undefined when it is fine. */
export function sessionTtlProblem(ttl: unknown, field: string): string | undefined {
  if (ttl === undefined || ttl === null) return undefined;
  return typeof ttl === 'number' && Number.isSafeInteger(ttl) && ttl > 0 ? undefined : `${field} must be a positive integer, got ${shown(ttl)}`;
}

/**
 * The list endpoints' paging: `limit` 1–100 (default 10) and `page` 1–99 (default 1), as the spec documents them;
 * a value outside is the message of a 400 naming the parameter.
 *
 * @example
 * const paging = readPaging(url.searchParams)
 * if (typeof paging === 'string') return invalidPayload(paging)
 */
export function readPaging(query: URLSearchParams): { limit: number; page: number } | string {
  const limit = readQueryInteger(query, 'limit', { min: 1, max: 100, fallback: 10 });
  if (typeof limit === 'string') return limit;
  const page = readQueryInteger(query, 'page', { min: 1, max: 99, fallback: 1 });
  return typeof page === 'string' ? page : { limit, page };
}

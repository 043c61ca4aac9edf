import type { RouteHandler } from '../http/context.js';
import { findCustomer } from '../state/customerStore.js';
import { readPaging } from '../engine/payloadNumbers.js';
import { matchesFilters, readRedemptionFilters } from '../engine/redemptionFilters.js';
import { invalidPayload, json } from '../http/responses.js';
import type { SandboxRedemptionRecord } from '../types.js';

/** The sort options of GET /v1/redemptions (`ParameterOrderListRedemptions`); a leading `-` is descending. */
const sortKeys = {
  created_at: (record: SandboxRedemptionRecord) => String(record.date ?? ''),
  id: (record: SandboxRedemptionRecord) => record.id,
  voucher_code: (record: SandboxRedemptionRecord) => String((record.voucher as { code?: unknown } | undefined)?.code ?? ''),
  tracking_id: (record: SandboxRedemptionRecord) => String(record.tracking_id ?? ''),
  customer_id: (record: SandboxRedemptionRecord) => String(record.customer_id ?? ''),
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** `created_at[before|after]` as ms, also in the `[created_at][before]` form the spec's description shows. */
function readDate(query: URLSearchParams, bound: 'before' | 'after'): number | undefined | string {
  const raw = query.get(`created_at[${bound}]`) ?? query.get(`[created_at][${bound}]`);
  if (raw === null) return undefined;
  const time = isoDate.test(raw) ? Date.parse(raw) : NaN;
  return Number.isNaN(time) ? `created_at[${bound}] must be an ISO 8601 date or date-time, got ${JSON.stringify(raw.slice(0, 40))}` : time;
}

/**
 * GET /v1/redemptions: redemptions and rollbacks, newest first unless `order` says otherwise, paged with `limit`
 * (1–100, default 10) and `page` (1–99), filtered by `result` (repeatable), `campaign` (name), `customer` (id or
 * source id), `created_at[before|after]` and `filters`. `total` counts every match. A parameter outside its
 * documented values is 400 `invalid_payload` naming it.
 */
export const listRedemptions: RouteHandler = (context) => {
  const query = context.url.searchParams;
  const paging = readPaging(query);
  if (typeof paging === 'string') return invalidPayload(paging);
  const { limit, page } = paging;
  const results = query.getAll('result');
  const badResult = results.find((result) => result !== 'SUCCESS' && result !== 'FAILURE');
  if (badResult !== undefined) return invalidPayload(`result must be SUCCESS or FAILURE, got ${JSON.stringify(badResult.slice(0, 40))}`);
  const order = query.get('order') ?? '-created_at';
  const sortName = order.replace(/^-/, '');
  if (!(sortName in sortKeys))
    return invalidPayload(
      `order must be one of ${Object.keys(sortKeys)
        .flatMap((key) => [key, `-${key}`])
        .join(', ')}`,
    );
  const sortKey = sortKeys[sortName as keyof typeof sortKeys];
  const before = readDate(query, 'before');
  if (typeof before === 'string') return invalidPayload(before);
  const after = readDate(query, 'after');
  if (typeof after === 'string') return invalidPayload(after);
  const filters = readRedemptionFilters(query);
  if (typeof filters === 'string') return invalidPayload(filters);
  const campaign = query.get('campaign');
  const customerParam = query.get('customer');
  // An unknown customer matches nothing: the spec says the answer is "empty"; the sandbox sends an empty list.
  const customerId = customerParam === null ? undefined : (findCustomer(context.state, customerParam)?.id ?? null);

  const descending = order.startsWith('-');
  // Insertion order breaks ties (a parent and its children share a date): newest first when descending.
  const stored = [...context.state.redemptions.values()];
  if (descending) stored.reverse();
  const matches = stored
    .filter((record) => {
      const time = Date.parse(String(record.date));
      const voucher = record.voucher as { campaign?: unknown } | undefined;
      return (
        (results.length === 0 || results.includes(String(record.result))) &&
        (campaign === null || voucher?.campaign === campaign) &&
        (customerId === undefined || (customerId !== null && record.customer_id === customerId)) &&
        (before === undefined || time < before) &&
        (after === undefined || time > after) &&
        matchesFilters(context.state, record, filters)
      );
    })
    .sort((a, b) => {
      const [x, y] = [sortKey(a), sortKey(b)];
      const ascending = x < y ? -1 : x > y ? 1 : 0;
      return descending ? -ascending : ascending;
    });
  return json(200, { object: 'list', data_ref: 'redemptions', redemptions: matches.slice((page - 1) * limit, page * limit), total: matches.length });
};

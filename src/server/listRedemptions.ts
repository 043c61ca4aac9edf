import * as z from 'zod';
import { decodeWith } from './decodeWith.js';
import { call } from '../core/internal.js';
import { checkParams } from './paramSchemas.js';
import { redemptionListSchema, type RedemptionList } from './schemas.js';
import type { ServerContext } from './types.js';

/** One filter's conditions (`FilterConditionsString`); `$in` / `$not_in` take several values. */
export interface RedemptionFilterConditions {
  $in?: readonly string[];
  $not_in?: readonly string[];
  $is?: string;
  $is_not?: string;
  $has_value?: string;
  $is_unknown?: string;
  $starts_with?: string;
  $ends_with?: string;
  $contains?: string;
  $not_contain?: string;
}

type FilterField =
  | 'voucher_code'
  | 'related_object_id'
  | 'related_object_parent_id'
  | 'parent_redemption_id'
  | 'failure_code'
  | 'result'
  | 'object'
  | 'customer_id'
  | 'campaign_name'
  | 'user_login';

/** Parameters of `redemptions.list` (GET /v1/redemptions), named as the API names them. */
export interface ListRedemptionsParams {
  /** 1–100. @default 10 (Voucherify's) */
  limit?: number;
  /** 1–99. */
  page?: number;
  /** Repeatable: `['SUCCESS']`, `['FAILURE']` or both. */
  result?: 'SUCCESS' | 'FAILURE' | ReadonlyArray<'SUCCESS' | 'FAILURE'>;
  /** A campaign **name**. */
  campaign?: string;
  /** A customer id (`cust_…`) or source_id. */
  customer?: string;
  /** The sort (not an order id): a field, descending with a leading `-`. @default '-created_at' (Voucherify's) */
  order?: `${'' | '-'}${'created_at' | 'id' | 'voucher_code' | 'tracking_id' | 'customer_id'}`;
  created_at?: { before?: Date | string; after?: Date | string };
  filters?: { [field in FilterField]?: { conditions: RedemptionFilterConditions } } & { junction?: 'and' | 'or' };
  signal?: AbortSignal;
}

const text = z.string({ error: 'must be a string' });
const date = z.union([z.date({ error: 'must be a Date or an ISO 8601 string' }), text]);
// A filter that names no value is sent as no filter at all, and Voucherify then answers every customer's
// redemptions: an empty allow-list would widen the page instead of narrowing it. So every value a filter names must
// be there — a non-empty string, a list with at least one of them — and every filter must hold a condition.
const WIDENS = 'would filter nothing and list every redemption';
const named = text.min(1, { error: `must name a value: an empty one ${WIDENS}` });
const values = z.array(named, { error: 'must be a list of strings' }).min(1, { error: `must name at least one value: an empty list ${WIDENS}` });
const definedKeys = (value: object) => Object.values(value).some((entry) => entry !== undefined);
const conditions = z.looseObject(
  {
    conditions: z
      .object(
        {
          // The spec: "The value for this parameter is an empty string." These two test presence and name nothing.
          $has_value: text.optional(),
          $is_unknown: text.optional(),
        },
        { error: 'must be { $operator: value }' },
      )
      .catchall(z.union([named, values]).optional())
      .refine(definedKeys, { error: `must hold a condition such as { $in: [...] }: none ${WIDENS}` }),
  },
  { error: 'must be { conditions: { $operator: value } }' },
);
const listParamsSchema = z.looseObject({
  limit: z
    .int({ error: 'must be a whole number from 1 to 100' })
    .min(1, { error: 'must be a whole number from 1 to 100' })
    .max(100, { error: 'must be a whole number from 1 to 100' })
    .optional(),
  page: z
    .int({ error: 'must be a whole number from 1 to 99' })
    .min(1, { error: 'must be a whole number from 1 to 99' })
    .max(99, { error: 'must be a whole number from 1 to 99' })
    .optional(),
  result: z
    .union(
      [z.enum(['SUCCESS', 'FAILURE']), z.array(z.enum(['SUCCESS', 'FAILURE'])).min(1, { error: `must name SUCCESS or FAILURE: an empty list ${WIDENS}` })],
      {
        error: "must be 'SUCCESS', 'FAILURE' or a list of them",
      },
    )
    .optional(),
  campaign: named.optional(),
  customer: named.optional(),
  order: z
    .enum(
      ['created_at', 'id', 'voucher_code', 'tracking_id', 'customer_id'].flatMap((key) => [key, `-${key}`]),
      { error: 'must be a sort field such as -created_at' },
    )
    .optional(),
  created_at: z.looseObject({ before: date.optional(), after: date.optional() }, { error: 'must be { before?, after? }' }).optional(),
  filters: z
    .object({ junction: z.enum(['and', 'or'], { error: "must be 'and' or 'or'" }).optional() }, { error: 'must be { field: { conditions } }' })
    .catchall(conditions.optional())
    .refine((filters) => Object.entries(filters).some(([field, filter]) => field !== 'junction' && filter !== undefined), {
      error: `must name a field such as { customer_id: { conditions } }: none ${WIDENS}`,
    })
    .optional(),
});

const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : value);

/** The deepObject query, as the official SDK (qs) sends it: `filters[voucher_code][conditions][$in][0]=A`. */
function toQuery(params: ListRedemptionsParams): URLSearchParams {
  const query = new URLSearchParams();
  if (params.limit !== undefined) query.set('limit', String(params.limit));
  if (params.page !== undefined) query.set('page', String(params.page));
  for (const result of typeof params.result === 'string' ? [params.result] : (params.result ?? [])) query.append('result', result);
  if (params.campaign !== undefined) query.set('campaign', params.campaign);
  if (params.customer !== undefined) query.set('customer', params.customer);
  if (params.order !== undefined) query.set('order', params.order);
  if (params.created_at?.before !== undefined) query.set('created_at[before]', iso(params.created_at.before));
  if (params.created_at?.after !== undefined) query.set('created_at[after]', iso(params.created_at.after));
  for (const [field, filter] of Object.entries(params.filters ?? {})) {
    if (typeof filter === 'string') {
      query.set(`filters[${field}]`, filter);
      continue;
    }
    for (const [operator, value] of Object.entries((filter as { conditions: RedemptionFilterConditions }).conditions)) {
      const name = `filters[${field}][conditions][${operator}]`;
      if (Array.isArray(value)) value.forEach((item: string, index: number) => query.append(`${name}[${index}]`, item));
      else if (typeof value === 'string') query.set(name, value);
    }
  }
  return query;
}

/**
 * GET /v1/redemptions: one page of redemptions and rollbacks (newest first by default) with `total`, zod-checked.
 * Out-of-range `limit` / `page` and wrong types are TypeErrors before any call, and so is a filter that names no
 * value (`$in: []`, `conditions: {}`, `customer: ''`, `result: []`): sent, it would list every customer's
 * redemptions. Retried like a read.
 *
 * @example
 * const page = await listRedemptions(context, { filters: { voucher_code: { conditions: { $is: 'SAVE10' } } }, limit: 100 })
 */
export async function listRedemptions(context: ServerContext, params: ListRedemptionsParams = {}): Promise<RedemptionList> {
  if (params === null || typeof params !== 'object') throw new TypeError('redemptions.list: params must be an object');
  checkParams('redemptions.list', listParamsSchema, params);
  return call(context.config, {
    method: 'GET',
    path: '/v1/redemptions',
    query: toQuery(params),
    decode: decodeWith(redemptionListSchema),
    signal: params.signal,
    retry: 'safe',
    timeoutMs: context.timeoutMs,
  });
}

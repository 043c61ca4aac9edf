import type { RouteHandler } from '../http/context.js';
import { errorResponse, invalidPayload, json, readBody } from '../http/responses.js';
import { toOrderCalculated } from '../engine/orderMath.js';
import { readOrder } from '../engine/payloadNumbers.js';
import { readQualificationFilters } from '../engine/qualificationFilters.js';
import { qualify, type QualificationScenario } from '../engine/qualifications.js';
import { readExpand } from '../engine/redeemableEntry.js';
import { identify } from '../engine/requestIdentity.js';
import { stackingRulesResponse } from '../engine/stackingRules.js';

const SERVED = new Set(['ALL', 'AUDIENCE_ONLY', 'CUSTOMER_WALLET']);
const NOT_SERVED = new Set(['PRODUCTS', 'PRODUCTS_DISCOUNT', 'PROMOTION_STACKS', 'PRODUCTS_BY_CUSTOMER', 'PRODUCTS_DISCOUNT_BY_CUSTOMER']);
const SORTING = new Set(['DEFAULT', 'BEST_DEAL', 'LEAST_DEAL']);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The sandbox's own key for the scenarios it does not serve (Voucherify accepts all eight). */
export const SCENARIO_NOT_SUPPORTED = 'scenario_not_supported';

/** `options.starting_after`: absent, null or the string "null" (the guide's example sends it) mean the first page. */
function readCursor(value: unknown): number | undefined | string {
  if (value === undefined || value === null || value === 'null') return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? "options.starting_after must be an ISO 8601 date-time (the last entry's created_at)" : time;
}

/**
 * POST /client/v1/qualifications and POST /v1/qualifications: the vouchers and promotion tiers this customer
 * and order qualify for, each priced alone against the undiscounted order (the top-level `order` carries no
 * discount). Scenarios ALL, AUDIENCE_ONLY and CUSTOMER_WALLET; the other five answer 400
 * `scenario_not_supported`. `options.limit` 1–50 (default 5), paged by `starting_after` (a `created_at`) with
 * `has_more` and `more_starting_after`; `sorting_rule`, `expand` and `filters` as the spec describes them.
 */
export const checkEligibility: RouteHandler = async (context) => {
  const body = (await readBody(context.request)) ?? {};
  if (body === null) return invalidPayload('The request body must be a JSON object');
  const order = readOrder(body.order);
  if (typeof order === 'string') return invalidPayload(order);
  const scenario = body.scenario ?? 'ALL';
  if (typeof scenario === 'string' && NOT_SERVED.has(scenario)) {
    return errorResponse({
      code: 400,
      key: SCENARIO_NOT_SUPPORTED,
      message: 'Scenario not supported',
      details: `The sandbox serves the scenarios ALL, AUDIENCE_ONLY and CUSTOMER_WALLET; ${scenario} is a Voucherify scenario it does not emulate`,
    });
  }
  if (typeof scenario !== 'string' || !SERVED.has(scenario)) return invalidPayload(`scenario must be one of ${[...SERVED, ...NOT_SERVED].join(', ')}`);
  if (body.options !== undefined && !isObject(body.options)) return invalidPayload('options must be an object');
  const options = (body.options ?? {}) as Record<string, unknown>;
  const limit = options.limit ?? 5;
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1 || limit > 50)
    return invalidPayload('options.limit must be an integer from 1 to 50');
  const startingAfter = readCursor(options.starting_after);
  if (typeof startingAfter === 'string') return invalidPayload(startingAfter);
  const sortingRule = options.sorting_rule ?? 'DEFAULT';
  if (typeof sortingRule !== 'string' || !SORTING.has(sortingRule)) return invalidPayload('options.sorting_rule must be DEFAULT, BEST_DEAL or LEAST_DEAL');
  const filter = readQualificationFilters(options.filters);
  if (typeof filter !== 'function') return errorResponse({ code: 400, key: filter.key, message: 'Invalid payload', details: filter.details });
  const who = identify(context.state, context.secret, { trackingId: body.tracking_id, customer: body.customer }, context.api === 'client');
  if (who instanceof Response) return who;
  const page = qualify(context.state, context.now, {
    scenario: scenario as QualificationScenario,
    order,
    who,
    limit,
    startingAfter,
    sortingRule: sortingRule as 'DEFAULT' | 'BEST_DEAL' | 'LEAST_DEAL',
    expand: readExpand(options),
    filter,
    session: body.session,
  });
  return json(200, {
    redeemables: {
      object: 'list',
      data_ref: 'data',
      data: page.data,
      total: page.data.length,
      has_more: page.hasMore,
      ...(page.moreStartingAfter ? { more_starting_after: page.moreStartingAfter } : {}),
    },
    ...(who.trackingId ? { tracking_id: who.trackingId } : {}),
    order: toOrderCalculated(order, { discount: 0, applied: 0 }),
    stacking_rules: stackingRulesResponse(context.state.stackingRules),
  });
};

import type { RouteHandler, SandboxContext } from '../http/context.js';
import { indexedValues, parseDeepQuery, toInteger } from '../http/deepQuery.js';
import { toOrderCalculated, type OrderDraft } from '../engine/orderMath.js';
import { readCredits, readOrder } from '../engine/payloadNumbers.js';
import { identify } from '../engine/requestIdentity.js';
import { invalidPayload, json, readBody } from '../http/responses.js';
import { holdFor, lockSession, readSessionLock, sessionKeyOf, type SessionLockRequest } from '../engine/sessionLocks.js';
import { evaluateStack } from '../engine/validationEngine.js';
import { reasonFor } from '../engine/voucherRules.js';

const emptyList = { data: [], total: 0, data_ref: 'data', object: 'list' };

interface LegacyInput {
  code: string;
  order: OrderDraft;
  trackingId: unknown;
  customer: unknown;
  credits: number | undefined;
  /** The LOCK the request asks for; taken only when the voucher is valid. */
  session: SessionLockRequest | undefined;
  /** The session the request names: its own hold is available to it (an overwrite takes no further use). */
  sessionKey: string | undefined;
}

/** The deprecated single-voucher validation: valid with the discount or gift, or `valid: false` with a reason. */
function legacyValidate(context: SandboxContext, input: LegacyInput, issueIdentity: boolean): Response {
  const who = identify(context.state, context.secret, { trackingId: input.trackingId, customer: input.customer }, issueIdentity);
  if (who instanceof Response) return who;
  const request = { object: 'voucher' as const, id: input.code, ...(input.credits !== undefined ? { gift: { credits: input.credits } } : {}) };
  const outcome = evaluateStack(context.state, context.now, [request], input.order, who.identity, input.sessionKey);
  const entry = outcome.entries[0];
  const tracking = who.trackingId ? { tracking_id: who.trackingId } : {};
  if (!entry || entry.status !== 'APPLICABLE' || !entry.voucher) {
    return json(200, {
      valid: false,
      code: input.code,
      reason: reasonFor(entry?.error?.key),
      error: entry?.error ?? undefined,
      ...tracking,
      ...(who.customer ? { customer_id: who.customer.id } : {}),
      metadata: {},
    });
  }
  const voucher = entry.voucher;
  const session = input.session ? lockSession(context.state, context.now, input.session, [holdFor(entry)]) : undefined;
  return json(200, {
    valid: true,
    code: voucher.code,
    applicable_to: emptyList,
    inapplicable_to: emptyList,
    ...(voucher.gift ? { gift: { amount: voucher.gift.amount, balance: voucher.gift.balance, effect: voucher.gift.effect ?? 'APPLY_TO_ORDER' } } : {}),
    ...(voucher.discount ? { discount: voucher.discount } : {}),
    order: toOrderCalculated(outcome.order, { discount: outcome.totalDiscount, applied: outcome.totalDiscount }),
    ...tracking,
    metadata: voucher.metadata ?? {},
    ...(voucher.start_date ? { start_date: voucher.start_date } : {}),
    ...(voucher.expiration_date ? { expiration_date: voucher.expiration_date } : {}),
    ...(voucher.campaign ? { campaign: voucher.campaign } : {}),
    ...(session ? { session } : {}),
  });
}

/**
 * GET /client/v1/validate (deprecated): `code`, `amount`, `item[i][…]`, `customer[…]` (or `customer=<source id>`),
 * `metadata[…]`, `order[metadata][…]`, `tracking_id` and `session_*` as a deepObject query.
 */
export const validateVoucherClient: RouteHandler = (context) => {
  const query = parseDeepQuery(context.url.searchParams);
  const code = query.code;
  if (typeof code !== 'string' || code === '') return invalidPayload('The query parameter `code` is required', 'missing_code');
  const items = indexedValues(query.item).map((item) =>
    item && typeof item === 'object'
      ? Object.fromEntries(Object.entries(item).map(([key, value]) => [key, ['quantity', 'price', 'amount'].includes(key) ? toInteger(value) : value]))
      : item,
  );
  const orderQuery = query.order as Record<string, unknown> | undefined;
  const order = readOrder({
    ...(query.amount !== undefined ? { amount: toInteger(query.amount) } : {}),
    ...(items.length > 0 ? { items } : {}),
    ...(orderQuery && typeof orderQuery.metadata === 'object' ? { metadata: orderQuery.metadata } : {}),
  });
  if (typeof order === 'string') return invalidPayload(order);
  // `customer=<value>` is a shortcut: a Voucherify customer id when one exists, else a source id.
  const customer =
    typeof query.customer === 'string'
      ? context.state.customers.has(query.customer)
        ? { id: query.customer }
        : { source_id: query.customer }
      : query.customer;
  const sessionQuery = {
    type: query.session_type,
    key: query.session_key,
    ttl: toInteger(query.session_ttl),
    ttl_unit: query.session_ttl_unit,
  };
  const session = readSessionLock(sessionQuery, 'session_');
  if (typeof session === 'string') return invalidPayload(session);
  return legacyValidate(
    context,
    { code, order, trackingId: query.tracking_id, customer, credits: undefined, session, sessionKey: sessionKeyOf(sessionQuery) },
    true,
  );
};

/** POST /v1/vouchers/{code}/validate (deprecated): the server form, the order and customer in the body. */
export const validateVoucherServer: RouteHandler = async (context) => {
  const body = (await readBody(context.request)) ?? {};
  if (body === null) return invalidPayload('The request body must be a JSON object');
  const order = readOrder(body.order);
  if (typeof order === 'string') return invalidPayload(order);
  const credits = readCredits(body.gift, 'gift');
  if (typeof credits === 'string') return invalidPayload(credits);
  const session = readSessionLock(body.session, 'session.');
  if (typeof session === 'string') return invalidPayload(session);
  return legacyValidate(
    context,
    {
      code: context.params.code ?? '',
      order,
      trackingId: body.tracking_id,
      customer: body.customer,
      credits,
      session,
      sessionKey: sessionKeyOf(body.session),
    },
    false,
  );
};

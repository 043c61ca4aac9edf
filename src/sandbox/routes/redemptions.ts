import type { RouteHandler, SandboxContext } from '../http/context.js';
import { readCredits, readOrder } from '../engine/payloadNumbers.js';
import { recordRedemption } from '../engine/redemptionEngine.js';
import { identify } from '../engine/requestIdentity.js';
import { invalidPayload, json, notFound, readBody } from '../http/responses.js';
import { rollbackRedemption, rollbackStackedRedemption, type RollbackOptions } from '../engine/rollback.js';
import { sessionKeyOf } from '../engine/sessionLocks.js';
import { readStackable } from './stackableRequest.js';
import { evaluateStack, type StackOutcome } from '../engine/validationEngine.js';

const channelOf = (context: SandboxContext) => (context.api === 'client' ? 'USER' : 'API');

/** The first rejection of a stack, as the error response of a redeem (nothing is redeemed in ALL mode). */
function rejected(outcome: StackOutcome): Response | undefined {
  const failed = outcome.entries.find((entry) => entry.status !== 'APPLICABLE');
  return failed?.error ? json(failed.error.code, failed.error) : undefined;
}

/** POST /client/v1/redemptions and POST /v1/redemptions: a parent redemption with one child per voucher. */
export const redeemStackable: RouteHandler = async (context) => {
  const parsed = await readStackable(context, false);
  if (parsed instanceof Response) return parsed;
  const failure = rejected(parsed.outcome);
  if (failure) return failure;
  const record = recordRedemption({
    state: context.state,
    now: context.now,
    outcome: parsed.outcome,
    who: parsed.who,
    body: parsed.body,
    channelType: channelOf(context),
    stacked: true,
    sessionKey: parsed.sessionKey,
  });
  return json(200, { redemptions: record.redemptions, parent_redemption: record.parent, order: record.order });
};

/** POST /client/v1/redeem?code= and POST /v1/vouchers/{code}/redemption: the deprecated single-voucher redeem. */
export const redeemVoucher: RouteHandler = async (context) => {
  const code = context.params.code ?? context.url.searchParams.get('code');
  if (!code) return invalidPayload('The query parameter `code` is required', 'missing_code');
  const body = (await readBody(context.request)) ?? {};
  if (body === null) return invalidPayload('The request body must be a JSON object');
  const order = readOrder(body.order);
  if (typeof order === 'string') return invalidPayload(order);
  const credits = readCredits(body.gift, 'gift');
  if (typeof credits === 'string') return invalidPayload(credits);
  const trackingId = context.url.searchParams.get('tracking_id') ?? body.tracking_id;
  const who = identify(context.state, context.secret, { trackingId, customer: body.customer }, false);
  if (who instanceof Response) return who;
  const sessionKey = sessionKeyOf(body.session);
  const outcome = evaluateStack(
    context.state,
    context.now,
    [{ object: 'voucher', id: code, ...(credits !== undefined ? { gift: { credits } } : {}) }],
    order,
    who.identity,
    sessionKey,
  );
  const failure = rejected(outcome);
  if (failure) return failure;
  const record = recordRedemption({
    state: context.state,
    now: context.now,
    outcome,
    who,
    body: { ...body, ...(typeof trackingId === 'string' ? { tracking_id: trackingId } : {}) },
    channelType: channelOf(context),
    stacked: false,
    sessionKey,
  });
  return json(200, record.redemptions[0]);
};

/** GET /v1/redemptions/{redemptionId}: a redemption or a rollback. */
export const getRedemption: RouteHandler = (context) => {
  const id = context.params.redemptionId ?? '';
  const record = context.state.redemptions.get(id);
  return record ? json(200, record) : notFound('redemption', id);
};

/** The rollback options of a request: `reason` from the query or the body, `metadata` from the body. */
async function readRollback(context: SandboxContext): Promise<RollbackOptions | Response> {
  const body = (await readBody(context.request)) ?? {};
  if (body === null) return invalidPayload('The request body must be a JSON object');
  const reason = context.url.searchParams.get('reason') ?? (typeof body.reason === 'string' ? body.reason : undefined);
  const metadata = body.metadata && typeof body.metadata === 'object' ? (body.metadata as Record<string, unknown>) : undefined;
  return { reason, metadata };
}

/** POST /v1/redemptions/{redemptionId}/rollback: a single redemption; restores the quantity and gift balance. */
export const rollback: RouteHandler = async (context) => {
  const options = await readRollback(context);
  if (options instanceof Response) return options;
  const result = rollbackRedemption(context.state, context.now, context.params.redemptionId ?? '', options);
  return result instanceof Response ? result : json(200, result);
};

/** POST /v1/redemptions/{parentRedemptionId}/rollbacks: a stacked redemption, parent and children, at once. */
export const rollbackStacked: RouteHandler = async (context) => {
  const options = await readRollback(context);
  if (options instanceof Response) return options;
  const result = rollbackStackedRedemption(context.state, context.now, context.params.parentRedemptionId ?? '', options);
  return result instanceof Response ? result : json(200, result);
};

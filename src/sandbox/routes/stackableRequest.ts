import type { SandboxContext } from '../http/context.js';
import type { OrderDraft } from '../engine/orderMath.js';
import { readOrder } from '../engine/payloadNumbers.js';
import { identify, type RequestIdentity } from '../engine/requestIdentity.js';
import { invalidPayload, readBody } from '../http/responses.js';
import { readSessionLock, sessionKeyOf, type SessionLockRequest } from '../engine/sessionLocks.js';
import { evaluateStack, parseRedeemables, type RedeemableRequest, type StackOutcome } from '../engine/validationEngine.js';

/** A parsed and evaluated stackable request (validate or redeem). */
export interface StackableRequest {
  body: Record<string, unknown>;
  redeemables: RedeemableRequest[];
  order: OrderDraft;
  who: RequestIdentity;
  outcome: StackOutcome;
  /** The LOCK a validation asks for (`session.type: 'LOCK'`). */
  session: SessionLockRequest | undefined;
  /** `session.key`: the session a validation overwrites or a redeem consumes. */
  sessionKey: string | undefined;
}

/** Parses the shared stackable body (README §4.1), resolves the identity and evaluates the stack. */
export async function readStackable(context: SandboxContext, issueIdentity: boolean): Promise<StackableRequest | Response> {
  const body = await readBody(context.request);
  if (!body) return invalidPayload('The request body must be a JSON object');
  const redeemables = parseRedeemables(body.redeemables);
  if (!Array.isArray(redeemables)) return invalidPayload(redeemables.details, redeemables.key);
  const order = readOrder(body.order);
  if (typeof order === 'string') return invalidPayload(order);
  const session = readSessionLock(body.session, 'session.');
  if (typeof session === 'string') return invalidPayload(session);
  const sessionKey = sessionKeyOf(body.session);
  const who = identify(context.state, context.secret, { trackingId: body.tracking_id, customer: body.customer }, issueIdentity);
  if (who instanceof Response) return who;
  const outcome = evaluateStack(context.state, context.now, redeemables, order, who.identity, sessionKey);
  return { body, redeemables, order, who, outcome, session, sessionKey };
}

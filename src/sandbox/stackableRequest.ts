import type { SandboxContext } from './context.js';
import type { OrderDraft } from './orderMath.js';
import { readOrder, sessionTtlProblem } from './payloadNumbers.js';
import { identify, type RequestIdentity } from './requestIdentity.js';
import { invalidPayload, readBody } from './responses.js';
import { evaluateStack, parseRedeemables, type RedeemableRequest, type StackOutcome } from './validationEngine.js';

/** A parsed and evaluated stackable request (validate or redeem). */
export interface StackableRequest {
  body: Record<string, unknown>;
  redeemables: RedeemableRequest[];
  order: OrderDraft;
  who: RequestIdentity;
  outcome: StackOutcome;
}

/** Parses the shared stackable body (README §4.1), resolves the identity and evaluates the stack. */
export async function readStackable(context: SandboxContext, issueIdentity: boolean): Promise<StackableRequest | Response> {
  const body = await readBody(context.request);
  if (!body) return invalidPayload('The request body must be a JSON object');
  const redeemables = parseRedeemables(body.redeemables);
  if (!Array.isArray(redeemables)) return invalidPayload(redeemables.details, redeemables.key);
  const order = readOrder(body.order);
  if (typeof order === 'string') return invalidPayload(order);
  const ttlProblem = sessionTtlProblem((body.session as { ttl?: unknown } | null | undefined)?.ttl, 'session.ttl');
  if (ttlProblem) return invalidPayload(ttlProblem);
  const who = identify(context.state, context.secret, { trackingId: body.tracking_id, customer: body.customer }, issueIdentity);
  if (who instanceof Response) return who;
  const outcome = evaluateStack(context.state, context.now, redeemables, order, who.identity);
  return { body, redeemables, order, who, outcome };
}

/** The session echoed when the request asked for a LOCK. */
export function sessionOf(body: Record<string, unknown>, newKey: () => string): Record<string, unknown> | undefined {
  const session = body.session as Record<string, unknown> | undefined;
  if (!session || session.type !== 'LOCK') return undefined;
  return {
    key: typeof session.key === 'string' ? session.key : newKey(),
    type: 'LOCK',
    ttl: typeof session.ttl === 'number' ? session.ttl : 7,
    ttl_unit: typeof session.ttl_unit === 'string' ? session.ttl_unit : 'DAYS',
  };
}

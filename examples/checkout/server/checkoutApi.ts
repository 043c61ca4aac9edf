import * as z from 'zod/mini';
import { createRedeemOnce, createVoucherifyServer, isVoucherifyError, OUTCOME_UNKNOWN, readTrackingId, type RedeemResult } from 'voucherkit/server';
import { CATALOGUE, MAX_QUANTITY, priceCart } from '../src/catalogue.js';
import type { DeclinedPayment, PlacedOrder } from '../src/orderApi.js';
import { toPublicConfig, type DemoEnv } from './demoEnv.js';
import { toPlacedOrder } from './placedOrder.js';
import { createPaymentSettler, type Settlement } from './settlePayment.js';

// The browser sends ids, quantities and codes; anything else (an amount, a discount) is dropped by the schema.
const cartSchema = z
  .array(z.object({ productId: z.string(), quantity: z.int().check(z.gte(0), z.lte(MAX_QUANTITY)) }))
  .check(z.minLength(1), z.maxLength(CATALOGUE.length));
const emailSchema = z.string().check(z.maxLength(254), z.regex(/^[^\s@]+@[^\s@]+$/));
const placeOrderSchema = z.object({
  checkoutId: z.string().check(z.regex(/^[\w-]{8,64}$/)),
  cart: cartSchema,
  codes: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(5)),
  email: z.optional(emailSchema),
  /** The shopper's wish per gift card (minor units): the server caps it by the card's balance and what the cart owes. */
  giftCredits: z.optional(z.record(z.string().check(z.maxLength(64)), z.int().check(z.gt(0)))),
  /** The total the page showed: only compared (a different redeemed total is logged), never charged. */
  expectedTotal: z.optional(z.int().check(z.gte(0))),
  /** The demo's "Simulate a declined card" box: the fake payment fails after the redeem. */
  simulateDecline: z.optional(z.boolean()),
});
const nudgesSchema = z.object({ cart: cartSchema });
const welcomeSchema = z.object({ email: emailSchema });

const problem = (status: number, error: string, key?: string) => Response.json({ error, ...(key ? { key } : {}) }, { status });

function redeemProblem(error: unknown): Response {
  if (!isVoucherifyError(error)) throw error;
  if (error.key === OUTCOME_UNKNOWN) {
    console.error('[demo] redeem outcome unknown; reconcile before any retry', error.toJSON());
    return problem(504, 'We could not confirm your discount. Your order is on hold and you have not been charged.', error.key);
  }
  if (error.key === 'idempotency_conflict') {
    return problem(409, 'This checkout was already placed with another cart. Reload the page to start a new order.', error.key);
  }
  if (error.key === 'redemption_in_progress') return problem(409, 'Your order is being placed. Wait a moment.', error.key);
  // A code that stopped applying since it was validated (used up meanwhile, cart changed) is the shopper's to fix.
  if (error.kind === 'api' && error.status !== undefined && error.status < 500) {
    return problem(409, error.customMessage ?? `Your code no longer applies: ${error.message}`, error.key);
  }
  console.error('[demo] redeem failed', error.toJSON());
  return problem(502, 'We could not reach the promotions service. Your order was not placed; try again.', error.key);
}

// 402 when the codes are free again; 502 when the rollback failed, so no client can mistake it for a clean decline.
function declinedResponse(orderId: string, codes: string[], settlement: Extract<Settlement, { paid: false }>): Response {
  const named = codes.join(', ');
  const message = !settlement.released
    ? `Your card was declined and you have not been charged, but we could not release your code ${named}: it may show as used. Contact us with order ${orderId} and we will restore it.`
    : codes.length > 0
      ? `Your card was declined, so the order was not placed and you have not been charged. Your code ${named} was not used: you can place the order again.`
      : 'Your card was declined, so the order was not placed and you have not been charged.';
  const body: DeclinedPayment = { declined: true, orderId, codes, rollbackId: settlement.rollbackId, released: settlement.released, message };
  return Response.json(body, { status: settlement.released ? 402 : 502 });
}

/** The demo's routes, as Web `Request → Response` handlers (the same code runs in a Next.js route handler). */
export interface CheckoutApi {
  /** GET /api/config: the publishable keys and API host for the page. */
  config(): Response;
  /** POST /api/checkout: prices the cart, redeems the codes with the cookie's tracking id, takes the (fake) payment, returns the customer; a declined payment rolls the redeem back. */
  checkout(request: Request): Promise<Response>;
  /** POST /api/nudges: what the cart (ids and quantities, priced here) is one step from, with the secret keys' rule reads. */
  nudges(request: Request): Promise<Response>;
  /** POST /api/welcome-code: publishes the shopper's holder-only code from the `welcome` campaign (join_once: same code again). */
  welcomeCode(request: Request): Promise<Response>;
}

/** The JSON body of a POST, or the problem response. JSON only: a cross-site <form> cannot send it without a preflight. */
async function readBody<T>(request: Request, schema: z.ZodMiniType<T>, what: string): Promise<T | Response> {
  if (request.method !== 'POST') return problem(405, 'Use POST.');
  if (!request.headers.get('content-type')?.startsWith('application/json')) return problem(415, 'Send JSON.');
  const parsed = schema.safeParse(await request.json().catch(() => undefined));
  return parsed.success ? parsed.data : problem(400, `The ${what} request is malformed.`);
}

/**
 * Creates the demo's server routes over one Voucherify server client.
 *
 * @example
 * const api = createCheckoutApi(env)
 * export const POST = (request: Request) => api.checkout(request)
 */
export function createCheckoutApi(env: DemoEnv): CheckoutApi {
  const voucherify = createVoucherifyServer({
    applicationId: env.applicationId,
    secretKey: env.secretKey,
    apiUrl: env.apiUrl,
    // The only campaign this server publishes from; the browser never names one.
    publish: { campaigns: { welcome: {} } },
  });
  // Each order id redeems at most once: a double submit gets the stored result. A real shop passes a store
  // backed by its database (a unique constraint on the order id) instead of the default in-memory one.
  const redeemOnce = createRedeemOnce(voucherify);
  const settle = createPaymentSettler(voucherify);

  async function place(input: z.infer<typeof placeOrderSchema>, request: Request): Promise<Response> {
    let order;
    try {
      order = priceCart(input.cart);
    } catch (error) {
      return problem(400, (error as Error).message);
    }
    if (order.items.length === 0) return problem(400, 'Your cart is empty.');
    const orderId = `order_${input.checkoutId}`;
    const trackingId = readTrackingId(request);

    // Only keys of the codes sent: `redeem` refuses a credit for a code it was not given.
    const giftCredits = Object.fromEntries(Object.entries(input.giftCredits ?? {}).filter(([code]) => input.codes.includes(code)));
    let redeemed: RedeemResult;
    try {
      // No customer id or source id here: the tracking id from the cookie becomes customer.source_id. The tiers are
      // re-decided here (`promotions: 'auto'`): the browser sends codes, never tier ids or amounts.
      redeemed = await redeemOnce({
        codes: input.codes,
        promotions: 'auto',
        ...(Object.keys(giftCredits).length > 0 ? { giftCredits } : {}),
        ...(input.expectedTotal !== undefined ? { expectedTotal: input.expectedTotal } : {}),
        trackingId,
        ...(input.email ? { customer: { email: input.email } } : {}),
        order: { ...order, source_id: orderId },
        metadata: { channel: 'voucherkit-demo' },
      });
    } catch (error) {
      return redeemProblem(error);
    }
    // A flag, not a refusal: the redemption happened. The demo charges Voucherify's total and says so on the page.
    if (redeemed.totalMismatch)
      console.warn(`[demo] ${orderId}: the page showed ${redeemed.totalMismatch.expected}, Voucherify redeemed`, redeemed.totalMismatch.redeemed);

    // The payment comes after the redeem, as in a real shop: charge Voucherify's total, never the browser's.
    const total = redeemed.order?.totalAmount ?? order.amount;
    const settlement = await settle({
      orderId,
      amount: total,
      redeemed: redeemed.redeemed ? redeemed : null,
      decline: input.simulateDecline === true,
      trackingId,
    });
    if (!settlement.paid) return declinedResponse(orderId, input.codes, settlement);

    const placed = toPlacedOrder(orderId, order.amount, trackingId, redeemed);
    if (!redeemed.customerId) return Response.json(placed);
    // The order is paid: a failed profile read only leaves the confirmation without the customer.
    const customer = await voucherify.customers.get(redeemed.customerId).catch((error: unknown) => {
      console.error('[demo] customers.get failed after a placed order', error);
      return null;
    });
    return Response.json({
      ...placed,
      customer: customer ? { id: customer.id, sourceId: customer.source_id ?? null, email: customer.email ?? null } : null,
    } satisfies PlacedOrder);
  }

  return {
    config: () => Response.json(toPublicConfig(env), { headers: { 'cache-control': 'no-store' } }),
    async checkout(request) {
      const input = await readBody(request, placeOrderSchema, 'order');
      return input instanceof Response ? input : place(input, request);
    },
    async nudges(request) {
      const input = await readBody(request, nudgesSchema, 'nudges');
      if (input instanceof Response) return input;
      let order;
      try {
        order = priceCart(input.cart);
      } catch (error) {
        return problem(400, (error as Error).message);
      }
      // A nudge is a hint: without one the page still works, so a failure answers an empty list.
      const nudges = await voucherify.nudges({ request, order }).catch((error: unknown) => {
        console.error('[demo] nudges failed', error);
        return [];
      });
      return Response.json({ nudges }, { headers: { 'cache-control': 'private, no-store' } });
    },
    async welcomeCode(request) {
      const input = await readBody(request, welcomeSchema, 'welcome code');
      if (input instanceof Response) return input;
      try {
        // The demo's sign-in is its e-mail field, so the e-mail comes in the body; a real shop takes the user from its
        // session, never from the request. The campaign is fixed here: the browser chooses nothing.
        const { code } = await voucherify.publish({ campaign: 'welcome', customer: { source_id: input.email, email: input.email }, request });
        return Response.json({ code }, { headers: { 'cache-control': 'private, no-store' } });
      } catch (error) {
        if (isVoucherifyError(error) && error.kind === 'api') return problem(409, 'No welcome code is available right now.', error.key);
        throw error;
      }
    },
  };
}

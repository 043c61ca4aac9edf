import type { CartLine } from './catalogue.js';

/** What the page sends to place an order: product ids, quantities and codes. No amount, no discount. */
export interface PlaceOrderRequest {
  /** One id per checkout attempt, so a double submit places one order (the server answers the stored result). */
  checkoutId: string;
  cart: CartLine[];
  codes: string[];
  email?: string;
  /** The amount the shopper chose per gift card (minor units), from the field's amount control; the server caps it. */
  giftCredits?: Record<string, number>;
  /** The total the page showed, minor units: the server compares it with what Voucherify redeemed. */
  expectedTotal?: number;
  /** The demo's "Simulate a declined card" box: the server's fake payment fails after the redeem. */
  simulateDecline?: boolean;
}

/** What the server answers after placing the order. Money in integer minor units, as Voucherify computed it. */
export interface PlacedOrder {
  orderId: string;
  amount: number;
  discount: number;
  total: number;
  /** The tracking id the server read from the request's cookie; null without one. */
  trackingId: string | null;
  redemptions: Array<{ id: string; code: string | null; status: string | null }>;
  parentRedemptionId: string | null;
  /** Each promotion tier the server redeemed (`promotions: 'auto'`), with its banner. */
  promotions: Array<{ id: string; name: string }>;
  /** Each gift card used: the credits taken and the balance left, as its redemption reports them (null if it says none). */
  giftCards: Array<{ code: string; credits: number; balance: number | null }>;
  /** The page's total differed from the redeemed one (a tier ended meanwhile): both numbers; null when they agree. */
  totalMismatch: { expected: number; redeemed: number | null } | null;
  /** The customer Voucherify created or updated; null when no code was redeemed. */
  customer: { id: string; sourceId: string | null; email: string | null } | null;
}

/** What the server answers when the card was declined after the redeem (402, or 502 when the rollback failed). */
export interface DeclinedPayment {
  declined: true;
  orderId: string;
  /** The codes sent with the declined order. */
  codes: string[];
  /** Voucherify's id of the rollback that undid the redeem; null when nothing was redeemed or the rollback failed. */
  rollbackId: string | null;
  /** The codes can be used again (rolled back, or never redeemed). False: the rollback failed. */
  released: boolean;
  message: string;
}

/** Either the order was placed, or the payment was declined. Anything else is thrown as an Error. */
export type PlaceOrderOutcome = { placed: PlacedOrder; declined?: never } | { declined: DeclinedPayment; placed?: never };

/** The error body of the demo's API. */
export interface ApiProblem {
  error: string;
  key?: string;
}

async function readJson<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as (T & Partial<ApiProblem>) | null;
  if (!response.ok || body === null) {
    throw new Error(body?.error ?? `The shop's server answered ${response.status}. Try again.`);
  }
  return body;
}

/**
 * Posts the cart to the demo's own server, which prices it, redeems the codes and takes the (fake) payment.
 *
 * @example
 * const outcome = await placeOrder({ checkoutId, cart, codes: ['SAVE10'] })
 * if (outcome.declined) showDecline(outcome.declined.rollbackId)
 */
export async function placeOrder(request: PlaceOrderRequest, signal?: AbortSignal): Promise<PlaceOrderOutcome> {
  const response = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  if (response.status === 402 || response.status === 502) {
    const body = (await response
      .clone()
      .json()
      .catch(() => null)) as Partial<DeclinedPayment> | null;
    if (body?.declined === true && typeof body.message === 'string') return { declined: body as DeclinedPayment };
  }
  return { placed: await readJson<PlacedOrder>(response) };
}

/** The client-side keys and API host the page runs with. */
export interface ClientConfig {
  mode: 'sandbox' | 'voucherify';
  apiUrl: string;
  clientApplicationId: string;
  clientToken: string;
}

/**
 * Loads the client-side keys from the demo's server, so the same page runs on the sandbox or a real project.
 *
 * @example
 * const config = await loadConfig()
 */
export async function loadConfig(): Promise<ClientConfig> {
  return readJson<ClientConfig>(await fetch('/api/config', { credentials: 'same-origin' }));
}

/** A nudge as the demo's `/api/nudges` answers it: "Add $26.52 more for 10% off orders over $100". */
export interface DemoNudge {
  tierId: string;
  banner: string | null;
  missing: number;
}

/**
 * Asks the demo's server what the cart is one step from. The cart goes as ids and quantities; the server prices it.
 *
 * @example
 * const nudges = await loadNudges(cart)
 */
export async function loadNudges(cart: readonly CartLine[], signal?: AbortSignal): Promise<DemoNudge[]> {
  const response = await fetch('/api/nudges', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ cart }),
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  return (await readJson<{ nudges: DemoNudge[] }>(response)).nudges;
}

/**
 * Asks the demo's server for the signed-in shopper's welcome code (published from the `welcome` campaign, holder only).
 *
 * @example
 * const { code } = await requestWelcomeCode('ada@example.com')
 */
export async function requestWelcomeCode(email: string): Promise<{ code: string }> {
  const response = await fetch('/api/welcome-code', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
    credentials: 'same-origin',
  });
  return readJson<{ code: string }>(response);
}

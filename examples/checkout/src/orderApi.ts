import type { CartLine } from './catalogue.js';

/** What the page sends to place an order: product ids, quantities and codes. No amount, no discount. */
export interface PlaceOrderRequest {
  /** One id per checkout attempt, so a double submit places one order (the server answers the stored result). */
  checkoutId: string;
  cart: CartLine[];
  codes: string[];
  email?: string;
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
  /** The customer Voucherify created or updated; null when no code was redeemed. */
  customer: { id: string; sourceId: string | null; email: string | null } | null;
}

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
 * Posts the cart to the demo's own server, which prices it and redeems the codes.
 *
 * @example
 * const placed = await placeOrder({ checkoutId, cart, codes: ['SAVE10'] })
 */
export async function placeOrder(request: PlaceOrderRequest, signal?: AbortSignal): Promise<PlacedOrder> {
  const response = await fetch('/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
  });
  return readJson<PlacedOrder>(response);
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

import { NextResponse, type NextRequest } from 'next/server';
import { CART_COOKIE } from './lib/cart';

/**
 * Gives each shopper a cart session before the checkout renders. The page and the route handler read the cart
 * from this cookie, so the browser never posts an order id or a price.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(CART_COOKIE)) return NextResponse.next();
  const cartId = crypto.randomUUID();
  // Also on this request, so the page rendered now sees the cart it just got.
  request.cookies.set(CART_COOKIE, cartId);
  const response = NextResponse.next({ request: { headers: request.headers } });
  response.cookies.set(CART_COOKIE, cartId, { httpOnly: true, sameSite: 'lax', path: '/' });
  return response;
}

export const config = { matcher: ['/checkout'] };

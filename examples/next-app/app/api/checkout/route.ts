import { cookies } from 'next/headers';
import { isVoucherifyError } from 'voucherkit/server';
import { CART_COOKIE, loadCart, toOrder } from '../../../lib/cart';
import type { CheckoutAnswer } from '../../../lib/checkoutAnswer';
import { voucherifyServer } from '../../../lib/voucherify';

const answer = (body: CheckoutAnswer, status = 200) => Response.json(body, { status });

/** The codes the browser sent, and nothing else from it: `unknown` until checked. */
function readCodes(body: unknown): string[] | null {
  if (typeof body !== 'object' || body === null || !('codes' in body)) return null;
  const { codes } = body;
  return Array.isArray(codes) && codes.every((code) => typeof code === 'string') ? codes : null;
}

export async function POST(request: Request) {
  const codes = readCodes(await request.json().catch(() => null));
  if (!codes) return answer({ ok: false, error: 'Send { codes: string[] }' }, 400);
  const cartId = (await cookies()).get(CART_COOKIE)?.value;
  if (!cartId) return answer({ ok: false, error: 'Your cart has expired; reload the page.' }, 400);
  // The order id and the prices come from the server's cart: a shopper cannot name another order or a price.
  const cart = await loadCart(cartId);
  const { voucherify, redeemOnce } = voucherifyServer();
  try {
    // No codes is a normal order: nothing is redeemed and no call is made.
    const result = await redeemOnce({ codes, request, order: toOrder(cart) });
    // Charge this total (your payment provider goes here): Voucherify's, never a number from the browser.
    const total = result.order?.totalAmount ?? cart.total;
    const customer = result.customerId ? await voucherify.customers.get(result.customerId) : null;
    return answer({
      ok: true,
      orderId: cart.orderId,
      redeemed: result.redemptions.map((redemption) => redemption.voucher?.code ?? '').filter(Boolean),
      total,
      customer: customer && { id: customer.id, sourceId: customer.source_id ?? null },
    });
  } catch (error) {
    // A refusal (the code expired or ran out since it was applied, or this order was redeemed with other codes):
    // 409, shown by the form; nothing was redeemed, so do not charge. Network failures and unknown outcomes rethrow.
    if (isVoucherifyError(error) && error.kind === 'api' && (error.status ?? 500) < 500) {
      return answer({ ok: false, error: error.message, key: error.key ?? null }, 409);
    }
    throw error;
  }
}

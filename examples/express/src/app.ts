import { randomUUID } from 'node:crypto';
import { parse } from 'cookie';
import express, { type Express } from 'express';
import { createRedeemOnce, isVoucherifyError, type VoucherifyServer } from 'voucherkit/server';
import { loadCart, toOrder } from './cart.js';

/** The httpOnly cookie that names the shopper's cart: a session id, not an order id or a price. */
export const CART_COOKIE = 'cart_id';

/** The codes the browser sent, and nothing else from it: `unknown` until checked. */
function readCodes(body: unknown): string[] | null {
  if (typeof body !== 'object' || body === null || !('codes' in body)) return null;
  const { codes } = body;
  return Array.isArray(codes) && codes.every((code) => typeof code === 'string') ? codes : null;
}

/**
 * The checkout API: GET /api/cart starts a cart session, POST /api/checkout { codes } redeems and places the order.
 *
 * @example
 * createApp(createVoucherifyServer({ applicationId, secretKey })).listen(3000)
 */
export function createApp(voucherify: VoucherifyServer): Express {
  const app = express();
  // At most one redeem per order id; pass a store backed by your database (or Redis) in production.
  const redeemOnce = createRedeemOnce(voucherify);

  app.get('/api/cart', async (req, res) => {
    let cartId = parse(req.headers.cookie ?? '')[CART_COOKIE];
    if (!cartId) {
      cartId = randomUUID();
      res.cookie(CART_COOKIE, cartId, { httpOnly: true, sameSite: 'lax' });
    }
    const cart = await loadCart(cartId);
    res.json({ total: cart.total, items: cart.items });
  });

  // Express 5 passes a rejected promise from an async handler to the error handler: no try/catch needed for
  // the unexpected (a network failure, an unknown redeem outcome), which answer 500.
  app.post('/api/checkout', express.json(), async (req, res) => {
    const codes = readCodes(req.body);
    if (!codes) return void res.status(400).json({ error: 'Send { codes: string[] }' });
    const cartId = parse(req.headers.cookie ?? '')[CART_COOKIE];
    if (!cartId) return void res.status(400).json({ error: 'Your cart has expired; reload the page.' });
    // The order id and the prices come from the server's cart: a shopper cannot name another order or a price.
    const cart = await loadCart(cartId);
    try {
      const result = await redeemOnce({
        codes, // none is a normal order: nothing is redeemed and no call is made
        request: req, // reads the voucherify_tracking_id cookie → customer.source_id
        order: toOrder(cart),
      });
      // Charge this (your payment provider goes here): Voucherify's total, never a number from the browser.
      const total = result.order?.totalAmount ?? cart.total;
      const customer = result.customerId ? await voucherify.customers.get(result.customerId) : null;
      res.json({
        orderId: cart.orderId,
        redeemed: result.redemptions.map((redemption) => redemption.voucher?.code).filter(Boolean),
        total,
        customer: customer && { id: customer.id, sourceId: customer.source_id ?? null },
      });
    } catch (error) {
      // A refusal (the code expired or ran out since it was applied, or the order was redeemed with other codes):
      // nothing was redeemed, so do not charge; 409 tells the form to show the message.
      if (isVoucherifyError(error) && error.kind === 'api' && (error.status ?? 500) < 500) {
        return void res.status(409).json({ error: error.message, key: error.key ?? null });
      }
      throw error;
    }
  });

  return app;
}

import type { RouteHandler } from '../http/context.js';
import { json, notFound } from '../http/responses.js';
import { toVoucherObject } from '../state/voucherObject.js';

/**
 * GET /v1/vouchers/{code}: one voucher by its code or its id (`v_<code>` in the sandbox), gift balance, redemption
 * counts and dates included; 404 `not_found` otherwise. What the official SDK's `vouchers.get` calls.
 */
export const getVoucher: RouteHandler = (context) => {
  const code = context.params.code ?? '';
  const voucher = context.state.vouchers.get(code) ?? (code.startsWith('v_') ? context.state.vouchers.get(code.slice(2)) : undefined);
  return voucher ? json(200, toVoucherObject(voucher)) : notFound('voucher', code);
};

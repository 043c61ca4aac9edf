import type { SandboxVoucher } from '../types.js';

/**
 * The stored voucher in Voucherify's voucher-object response shape, without the sandbox extension. Unset
 * fields are left out rather than sent as null: the spec types them as plain strings and integers.
 */
export function toVoucherObject(voucher: SandboxVoucher): Record<string, unknown> {
  const quantity = voucher.redemption?.quantity;
  return {
    id: `v_${voucher.code}`,
    code: voucher.code,
    ...(voucher.campaign ? { campaign: voucher.campaign } : {}),
    type: voucher.type ?? (voucher.gift ? 'GIFT_VOUCHER' : 'DISCOUNT_VOUCHER'),
    ...(voucher.discount ? { discount: voucher.discount } : {}),
    ...(voucher.gift ? { gift: { amount: voucher.gift.amount, balance: voucher.gift.balance, effect: voucher.gift.effect ?? 'APPLY_TO_ORDER' } } : {}),
    ...(voucher.start_date ? { start_date: voucher.start_date } : {}),
    ...(voucher.expiration_date ? { expiration_date: voucher.expiration_date } : {}),
    active: voucher.active !== false,
    metadata: voucher.metadata ?? {},
    is_referral_code: false,
    ...(voucher.holder_id ? { holder_id: voucher.holder_id } : {}),
    redemption: {
      ...(quantity !== undefined && quantity !== null ? { quantity } : {}),
      redeemed_quantity: voucher.redemption?.redeemed_quantity ?? 0,
      object: 'list',
      url: `/v1/vouchers/${encodeURIComponent(voucher.code)}/redemptions?page=1&limit=10`,
    },
    object: 'voucher',
  };
}

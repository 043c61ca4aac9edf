import type { SandboxVoucher } from './types.js';

/** The stored voucher in Voucherify's voucher-object response shape (the sandbox extension left out). */
export function toVoucherObject(voucher: SandboxVoucher): Record<string, unknown> {
  const quantity = voucher.redemption?.quantity ?? null;
  return {
    id: `v_${voucher.code}`,
    code: voucher.code,
    campaign: voucher.campaign ?? null,
    category: null,
    type: voucher.type ?? (voucher.gift ? 'GIFT_VOUCHER' : 'DISCOUNT_VOUCHER'),
    ...(voucher.discount ? { discount: voucher.discount } : {}),
    ...(voucher.gift ? { gift: { amount: voucher.gift.amount, balance: voucher.gift.balance, effect: voucher.gift.effect ?? 'APPLY_TO_ORDER' } } : {}),
    start_date: voucher.start_date ?? null,
    expiration_date: voucher.expiration_date ?? null,
    active: voucher.active !== false,
    metadata: voucher.metadata ?? {},
    is_referral_code: false,
    redemption: {
      quantity,
      redeemed_quantity: voucher.redemption?.redeemed_quantity ?? 0,
      object: 'list',
      url: `/v1/vouchers/${encodeURIComponent(voucher.code)}/redemptions?page=1&limit=10`,
    },
    object: 'voucher',
  };
}

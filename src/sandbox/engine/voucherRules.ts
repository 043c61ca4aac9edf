import { errorBody, type ApiErrorBody } from '../http/responses.js';
import { resolveIdentity } from '../state/trackingIds.js';
import type { SandboxState, SandboxVoucher } from '../types.js';

/** What a voucher is checked against. */
export interface RuleInput {
  state: SandboxState;
  now: number;
  /** The order amount before this voucher, in minor units. */
  orderAmount: number;
  /** The customer's raw identity (tracking ids already resolved), if the request names one. */
  identity: string | null;
  /** Gift credits the request asks for. */
  credits?: number | undefined;
  /** Uses and gift credits other LOCK sessions hold on the voucher: this request cannot take them. */
  held?: { uses: number; credits: number } | undefined;
}

// Voucherify's wording: `message` is its short text; the legacy validate puts `reason` (lower case) beside it.
const messages: Record<string, { code: number; message: string; reason: string }> = {
  not_found: { code: 404, message: 'Resource not found', reason: 'voucher not found' },
  voucher_disabled: { code: 400, message: 'Voucher is disabled', reason: 'voucher is disabled' },
  voucher_not_active: { code: 400, message: 'Voucher not active', reason: 'voucher not active' },
  voucher_expired: { code: 400, message: 'Voucher expired', reason: 'voucher expired' },
  quantity_exceeded: { code: 400, message: 'Quantity exceeded', reason: 'quantity exceeded' },
  gift_amount_exceeded: { code: 400, message: 'Gift amount exceeded', reason: 'gift amount exceeded' },
  order_rules_violated: { code: 400, message: 'Order does not match validation rules', reason: 'order does not match validation rules' },
  customer_rules_violated: {
    code: 400,
    message: 'Customer does not match validation rules',
    reason: 'customer does not match validation rules',
  },
};

/** The legacy lower-case `reason` for a rejection key. */
export function reasonFor(key: string | undefined): string {
  return (key && messages[key]?.reason) || 'voucher is not valid';
}

/** A rejection in Voucherify's error-object shape, with the voucher as the resource. */
export function rejection(key: string, code: string, details: string, custom?: string): ApiErrorBody {
  const known = messages[key] ?? { code: 400, message: 'Voucher is not valid' };
  return errorBody({
    code: known.code,
    key,
    message: known.message,
    details,
    resource_id: code,
    resource_type: 'voucher',
    ...(custom ? { error: { message: custom } } : {}),
  });
}

/** Why `voucher` cannot be applied, or null when it can. The checks run in Voucherify's order. */
export function checkVoucher(voucher: SandboxVoucher | undefined, code: string, input: RuleInput): ApiErrorBody | null {
  if (!voucher) return rejection('not_found', code, `Cannot find voucher with id ${code}`);
  if (voucher.active === false) return rejection('voucher_disabled', code, `Voucher ${code} is disabled`);
  if (voucher.start_date && Date.parse(voucher.start_date) > input.now) {
    return rejection('voucher_not_active', code, `Voucher ${code} is not active before ${voucher.start_date}`);
  }
  if (voucher.expiration_date && Date.parse(voucher.expiration_date) < input.now) {
    return rejection('voucher_expired', code, `Voucher ${code} expired on ${voucher.expiration_date}`);
  }
  const quantity = voucher.redemption?.quantity;
  const redeemed = voucher.redemption?.redeemed_quantity ?? 0;
  const held = input.held ?? { uses: 0, credits: 0 };
  if (quantity !== undefined && quantity !== null && redeemed + held.uses >= quantity) {
    const details =
      held.uses === 0
        ? `Voucher ${code} has been redeemed ${quantity} time(s), its limit`
        : `Voucher ${code} has been redeemed ${redeemed} time(s) and ${held.uses} use(s) are held by validation sessions; its limit is ${quantity}`;
    return rejection('quantity_exceeded', code, details);
  }
  if (voucher.gift) {
    // Credits held by other sessions are spoken for: only the rest of the balance can be asked for.
    const free = voucher.gift.balance - held.credits;
    if (free <= 0 || (input.credits !== undefined && input.credits > free)) {
      const heldNote = held.credits > 0 ? `, ${held.credits} of it held by validation sessions` : '';
      return rejection('gift_amount_exceeded', code, `Gift card ${code} has a balance of ${voucher.gift.balance}${heldNote}`);
    }
  }
  const rules = voucher.sandbox_rules;
  if (rules?.min_order_amount !== undefined && input.orderAmount < rules.min_order_amount) {
    return rejection(
      'order_rules_violated',
      code,
      `The order amount must be at least ${rules.min_order_amount}; it is ${input.orderAmount}`,
      rules.error_message,
    );
  }
  if (rules?.allowed_customer_source_ids) {
    const allowed = rules.allowed_customer_source_ids.map((id) => resolveIdentity(input.state, id));
    if (!input.identity || !allowed.includes(input.identity)) {
      return rejection('customer_rules_violated', code, `Voucher ${code} is reserved for selected customers`, rules.error_message);
    }
  }
  return null;
}

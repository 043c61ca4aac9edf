import { newId } from './ids.js';
import { errorResponse, notFound } from './responses.js';
import type { SandboxRedemptionRecord, SandboxState } from './types.js';

/** Gives one use back to the voucher of a child redemption, and its credits back to a gift card. */
function restore(state: SandboxState, record: SandboxRedemptionRecord): void {
  const code = typeof record.related_object_id === 'string' ? record.related_object_id.replace(/^v_/, '') : '';
  const voucher = state.vouchers.get(code);
  if (voucher) {
    voucher.redemption = { ...voucher.redemption, redeemed_quantity: Math.max(0, (voucher.redemption?.redeemed_quantity ?? 0) - 1) };
    const credits = (record.gift as { amount?: number } | undefined)?.amount ?? 0;
    if (voucher.gift) voucher.gift = { ...voucher.gift, balance: voucher.gift.balance + credits };
  }
  const customer = typeof record.customer_id === 'string' ? state.customers.get(record.customer_id) : undefined;
  if (customer) customer.redemptions.total_rolled_back += 1;
}

/**
 * Rolls a redemption back. Voucherify rolls back single redemptions here and parents through `/rollbacks`;
 * the sandbox also accepts a parent here (rolling back every child), so a stacked redeem can be undone with
 * the operations the sandbox serves.
 */
export function rollbackRedemption(
  state: SandboxState,
  now: number,
  redemptionId: string,
  options: { reason?: string | undefined; metadata?: Record<string, unknown> | undefined },
): Response | Record<string, unknown> {
  const record = state.redemptions.get(redemptionId);
  if (!record || record.object !== 'redemption') return notFound('redemption', redemptionId);
  if (record.status === 'ROLLED_BACK') {
    return errorResponse({
      code: 400,
      key: 'already_rolled_back',
      message: 'Already rolled back',
      details: `Redemption ${redemptionId} has already been rolled back`,
      resource_id: redemptionId,
      resource_type: 'redemption',
    });
  }
  if (record.status === 'FAILED') {
    return errorResponse({ code: 400, key: 'invalid_redemption', message: 'Invalid redemption', details: `Redemption ${redemptionId} failed` });
  }
  const date = new Date(now).toISOString();
  const children =
    record.related_object_type === 'redemption'
      ? [...state.redemptions.values()].filter((child) => child.redemption === redemptionId && child.status === 'SUCCEEDED')
      : [record];
  for (const child of children) {
    restore(state, child);
    child.status = 'ROLLED_BACK';
  }
  record.status = 'ROLLED_BACK';
  const gift = record.gift as { amount?: number } | undefined;
  const rollback: SandboxRedemptionRecord = {
    id: newId('rr'),
    object: 'redemption_rollback',
    date,
    customer_id: record.customer_id ?? null,
    tracking_id: record.tracking_id ?? null,
    metadata: options.metadata ?? {},
    ...(gift?.amount !== undefined ? { amount: -gift.amount } : {}),
    redemption: redemptionId,
    ...(options.reason ? { reason: options.reason } : {}),
    result: 'SUCCESS',
    status: 'SUCCEEDED',
    order: record.order,
    channel: record.channel,
    customer: record.customer,
    related_object_type: record.related_object_type,
    related_object_id: record.related_object_id,
    ...(record.voucher ? { voucher: record.voucher } : {}),
    ...(gift ? { gift: { amount: -(gift.amount ?? 0) } } : {}),
  };
  record.related_redemptions = { rollbacks: [{ id: rollback.id, date }], redemptions: [] };
  state.redemptions.set(rollback.id, rollback);
  return rollback;
}

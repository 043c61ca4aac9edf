import { toSimpleCustomer, upsertCustomer } from '../state/customerStore.js';
import { newId } from '../state/ids.js';
import { toOrderCalculated } from './orderMath.js';
import type { RequestIdentity } from './requestIdentity.js';
import { endHold } from './sessionLocks.js';
import type { StackOutcome } from './validationEngine.js';
import { toVoucherObject } from '../state/voucherObject.js';
import type { SandboxCustomer, SandboxRedemptionRecord, SandboxState } from '../types.js';

/** Everything a redemption is recorded from. */
export interface RedeemInput {
  state: SandboxState;
  now: number;
  outcome: StackOutcome;
  who: RequestIdentity;
  body: Record<string, unknown>;
  /** USER for the client API (a shopper's browser), API for the server API. */
  channelType: 'USER' | 'API';
  /** Stackable calls record a parent redemption with one child per voucher; the deprecated calls a single one. */
  stacked: boolean;
  /** `session.key` of the request: the holds that session has on the redeemed codes are consumed. */
  sessionKey?: string | undefined;
}

/** What a redeem recorded. */
export interface RedeemRecord {
  redemptions: SandboxRedemptionRecord[];
  parent: SandboxRedemptionRecord | undefined;
  order: Record<string, unknown>;
  customer: SandboxCustomer | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Upserts the customer by `source_id` (the tracking id when only that was sent, as the documented backend
 * flow does), so the response carries its `cust_…` id.
 */
function customerFor(input: RedeemInput): SandboxCustomer | undefined {
  if (input.who.customer && !isObject(input.body.customer)) return input.who.customer;
  const given = isObject(input.body.customer) ? input.body.customer : {};
  const sourceId = given.source_id ?? (typeof input.body.tracking_id === 'string' ? input.body.tracking_id : undefined);
  if (typeof given.id === 'string' && input.state.customers.has(given.id)) return upsertCustomer(input.state, given, input.now);
  return upsertCustomer(input.state, { ...given, ...(sourceId ? { source_id: sourceId } : {}) }, input.now);
}

/**
 * Records a successful redemption: decrements each voucher's remaining quantity and each gift card's balance,
 * counts it on the customer, and stores child (and parent) redemption records.
 */
export function recordRedemption(input: RedeemInput): RedeemRecord {
  const { state, outcome } = input;
  const customer = customerFor(input);
  const date = new Date(input.now).toISOString();
  const parentId = input.stacked ? newId('r') : null;
  const orderInput = outcome.order;
  const order = toOrderCalculated(
    { ...orderInput, id: orderInput.id ?? newId('ord'), status: orderInput.status ?? 'PAID' },
    { discount: outcome.totalDiscount, applied: outcome.totalDiscount },
    { customer_id: customer?.id ?? null, created_at: date, ...(customer ? { customer: { id: customer.id, object: 'customer' } } : {}) },
  );
  const common = {
    object: 'redemption' as const,
    date,
    customer_id: customer?.id ?? null,
    tracking_id: input.who.trackingId,
    metadata: isObject(input.body.metadata) ? input.body.metadata : {},
    result: 'SUCCESS',
    status: 'SUCCEEDED' as const,
    order,
    channel: { channel_id: input.channelType === 'USER' ? 'client-side' : 'sandbox-api', channel_type: input.channelType },
    customer: toSimpleCustomer(customer),
  };
  const redemptions = outcome.entries.map((entry): SandboxRedemptionRecord => {
    const voucher = entry.voucher!;
    voucher.redemption = { ...voucher.redemption, redeemed_quantity: (voucher.redemption?.redeemed_quantity ?? 0) + 1 };
    if (voucher.gift) voucher.gift = { ...voucher.gift, balance: voucher.gift.balance - entry.discount };
    // The session's hold becomes this redemption, so the use is not counted twice.
    const consumed = input.sessionKey !== undefined && endHold(state, input.now, input.sessionKey, voucher.code);
    const record: SandboxRedemptionRecord = {
      id: newId('r'),
      ...common,
      amount: entry.discount,
      redemption: parentId,
      related_object_type: 'voucher',
      related_object_id: `v_${voucher.code}`,
      voucher: toVoucherObject(voucher),
      ...(voucher.gift ? { gift: { amount: entry.discount } } : {}),
      ...(consumed ? { session: { key: input.sessionKey } } : {}),
    };
    state.redemptions.set(record.id, record);
    return record;
  });
  let parent: SandboxRedemptionRecord | undefined;
  if (parentId) {
    parent = {
      id: parentId,
      ...common,
      amount: outcome.totalDiscount,
      redemption: null,
      related_object_type: 'redemption',
      related_object_id: parentId,
      related_redemptions: { redemptions: redemptions.map((record) => ({ id: record.id, date })) },
      ...(redemptions.some((record) => record.session) ? { session: { key: input.sessionKey } } : {}),
    };
    state.redemptions.set(parentId, parent);
  }
  if (customer) {
    customer.redemptions.total_redeemed += redemptions.length;
    customer.redemptions.total_succeeded += redemptions.length;
  }
  return { redemptions, parent, order, customer };
}

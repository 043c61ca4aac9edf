import { newId } from '../state/ids.js';
import { errorResponse, notFound } from '../http/responses.js';
import { toVoucherObject } from '../state/voucherObject.js';
import type { SandboxRedemptionRecord, SandboxState } from '../types.js';

/** What the caller sent with a rollback: the query's `reason`, the body's `metadata`. */
export interface RollbackOptions {
  reason?: string | undefined;
  metadata?: Record<string, unknown> | undefined;
}

/** The answer of POST /v1/redemptions/{parentRedemptionId}/rollbacks (`RedemptionsRollbacksCreateResponseBody`). */
export interface StackedRollback {
  rollbacks: SandboxRedemptionRecord[];
  parent_rollback: SandboxRedemptionRecord;
  order: Record<string, unknown> | null;
}

const isParent = (record: SandboxRedemptionRecord) => record.related_object_type === 'redemption';
const hasParent = (record: SandboxRedemptionRecord) => typeof record.redemption === 'string';

// The error bodies below copy the spec's examples for these two operations word for word.
const invalidParent = () =>
  errorResponse({
    code: 400,
    key: 'invalid_redemption_parent',
    message: 'Invalid redemption parent',
    details: 'You can rollback only a redemption that does not have parent redemption.',
  });

const invalidStacked = () =>
  errorResponse({
    code: 400,
    key: 'invalid_redemption',
    message: 'Invalid redemption',
    details: 'You can rollback only a single redemption. Use different endpoint for stacked redemption.',
  });

/**
 * 400 `already_rolled_back`. Voucherify records the refused attempt as a failed rollback (`rrf_…`, the spec
 * example's `resource_id`); the sandbox stores it too, so GET /v1/redemptions/{id} and the list show it.
 */
function alreadyRolledBack(state: SandboxState, now: number, record: SandboxRedemptionRecord, options: RollbackOptions): Response {
  const failed = rollbackOf(record, 'rrf', new Date(now).toISOString(), options, record.order);
  Object.assign(failed, {
    result: 'FAILURE',
    status: 'FAILED',
    failure_code: 'already_rolled_back',
    failure_message: 'Redemption has been already rolled back.',
  });
  state.redemptions.set(failed.id, failed);
  return errorResponse({
    code: 400,
    key: 'already_rolled_back',
    message: 'Already rolled back',
    details: 'Redemption has been already rolled back.',
    resource_id: failed.id,
    resource_type: 'redemption_rollback',
  });
}

/** Gives one use back to the voucher of a redemption, and its credits back to a gift card. */
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

/** A `redemption_rollback` of `record`: `redemption` names the redemption it undoes. */
function rollbackOf(record: SandboxRedemptionRecord, prefix: 'rr' | 'rrf', date: string, options: RollbackOptions, order: unknown): SandboxRedemptionRecord {
  const gift = record.gift as { amount?: number } | undefined;
  const id = newId(prefix);
  return {
    id,
    object: 'redemption_rollback',
    date,
    customer_id: record.customer_id ?? null,
    tracking_id: record.tracking_id ?? null,
    metadata: options.metadata ?? {},
    ...(gift?.amount !== undefined ? { amount: -gift.amount } : {}),
    redemption: record.id,
    ...(options.reason ? { reason: options.reason } : {}),
    result: 'SUCCESS',
    status: 'SUCCEEDED',
    order: order ?? null,
    channel: record.channel,
    customer: record.customer,
    related_object_type: record.related_object_type,
    // A parent names itself as its related object; its rollback does the same.
    related_object_id: isParent(record) ? id : record.related_object_id,
    ...(gift ? { gift: { amount: -(gift.amount ?? 0) } } : {}),
  };
}

/** The redemption's order after the rollback: CANCELED, with the rollback in its `redemptions` map. */
function canceledOrder(
  record: SandboxRedemptionRecord,
  rollback: SandboxRedemptionRecord,
  children: readonly SandboxRedemptionRecord[],
  childRollbacks: readonly SandboxRedemptionRecord[],
): Record<string, unknown> | null {
  const order = record.order as Record<string, unknown> | null | undefined;
  if (!order) return null;
  const entry = {
    date: record.date,
    rollback_id: rollback.id,
    rollback_date: rollback.date,
    related_object_type: record.related_object_type,
    related_object_id: record.related_object_id,
    ...(isParent(record) ? { stacked: children.map((child) => child.id), rollback_stacked: childRollbacks.map((child) => child.id) } : {}),
  };
  return { ...order, status: 'CANCELED', updated_at: rollback.date, redemptions: { [record.id]: entry } };
}

/** Marks `records` rolled back by `rollbacks` (same order) and stores the rollbacks. */
function commit(state: SandboxState, records: readonly SandboxRedemptionRecord[], rollbacks: readonly SandboxRedemptionRecord[]): void {
  records.forEach((record, index) => {
    const rollback = rollbacks[index]!;
    record.status = 'ROLLED_BACK';
    const related = (record.related_redemptions as { redemptions?: unknown[] } | undefined) ?? {};
    record.related_redemptions = { redemptions: related.redemptions ?? [], rollbacks: [{ id: rollback.id, date: rollback.date }] };
    state.redemptions.set(rollback.id, rollback);
  });
}

/** Undoes a redemption without a parent: itself and, when it is a stacked parent, every child. */
function undo(state: SandboxState, now: number, record: SandboxRedemptionRecord, options: RollbackOptions): StackedRollback {
  const date = new Date(now).toISOString();
  const children = isParent(record)
    ? [...state.redemptions.values()].filter((child) => child.object === 'redemption' && child.redemption === record.id && child.status === 'SUCCEEDED')
    : [];
  const undone = children.length > 0 ? children : [record];
  for (const child of undone) restore(state, child);
  const childRollbacks = children.map((child) => rollbackOf(child, 'rr', date, options, null));
  const parentRollback = rollbackOf(record, 'rr', date, options, null);
  const order = canceledOrder(record, parentRollback, children, childRollbacks);
  // Every rollback carries the canceled order and the voucher as it is now (use and credits back).
  for (const rollback of [parentRollback, ...childRollbacks]) {
    rollback.order = order;
    const code = typeof rollback.related_object_id === 'string' ? rollback.related_object_id.replace(/^v_/, '') : '';
    const voucher = rollback.related_object_type === 'voucher' ? state.vouchers.get(code) : undefined;
    if (voucher) rollback.voucher = toVoucherObject(voucher);
  }
  commit(state, [record, ...children], [parentRollback, ...childRollbacks]);
  // A single redemption is its own incentive: `rollbacks` holds the one rollback that `parent_rollback` is.
  return { rollbacks: children.length > 0 ? childRollbacks : [parentRollback], parent_rollback: parentRollback, order };
}

/** The stored redemption a rollback may act on, or the 404 Voucherify answers (rollbacks are not redemptions). */
function findRedemption(state: SandboxState, redemptionId: string): SandboxRedemptionRecord | Response {
  const record = state.redemptions.get(redemptionId);
  return record && record.object === 'redemption' ? record : notFound('redemption', redemptionId);
}

/**
 * POST /v1/redemptions/{redemptionId}/rollback: a single (non-stacked) redemption only, as in Voucherify. A stacked
 * parent is 400 `invalid_redemption`, a child 400 `invalid_redemption_parent` (undo both with `/rollbacks`).
 */
export function rollbackRedemption(state: SandboxState, now: number, redemptionId: string, options: RollbackOptions): Response | SandboxRedemptionRecord {
  const record = findRedemption(state, redemptionId);
  if (record instanceof Response) return record;
  if (isParent(record)) return invalidStacked();
  if (hasParent(record)) return invalidParent();
  if (record.status === 'ROLLED_BACK') return alreadyRolledBack(state, now, record, options);
  return undo(state, now, record, options).parent_rollback;
}

/**
 * POST /v1/redemptions/{parentRedemptionId}/rollbacks: rolls back a parent and every child (or a single redemption,
 * as its description allows). A child is 400 `invalid_redemption_parent`, a repeat 400 `already_rolled_back`.
 */
export function rollbackStackedRedemption(state: SandboxState, now: number, redemptionId: string, options: RollbackOptions): Response | StackedRollback {
  const record = findRedemption(state, redemptionId);
  if (record instanceof Response) return record;
  if (hasParent(record)) return invalidParent();
  if (record.status === 'ROLLED_BACK') return alreadyRolledBack(state, now, record, options);
  return undo(state, now, record, options);
}

import { toOrderTotals } from '../core/internal.js';
import { sleep, timerMs } from '../core/internal.js';
import { requireCodes } from './params.js';
import { listRedemptions } from './listRedemptions.js';
import { getRedemption } from './getRedemption.js';
import type { Redemption, RedemptionRollback } from './schemas.js';
import type { RedeemResult, ServerContext } from './types.js';

/** Parameters of `reconcileRedeem`: what you know about a redeem whose outcome is unknown. */
export interface ReconcileRedeemParams {
  /** Your order id, the `order.source_id` the redeem sent. */
  orderId: string;
  /** The codes the redeem sent (one is enough to find it; all are tried). */
  codes: readonly string[];
  /** When the redeem was sent (taken before sending). */
  since: Date | number;
  /** The redeem's timeout. @default the server's `timeoutMs` */
  timeoutMs?: number;
  /** Added to `timeoutMs` before "not found" means "not redeemed": a request still in flight, index lag, clock skew. @default 30000 */
  graceMs?: number;
  /** Page size of the lookup, 1–100. @default 100 */
  limit?: number;
  signal?: AbortSignal;
}

/**
 * What the lookup concluded. `redeemed`: a redemption of the order stands. `rolled_back`: the order was redeemed
 * and that redemption was rolled back (nothing is debited; it can be redeemed again). `not_redeemed`: none was
 * found. The last two only come once `since + timeoutMs + graceMs` has passed.
 */
export type ReconcileOutcome = { status: 'redeemed'; result: RedeemResult } | { status: 'rolled_back'; redemptionIds: string[] } | { status: 'not_redeemed' };

/** The most pages the API serves (`page` is 1–99). */
const MAX_PAGE = 99;

const isSuccessfulRedemption = (record: Redemption | RedemptionRollback): record is Redemption => record.object === 'redemption' && record.result === 'SUCCESS';

/** Pages GET /v1/redemptions (newest first) until `page × limit ≥ total`, returning the first record `match` accepts. */
async function findRedemption(
  context: ServerContext,
  query: Parameters<typeof listRedemptions>[1],
  match: (redemption: Redemption) => boolean,
  limit: number,
): Promise<Redemption[]> {
  const found: Redemption[] = [];
  for (let page = 1; ; page++) {
    if (page > MAX_PAGE) {
      throw new RangeError(`reconcileRedeem: more than ${MAX_PAGE * limit} redemptions in the window; narrow it (a later \`since\`)`);
    }
    const list = await listRedemptions(context, { ...query, limit, page });
    // Rollbacks are listed too: a rollback is not the redemption, and a failed redemption redeemed nothing.
    for (const record of list.redemptions) if (isSuccessfulRedemption(record) && match(record)) found.push(record);
    if (page * limit >= list.total || list.redemptions.length === 0) return found;
  }
}

/** A redemption whose status is ROLLED_BACK debited nothing in the end: it is never "redeemed". */
const isRolledBack = (redemption: Redemption) => redemption.status === 'ROLLED_BACK';

async function lookUp(
  context: ServerContext,
  params: ReconcileRedeemParams,
  codes: string[],
  after: Date,
  limit: number,
): Promise<RedeemResult | { rolledBack: string[] } | undefined> {
  const rolledBack: string[] = [];
  for (const code of codes) {
    // By code and time, not customer: a cookie-less order has no customer. The order id is read from each record.
    const filters = { voucher_code: { conditions: { $is: code } } };
    const found = await findRedemption(context, { filters, created_at: { after }, signal: params.signal }, (r) => r.order?.source_id === params.orderId, limit);
    const child = found.find((redemption) => !isRolledBack(redemption));
    rolledBack.push(...found.filter(isRolledBack).map((redemption) => redemption.id));
    if (!child) continue;
    const parentId = child.redemption;
    if (!parentId) return toResult(null, [child]);
    const siblings = await findRedemption(
      context,
      { filters: { parent_redemption_id: { conditions: { $is: parentId } } }, signal: params.signal },
      () => true,
      limit,
    );
    const parent = await getRedemption(context, parentId, { signal: params.signal });
    return toResult(parent.object === 'redemption' ? parent : null, siblings.length > 0 ? siblings : [child]);
  }
  return rolledBack.length > 0 ? { rolledBack } : undefined;
}

function toResult(parent: Redemption | null, redemptions: Redemption[]): RedeemResult {
  const first = redemptions[0];
  const order = parent?.order ?? first?.order ?? null;
  return {
    redeemed: true,
    redemptions,
    parentRedemption: parent,
    order: toOrderTotals(order),
    customerId: parent?.customer_id ?? first?.customer_id ?? null,
    trackingId: parent?.tracking_id ?? first?.tracking_id ?? null,
    inapplicable: [],
    raw: { redemptions, parent_redemption: parent, order },
  };
}

/**
 * After an `outcome_unknown` redeem: finds the order's redemption with GET /v1/redemptions (by each code and a
 * `created_at` window from `since`, every page, rollbacks and failures skipped, matched on `order.source_id`).
 * Found: `redeemed` with a `RedeemResult` rebuilt from the records; found only rolled back: `rolled_back` (never
 * `redeemed`: nothing stays debited). Not found: looks again once
 * `since + timeoutMs + graceMs` has passed (it waits until then), and only then answers `not_redeemed`.
 *
 * @example
 * const outcome = await reconcileRedeem(context, { orderId: 'ord_1', codes: ['SAVE10'], since: sentAt })
 */
export async function reconcileRedeem(context: ServerContext, params: ReconcileRedeemParams): Promise<ReconcileOutcome> {
  if (!params || typeof params !== 'object') throw new TypeError('reconcileRedeem needs { orderId, codes, since }');
  if (typeof params.orderId !== 'string' || params.orderId.trim() === '')
    throw new TypeError('reconcileRedeem: `orderId` must be your order id (order.source_id)');
  const codes = requireCodes('reconcileRedeem', undefined, params.codes);
  const since = params.since instanceof Date ? params.since.getTime() : params.since;
  if (typeof since !== 'number' || !Number.isFinite(since))
    throw new TypeError('reconcileRedeem: `since` must be a Date or a time in ms: when the redeem was sent');
  // Both become the wait before "not redeemed": an out-of-range timer would fire at once and poll in a tight loop.
  const graceMs = timerMs('reconcileRedeem', 'graceMs', params.graceMs ?? 30_000, { min: 0 });
  const timeoutMs = timerMs('reconcileRedeem', 'timeoutMs', params.timeoutMs ?? context.timeoutMs);
  const limit = params.limit ?? 100;
  // The window opens a grace before the send: the two clocks (ours, Voucherify's) may differ. `created_at[after]` is
  // strict, so the window starts 1 ms earlier: a redeem recorded in the very millisecond of `since` is inside it.
  const after = new Date(since - graceMs - 1);
  const deadline = since + timeoutMs + graceMs;

  for (;;) {
    const lookedAt = Date.now();
    const result = await lookUp(context, params, codes, after, limit);
    if (result && 'redemptions' in result) return { status: 'redeemed', result };
    if (lookedAt >= deadline) return result ? { status: 'rolled_back', redemptionIds: result.rolledBack } : { status: 'not_redeemed' };
    // Too early to conclude: the redeem may still be in flight. Look again once the deadline has passed.
    await sleep(deadline - lookedAt, params.signal);
  }
}

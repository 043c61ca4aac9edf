import { withLockedCredits } from './giftCredits.js';
import { assignmentId } from '../state/promotionTiers.js';
import type { SandboxState, SandboxTierRecord, SandboxVoucher } from '../types.js';
import { checkPromotionTier } from './evaluatePromotionTier.js';
import { evaluateValidationRules, type RuleVerdict } from './evaluateValidationRules.js';
import { cloneOrder, toOrderCalculated, type OrderDraft } from './orderMath.js';
import type { QualificationFilter } from './qualificationFilters.js';
import { expandedFields, metadataOf, type Expand } from './redeemableEntry.js';
import type { RequestIdentity } from './requestIdentity.js';
import { heldOn } from './sessionLocks.js';
import { discountOf } from './validationEngine.js';
import { checkVoucher } from './voucherRules.js';

/** The scenarios the sandbox serves; the spec's other five answer 400 `scenario_not_supported`. */
export type QualificationScenario = 'ALL' | 'AUDIENCE_ONLY' | 'CUSTOMER_WALLET';

/** A parsed qualification request. */
export interface QualificationQuery {
  scenario: QualificationScenario;
  order: OrderDraft;
  who: RequestIdentity;
  /** 1–50. */
  limit: number;
  /** Only redeemables created before this time (ms): the `created_at` cursor. */
  startingAfter: number | undefined;
  sortingRule: 'DEFAULT' | 'BEST_DEAL' | 'LEAST_DEAL';
  expand: Expand;
  filter: QualificationFilter;
  /** The request's `session`: with `{ type: 'LOCK' }` gift cards report `gift.locked_credits`. */
  session?: unknown;
}

/** One page of qualified redeemables. */
export interface QualificationPage {
  data: Array<Record<string, unknown>>;
  hasMore: boolean;
  /** The cursor of the next page: the `created_at` of this page's oldest entry, when there is more. */
  moreStartingAfter: string | undefined;
}

interface Qualified {
  createdAt: number;
  discount: number;
  entry: Record<string, unknown>;
}

const emptyList = () => ({ data: [], total: 0, object: 'list', data_ref: 'data' });

/** `validation_rules_assignments` of an entry: each rule assigned, with what the qualification found. */
function assignments(verdicts: readonly RuleVerdict[], objectId: string, objectType: 'voucher' | 'promotion_tier'): Record<string, unknown> {
  return {
    object: 'list',
    data_ref: 'data',
    data: verdicts.map((verdict) => ({
      id: assignmentId(verdict.ruleId, objectId),
      rule_id: verdict.ruleId,
      related_object_id: objectId,
      related_object_type: objectType,
      object: 'validation_rules_assignment',
      validation_status: verdict.status,
      ...(verdict.omitted.length > 0 ? { validation_omitted_rules: verdict.omitted } : {}),
    })),
    total: verdicts.length,
  };
}

/** Whether a voucher is offered in `scenario`: the wallet holds the customer's own; ALL and AUDIENCE_ONLY add unpublished ones. */
function offered(voucher: SandboxVoucher, query: QualificationQuery): boolean {
  const holder = query.who.customer?.id;
  if (query.scenario === 'CUSTOMER_WALLET') return Boolean(voucher.holder_id) && voucher.holder_id === holder;
  return !voucher.holder_id || voucher.holder_id === holder;
}

/**
 * Every redeemable the customer and order qualify for in `query.scenario`, each priced alone against the
 * undiscounted order; AUDIENCE_ONLY checks the customer's conditions only (order conditions are omitted and the
 * rules reported PARTIALLY_VALID). Pages are cut by `created_at`, newest first; BEST_DEAL / LEAST_DEAL order the
 * entries within a page by the discount, since the only cursor is `created_at`.
 */
export function qualify(state: SandboxState, now: number, query: QualificationQuery): QualificationPage {
  const { order, who } = query;
  const omitOrderRules = query.scenario === 'AUDIENCE_ONLY';
  const context = { orderAmount: order.amount, items: order.items, customerMetadata: who.metadata, omitOrderRules };
  const showRules = omitOrderRules || query.expand.has('validation_rules');
  const qualified: Qualified[] = [];

  const add = (
    id: string,
    object: 'voucher' | 'promotion_tier',
    source: { voucher?: SandboxVoucher; tier?: SandboxTierRecord },
    verdicts: RuleVerdict[],
    createdAt: string,
  ) => {
    const scratch = cloneOrder(order);
    const held = source.voucher ? heldOn(state, now, id) : { uses: 0, credits: 0 };
    const discountSource = source.voucher ?? { discount: source.tier?.tier.action.discount, unit_price: source.tier?.tier.unit_price };
    const discount = discountOf(discountSource, order.amount, scratch, undefined, held.credits);
    const gift = source.voucher?.gift;
    const categories = source.voucher?.categories ?? source.tier?.categories ?? [];
    const entry = {
      id,
      object,
      created_at: createdAt,
      result: gift
        ? withLockedCredits({ gift: { balance: gift.balance, credits: discount } }, source.voucher, { state, now, session: query.session })
        : { discount: source.voucher?.discount ?? source.tier?.tier.action.discount },
      order: toOrderCalculated(scratch, { discount, applied: discount }),
      applicable_to: emptyList(),
      inapplicable_to: emptyList(),
      metadata: metadataOf({ voucher: source.voucher, tier: source.tier }),
      ...expandedFields({ voucher: source.voucher, tier: source.tier, categories }, query.expand),
      ...(showRules && verdicts.length > 0 ? { validation_rules_assignments: assignments(verdicts, object === 'voucher' ? `v_${id}` : id, object) } : {}),
    };
    qualified.push({ createdAt: Date.parse(createdAt), discount, entry });
  };

  if (query.scenario !== 'CUSTOMER_WALLET') {
    for (const record of state.tiers.values()) {
      const { id } = record.tier;
      if (!query.filter({ id, object: 'promotion_tier', campaignId: record.campaign.id, categories: record.categories })) continue;
      const check = checkPromotionTier(record, id, now, state, context);
      if (!check.error) add(id, 'promotion_tier', { tier: record }, check.verdicts, record.tier.created_at);
    }
  }
  for (const voucher of state.vouchers.values()) {
    if (!offered(voucher, query)) continue;
    if (!query.filter({ id: voucher.code, object: 'voucher', campaignId: undefined, categories: voucher.categories ?? [] })) continue;
    const held = heldOn(state, now, voucher.code);
    const error = checkVoucher(voucher, voucher.code, { state, now, ...context, identity: who.identity, held });
    if (error) continue;
    add(
      voucher.code,
      'voucher',
      { voucher },
      evaluateValidationRules(state, voucher.validation_rules, context),
      voucher.created_at ?? new Date(0).toISOString(),
    );
  }

  const newestFirst = qualified
    .filter((item) => query.startingAfter === undefined || item.createdAt < query.startingAfter)
    .sort((a, b) => b.createdAt - a.createdAt || String(a.entry.id).localeCompare(String(b.entry.id)));
  const page = newestFirst.slice(0, query.limit);
  const hasMore = newestFirst.length > page.length;
  const last = page.at(-1);
  if (query.sortingRule === 'BEST_DEAL') page.sort((a, b) => b.discount - a.discount);
  if (query.sortingRule === 'LEAST_DEAL') page.sort((a, b) => a.discount - b.discount);
  return {
    data: page.map((item) => item.entry),
    hasMore,
    moreStartingAfter: hasMore && last ? new Date(last.createdAt).toISOString() : undefined,
  };
}

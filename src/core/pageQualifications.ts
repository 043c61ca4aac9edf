import type { QualificationsResponse, QualifiedRedeemable } from '../schemas/qualifications.js';

/** Voucherify's largest page (`options.limit`, max 50); its default of 5 would silently drop a sixth tier. */
export const QUALIFICATIONS_PAGE_LIMIT = 50;
/** Pages read at most by default: 500 redeemables, far more than a cart shows, and a bound on a cursor that loops. */
export const DEFAULT_MAX_QUALIFICATION_PAGES = 10;

/** What a qualification asks for, before paging: one shape for the browser and the server. */
export interface QualifyOptions {
  /** Only these kinds (`options.filters.resource_type`): `'promotion_tier'` for code-less promotions. */
  resourceType?: 'promotion_tier' | 'voucher' | 'campaign' | ReadonlyArray<'promotion_tier' | 'voucher' | 'campaign'>;
  /** Only these campaigns (`options.filters.campaign_id`). */
  campaignIds?: readonly string[];
  /** What the entries carry. @default ['redeemable', 'category']: name, campaign, metadata and categories for the UI. */
  expand?: ReadonlyArray<'redeemable' | 'category' | 'validation_rules'>;
  /** @default Voucherify's 'DEFAULT' (newest first) */
  sortingRule?: 'DEFAULT' | 'BEST_DEAL' | 'LEAST_DEAL';
  /** Pages of 50 read at most (1 to 100). @default 10 */
  maxPages?: number;
}

/** Every page of a qualification, folded. */
export interface QualifyAllResult {
  /** Every entry of every page, each once (`object` + `id`), in Voucherify's order. */
  redeemables: QualifiedRedeemable[];
  /**
   * False when `maxPages` stopped the paging while Voucherify still had more, or a page gave no cursor to go on
   * with: the list is then a prefix. True when the last page said `has_more: false`.
   */
  complete: boolean;
  /** The first page's answer, for `tracking_id`, `order` and `stacking_rules`. */
  first: QualificationsResponse;
}

/**
 * The request's `options` from `QualifyOptions`, without the paging fields.
 *
 * @example
 * qualifyRequestOptions({ resourceType: 'promotion_tier' }) // { expand: ['redeemable', 'category'], filters: { resource_type: … } }
 */
export function qualifyRequestOptions(options: QualifyOptions): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (options.resourceType !== undefined) {
    const types = typeof options.resourceType === 'string' ? [options.resourceType] : [...options.resourceType];
    filters.resource_type = { conditions: { $in: types } };
  }
  if (options.campaignIds !== undefined) filters.campaign_id = { conditions: { $in: [...options.campaignIds] } };
  return {
    expand: [...(options.expand ?? ['redeemable', 'category'])],
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(options.sortingRule ? { sorting_rule: options.sortingRule } : {}),
  };
}

/**
 * Reads a qualification to its end: pages of 50, each starting after the previous page's `more_starting_after`
 * (else its last entry's `created_at`) while `has_more`, at most `maxPages` pages. `send` posts one page (the
 * browser's client endpoint or the server's `/v1/qualifications`); a failed page rejects the whole read. Sorting
 * other than DEFAULT still pages on `created_at`, the only cursor there is; entries seen on an earlier page are
 * kept once.
 *
 * @example
 * const { redeemables, complete } = await pageQualifications((options) => post({ ...body, options }), { resourceType: 'promotion_tier' })
 */
export async function pageQualifications(
  send: (options: Record<string, unknown>) => Promise<QualificationsResponse>,
  options: QualifyOptions = {},
): Promise<QualifyAllResult> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_QUALIFICATION_PAGES;
  if (!Number.isInteger(maxPages) || maxPages < 1 || maxPages > 100) {
    throw new TypeError(`qualifications: \`maxPages\` must be a whole number from 1 to 100; got ${String(maxPages)}`);
  }
  const base = qualifyRequestOptions(options);
  // Each entry once (`object` + `id`), where it first came.
  const found = new Map<string, QualifiedRedeemable>();
  let first: QualificationsResponse | undefined;
  let cursor: string | undefined;
  let complete = false;
  for (let page = 0; page < maxPages; page++) {
    const body = await send({ ...base, limit: QUALIFICATIONS_PAGE_LIMIT, ...(cursor ? { starting_after: cursor } : {}) });
    first ??= body;
    const { redeemables } = body;
    for (const entry of redeemables.data) if (!found.has(`${entry.object}:${entry.id}`)) found.set(`${entry.object}:${entry.id}`, entry);
    complete = !redeemables.has_more;
    const next = redeemables.more_starting_after ?? redeemables.data.at(-1)?.created_at;
    // A cursor that does not move would read the same page again until maxPages.
    if (complete || !next || next === cursor) break;
    cursor = next;
  }
  return { redeemables: [...found.values()], complete, first: first! };
}

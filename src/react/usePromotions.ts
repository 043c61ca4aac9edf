'use client';
import { useTrackerState } from './useTrackerState.js';
import { hashKey, keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { Customer, Order, ValidationResult, VoucherifyError } from '../core/index.js';
import { timerMs } from '../core/timerMs.js';
import { toCodes } from '../core/toCodes.js';
import type { VoucherMessagesInput } from './messages.js';
import { createPromotionPropGetters, type PromotionPropGetters } from './promotionPropGetters.js';
import { promotionLines, type PromotionLine, type PromotionNudge } from './promotionLines.js';
import { mergePromotionMessages, type PromotionMessages, type PromotionMessagesInput } from './promotionMessages.js';
import { promotionsQueryOptions, type PromotionsData } from './promotionsQueryOptions.js';
import { formatPromotionMessage, skippedReason, type RedeemableNames } from './skippedReason.js';
import { useDebouncedValue } from './useDebouncedValue.js';
import { usePromotionAnnouncement } from './usePromotionAnnouncement.js';
import type { UseValidateResult } from './useValidate.js';
import { validateQueryOptions } from './validateQueryOptions.js';
import { voucherKeys } from './voucherKeys.js';
import { useVoucherContext } from './VoucherContext.js';

/** `'auto'` applies every qualifying tier; `'suggest'` lists them and the shopper opts in. */
export type PromotionMode = 'auto' | 'suggest';

/** Options of `usePromotions`. */
export interface UsePromotionsOptions {
  /** The cart, as for the field; a change re-qualifies (debounced) and then validates once. */
  order?: Order;
  customer?: Customer;
  metadata?: Record<string, unknown>;
  /** The shopper's codes (the field's `codes` state): validated together with the tiers, in one request. */
  codes?: readonly string[];
  /** @default 'auto' */
  mode?: PromotionMode;
  /** `'suggest'`: the tiers chosen at mount. @default [] */
  defaultSelected?: readonly string[];
  /** Nudges from your server's `nudges()` (through your route): "Add $12.01 more for 10% off". */
  nudges?: readonly PromotionNudge[];
  /** Wait after the cart last changed before qualifying (0 to 2^31−1 ms). @default 300 */
  debounceMs?: number;
  /** Pages of 50 qualified tiers read at most. @default 10 */
  maxPages?: number;
  /** Texts over the provider pack's `promotions`. */
  messages?: PromotionMessagesInput;
  /** The provider's, else 'USD'. */
  currency?: string;
  locale?: string;
  /** False: no qualification and no validation. @default true */
  enabled?: boolean;
  /** Base for the element ids; `useId()` when omitted. */
  id?: string;
}

/** What `usePromotions` returns. */
export interface UsePromotionsResult extends PromotionPropGetters {
  mode: PromotionMode;
  /** The tier ids validated beside the codes (and what `redeem({ promotions: { suggested } })` takes in suggest mode). */
  tiers: string[];
  /** Every line to show: applied, suggested, skipped, removed, nudges. */
  lines: PromotionLine[];
  /** The lines with other nudges (what `PromotionList` calls with its `nudges` prop). */
  getLines(nudges?: readonly PromotionNudge[]): PromotionLine[];
  /** The ONE validation of the codes and the tiers: its `data.order` is the total, each entry a line's saving. */
  validation: UseValidateResult;
  /** The qualification (every page, tiers only); its `data.inputs` is the cart the tiers were qualified for. */
  qualification: UseQueryResult<PromotionsData, VoucherifyError>;
  /** True while the cart's promotions or their total are being worked out. */
  isPending: boolean;
  /**
   * Spread on `VoucherField` (`<VoucherField codes={codes} onCodesChange={setCodes} {...promotions.fieldProps} />`):
   * the order and customer the tiers were qualified for, the tiers, and texts that word every SKIPPED reason.
   * The field's validation is then the same query as `validation`: one request.
   */
  fieldProps: { order?: Order; customer?: Customer; metadata?: Record<string, unknown>; promotions?: string[]; messages: VoucherMessagesInput };
  /** Opt a suggested tier in or out (`selected` omitted: flip). */
  toggle(id: string, selected?: boolean): void;
  /** The live region's words: a promotion started or stopped applying. */
  announcement: string;
  messages: PromotionMessages;
  currency: string;
  locale: string | undefined;
}

/**
 * The promotion tiers the cart earns, validated together with the shopper's codes: a cart change costs one
 * qualification (POST /client/v1/qualifications, every page, debounced) and then one validation of the codes and
 * the tiers qualified for that cart; applying a code costs one validation. The total, each line's saving and every
 * SKIPPED reason come from that validation. Pass `fieldProps` to `VoucherField` so the field asks the same query.
 *
 * @example
 * const [codes, setCodes] = useState<string[]>([])
 * const promotions = usePromotions({ order, codes, mode: 'auto' })
 * const total = promotions.validation.data?.order?.totalAmount ?? cart.total
 * <VoucherField codes={codes} onCodesChange={setCodes} {...promotions.fieldProps} />
 * <PromotionList promotions={promotions} />
 */
export function usePromotions(options: UsePromotionsOptions = {}): UsePromotionsResult {
  const { order, customer, metadata, mode = 'auto', debounceMs = 300, enabled = true } = options;
  timerMs('usePromotions', 'debounceMs', debounceMs, { min: 0 });
  const context = useVoucherContext('usePromotions()');
  const { client, queryClient } = context;
  const { outgoingId, epoch } = useTrackerState(context);
  const codes = toCodes(options.codes);
  const inputs = { order, customer, metadata };
  const [debounced] = useDebouncedValue(inputs, hashKey([inputs]), debounceMs);
  const qualification = useQuery(
    { ...promotionsQueryOptions(client, { ...debounced, epoch, maxPages: options.maxPages }), placeholderData: keepPreviousData, enabled },
    queryClient,
  );
  const [chosen, setChosen] = useState<readonly string[]>(() => options.defaultSelected ?? []);
  const data = qualification.data;
  const qualified = data?.promotions ?? [];
  const selected = (id: string) => mode === 'auto' || chosen.includes(id);
  const tiers = qualified.filter((promotion) => selected(promotion.id)).map((promotion) => promotion.id);
  // The validation prices the cart the tiers were qualified for: while a changed cart is qualified, nothing is sent
  // for it, so a cart change costs one validation, not one with the old tiers and one with the new. Without an
  // answer (the first one pending, or a failed qualification) the codes are validated alone.
  const priced = data?.inputs ?? (qualification.isError ? debounced : undefined);
  const idle = codes.length === 0 && tiers.length === 0;
  // The query `useValidate` would build, asked directly: the inputs are debounced above already.
  const validation = useQuery(
    {
      ...validateQueryOptions(client, { codes, ...priced, promotions: tiers.length > 0 ? tiers : undefined, trackingId: outgoingId, epoch }),
      // The last total stays while the same codes are priced for a changed cart or changed tiers (none included).
      // With nothing left to validate the last answer must not linger: the total is the cart's again.
      placeholderData: (previous, query) => (!idle && JSON.stringify(query?.queryKey[2]) === JSON.stringify(codes) ? previous : undefined),
      enabled: enabled && !idle && (priced !== undefined || codes.length > 0),
    },
    queryClient,
  );
  const result = idle ? undefined : validation.data;
  const settled = !qualification.isPlaceholderData && !qualification.isFetching && (idle || (!validation.isPlaceholderData && !validation.isFetching));

  const messages = useMemo(() => mergePromotionMessages(context.messages.promotions, options.messages), [context.messages.promotions, options.messages]);
  const lang = context.messages.locale;
  const currency = options.currency ?? context.currency ?? 'USD';
  const locale = options.locale ?? context.locale;
  // Tiers that applied once, by name: a cart change that ends one leaves a "no longer applies" line (or its nudge).
  // One map for the hook's life, filled from settled answers only (the same entries give the same names).
  const [seen] = useState(() => new Map<string, string>());
  const names: RedeemableNames = {
    name: (entry) => {
      if (entry.object !== 'promotion_tier') return entry.code;
      const promotion = qualified.find((candidate) => candidate.id === entry.code);
      return promotion?.banner ?? promotion?.name ?? promotion?.campaignName ?? seen.get(entry.code) ?? entry.code;
    },
    categories: (entry) => qualified.find((candidate) => candidate.id === entry.code)?.categories ?? [],
  };
  const applied = settled && result ? result.redeemables.filter((entry) => entry.object === 'promotion_tier' && entry.status === 'APPLICABLE') : [];
  for (const entry of applied) seen.set(entry.code, names.name(entry));
  const appliedIds = settled ? (tiers.length === 0 ? [] : applied.map((entry) => entry.code)) : null;
  const announcement = usePromotionAnnouncement(appliedIds, (id) => seen.get(id) ?? id, messages, lang, locale);

  const getLines = (nudges: readonly PromotionNudge[] = options.nudges ?? []) =>
    promotionLines({ promotions: qualified, selected, validation: result, settled, seen: seen, nudges, names, messages, lang, currency, locale });

  // The field words SKIPPED codes from the same answer: which entry excluded them, and the answer's limits.
  // A code refused while being applied is not in `result` (it was never added): its answer is the newest cached
  // validation that skipped it.
  const skipped = (params: { code: string }) => {
    const answers = [
      result,
      ...queryClient
        .getQueryCache()
        .findAll({ queryKey: voucherKeys.validations() })
        .sort((a, b) => b.state.dataUpdatedAt - a.state.dataUpdatedAt)
        .map((query) => query.state.data as ValidationResult | undefined),
    ];
    for (const answer of answers) {
      const entry = answer?.redeemables.find((candidate) => candidate.object !== 'promotion_tier' && candidate.code === params.code);
      if (answer && entry?.status === 'SKIPPED') return skippedReason(answer, entry, names, messages, lang, locale);
    }
    return formatPromotionMessage(messages.reasons.unknown ?? '', { code: params.code, locale }, lang);
  };
  // A new object only with a new answer (or new texts): the field re-merges its texts only then.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `skipped` reads exactly these
  const fieldMessages = useMemo<VoucherMessagesInput>(() => ({ rejections: { skipped } }), [result, data, messages, lang, locale]);

  const toggle = (id: string, next?: boolean) =>
    setChosen((current) => ((next ?? !current.includes(id)) ? [...new Set([...current, id])] : current.filter((item) => item !== id)));
  const baseId = useId();
  return {
    ...createPromotionPropGetters(options.id ?? `promotions${baseId.replace(/[^\w-]/g, '')}`, messages, lang, toggle),
    mode,
    tiers,
    lines: getLines(),
    getLines,
    validation,
    qualification,
    isPending: enabled && (qualification.isPending || !settled),
    fieldProps: { ...(priced ?? debounced), ...(tiers.length > 0 ? { promotions: tiers } : {}), messages: fieldMessages },
    toggle,
    announcement,
    messages,
    currency,
    locale,
  };
}

'use client';
import { hashKey, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { Customer, Order, ValidationResult, VoucherifyError } from '../core/index.js';
import { timerMs } from '../core/timerMs.js';
import { toCodes } from '../core/toCodes.js';
import { keepSameCodesData } from './keepSameCodesData.js';
import { useDebouncedValue } from './useDebouncedValue.js';
import { validateQueryOptions } from './validateQueryOptions.js';
import type { ValidateQueryKey } from './voucherKeys.js';
import { useTrackerState } from './useTrackerState.js';
import { useVoucherContext } from './VoucherContext.js';

/** Options of `useValidate`; any React Query option except the key and the function. */
export interface UseValidateOptions extends Omit<
  UseQueryOptions<ValidationResult, VoucherifyError, ValidationResult, ValidateQueryKey>,
  'queryKey' | 'queryFn'
> {
  order?: Order;
  customer?: Customer;
  metadata?: Record<string, unknown>;
  /** The credits the shopper chose per gift card code: pass `useVoucherInput`'s `giftCredits` so the totals match the field. */
  giftCredits?: Readonly<Record<string, number>>;
  /**
   * Promotion tier ids validated beside the codes (`usePromotions().tiers`), so one validation prices both. Not
   * debounced here: pass them with the order they were qualified for. With tiers, no codes still validates.
   */
  promotions?: readonly string[];
  /** Wait this long (0 to 2^31−1 ms; 0: at once) after the order, customer or metadata last changed before re-validating. @default 300 */
  debounceMs?: number;
}

/** A React Query result whose `data` is a `ValidationResult` and whose `error` is a `VoucherifyError`. */
export type UseValidateResult = UseQueryResult<ValidationResult, VoucherifyError>;

/**
 * Validates one code (or several, stacked) against the order, as a query keyed on the codes, the order
 * fingerprint, the tracking id and the tracker's epoch (a sign-in or sign-out asks again): the same code for the same cart costs no further request, a cart change
 * re-validates once (debounced), a superseded request is aborted and its answer cannot replace a newer one.
 * While the same codes re-validate for a changed order the previous result stays in `data` (`isPlaceholderData`
 * is true); another list of codes never shows the last list's result, and no codes (`[]`) means no `data`.
 *
 * @example
 * const { data } = useValidate('SAVE10', { order: { amount: cart.total } })
 * if (data?.valid) console.log(data.order?.totalAmount)
 */
export function useValidate(code: string | readonly string[] | null | undefined, options: UseValidateOptions = {}): UseValidateResult {
  const { order, customer, metadata, giftCredits, promotions, debounceMs = 300, enabled = true, ...queryOptions } = options;
  timerMs('useValidate', 'debounceMs', debounceMs, { min: 0 });
  const context = useVoucherContext('useValidate()');
  const { client, queryClient } = context;
  const { outgoingId, epoch } = useTrackerState(context);
  const codes = toCodes(code);
  const inputs = { order, customer, metadata, giftCredits };
  const [debounced] = useDebouncedValue(inputs, hashKey([inputs]), debounceMs);
  return useQuery(
    {
      ...validateQueryOptions(client, { codes, ...debounced, promotions, trackingId: outgoingId, epoch }),
      placeholderData: keepSameCodesData(codes),
      ...queryOptions,
      enabled: (codes.length > 0 || Boolean(promotions?.length)) && enabled,
    },
    queryClient,
  );
}

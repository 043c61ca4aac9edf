'use client';
import { queryOptions, type DataTag, type UseQueryOptions } from '@tanstack/react-query';
import { isRetryableError, type ValidationResult, type ValidationClient, type VoucherifyError } from '../core/index.js';
import { voucherKeys, type ValidateQueryKey, type ValidationInputs } from './voucherKeys.js';

/** What a validation query needs: the codes plus what the answer depends on. */
export interface ValidateQueryParams extends ValidationInputs {
  codes: readonly string[];
  /**
   * The tracker's `outgoingId` (its `trackingId`, else the identity). Part of the key only: the client sends the
   * tracker's current id itself. Defaults to the tracker's, after `tracker.hydrate()` (which reads the cookie), so
   * hooks pass the rendered value instead.
   */
  trackingId?: string | null;
  /** The tracker's `epoch`, for the key like `trackingId`: hooks pass the rendered one. Defaults to the tracker's. */
  epoch?: number;
  /**
   * Whether the query adopts the answer's tracking id. False when the caller adopts it together with its own update
   * of the answer (the voucher input, in one commit); the answer is cached under the new id's key either way.
   * @default true
   */
  adoptTrackingId?: boolean;
}

/**
 * What `validateQueryOptions` returns, spelled with `@tanstack/react-query`'s own exports: an inferred type would name
 * TanStack's internal core package in our declarations, which users do not install directly (pnpm's strict layout breaks).
 */
export type ValidateQueryOptions = UseQueryOptions<ValidationResult, VoucherifyError, ValidationResult, ValidateQueryKey> & {
  queryKey: DataTag<ValidateQueryKey, ValidationResult, VoucherifyError>;
};

/** How long a validation counts as fresh: the same code for the same cart costs no further request. */
export const VALIDATION_STALE_TIME = 5 * 60_000;

/**
 * The query options of a validation, shared by `useValidate`, `useVoucherInput`, prefetching and tests
 * (TanStack's `queryOptions` style). An invalid code is data (`valid: false`), never retried. React Query owns the
 * browser's retries: a lost answer or a 502/503/504, at most twice; never a 429 (the field shows the cooldown), a
 * timeout or a 4xx. A browser validation is a read (sessions are refused), so it is always safe to resend.
 *
 * @example
 * await queryClient.prefetchQuery(validateQueryOptions(client, { codes: ['SAVE10'], order: cart }))
 */
export function validateQueryOptions(client: ValidationClient, params: ValidateQueryParams): ValidateQueryOptions {
  const { codes, order, customer, metadata, giftCredits, promotions } = params;
  const inputs = { order, customer, metadata, giftCredits, promotions };
  const { tracker } = client;
  let { trackingId, epoch } = params;
  if (trackingId === undefined || epoch === undefined) {
    tracker.hydrate();
    const state = tracker.getSnapshot();
    // A null id is an id (none yet): only an omitted one is the tracker's.
    if (trackingId === undefined) trackingId = state.outgoingId;
    if (epoch === undefined) epoch = state.epoch;
  }
  return queryOptions<ValidationResult, VoucherifyError, ValidationResult, ValidateQueryKey>({
    queryKey: voucherKeys.validate(codes, inputs, trackingId, epoch),
    queryFn: async ({ signal, client: queryClient, queryKey }) => {
      // The epoch the request goes out under: the client reads the tracker's id as it builds it, now.
      const sentUnder = tracker.getSnapshot().epoch;
      const result = await client.validate({
        codes,
        // A null input is no input: nothing of it goes into the request.
        order: order || undefined,
        customer: customer || undefined,
        metadata: metadata || undefined,
        giftCredits: giftCredits || undefined,
        // Tiers beside the codes, and their categories: an exclusivity reason names the entry that excluded another.
        promotions: promotions || undefined,
        options: promotions ? { expand: ['category'] } : undefined,
        signal,
        adoptTrackingId: false,
      });
      // Crossed a sign-in, a sign-out or a consent withdrawal: the answer is the previous shopper's. It stays under
      // this key (an old epoch, asked for by no one now); its id is neither cached under a new key nor adopted.
      if (tracker.getSnapshot().epoch !== sentUnder) return result;
      // Cached first, then adopted: the re-render the adoption causes (at once, even in a legacy root) finds the
      // answer under its new key instead of sending the same validation again. This key is written too: that
      // re-render moves the observer away before React Query has stored the answer, and with the signal consumed
      // the fetch is then reverted to its state before the request; a manual write is what the revert restores.
      if (result.trackingId && result.trackingId !== trackingId) {
        queryClient.setQueryData(queryKey, result);
        queryClient.setQueryData(voucherKeys.validate(codes, inputs, result.trackingId, sentUnder), result);
      }
      if (params.adoptTrackingId !== false) tracker.adopt(result.trackingId, sentUnder);
      return result;
    },
    staleTime: VALIDATION_STALE_TIME,
    retry: (failures, error) => failures < 2 && isRetryableError(error),
    // Full jitter, as the server's policy: shoppers behind one failing edge do not come back in step.
    retryDelay: (failures) => Math.random() * Math.min(3000, 300 * 2 ** failures),
    // The core client answers offline with a typed error at once; 'online' would park the query instead.
    networkMode: 'always',
    refetchOnWindowFocus: false,
  });
}

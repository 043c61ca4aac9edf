'use client';
import { queryOptions, type DataTag, type UseQueryOptions } from '@tanstack/react-query';
import {
  isRetryableError,
  type Customer,
  type Order,
  type QualifiedPromotion,
  type StackingRules,
  type ValidationClient,
  type VoucherifyClient,
  type VoucherifyError,
} from '../core/index.js';
import type { TransportContext } from '../core/createTransportContext.js';
import { qualifyAll } from '../core/qualifyAll.js';
import { toListedPromotion } from '../core/toPromotion.js';
import { validateTiers } from '../core/validateTiers.js';
import { fingerprint } from './voucherKeys.js';

/** What a promotion qualification answered, with the inputs it was asked for: the validation prices that same cart. */
export interface PromotionsData {
  /** The qualified promotion tiers, in Voucherify's order, each priced alone. */
  promotions: QualifiedPromotion[];
  /** False when paging stopped at `maxPages` with more to read. */
  complete: boolean;
  stackingRules: StackingRules | null;
  /** The order, customer and metadata qualified: `usePromotions` validates the tiers against exactly these. */
  inputs: PromotionInputs;
}

/** What a qualification depends on: the cart, the customer and the metadata. */
export interface PromotionInputs {
  order?: Order | undefined;
  customer?: Customer | undefined;
  metadata?: Record<string, unknown> | undefined;
}

/** What a promotion qualification needs. */
export interface PromotionsQueryParams extends PromotionInputs {
  /** The tracker's epoch, for the key: a sign-in or sign-out asks again. */
  epoch: number;
  /** Pages of 50 read at most. @default 10 */
  maxPages?: number;
}

/** The key of a promotion qualification: under `voucherKeys.all`, so invalidating everything includes it. */
export type PromotionsQueryKey = readonly ['voucherkit', 'promotions', string, number];

/** Query options of a promotion qualification, spelled with `@tanstack/react-query`'s own exports. */
export type PromotionsQueryOptions = UseQueryOptions<PromotionsData, VoucherifyError, PromotionsData, PromotionsQueryKey> & {
  queryKey: DataTag<PromotionsQueryKey, PromotionsData, VoucherifyError>;
};

/** How long a qualification counts as fresh; Voucherify's own answer may be up to 5 minutes old anyway. */
export const PROMOTIONS_STALE_TIME = 60_000;

/** The provider's own client carries its transport (see `createProviderClient`); a full client qualifies itself. */
function qualifierOf(client: ValidationClient): VoucherifyClient['qualifyAll'] {
  const full = client as Partial<VoucherifyClient> & { context?: TransportContext };
  if (full.qualifyAll) return full.qualifyAll.bind(full);
  const context = full.context;
  if (context) {
    // The provider's client validates the tiers it qualifies as the full client does (the ALL-mode resend, the
    // categories checked): installed here, by the qualification, so a field without promotions never holds it.
    context.tiers = validateTiers;
    return (params) => qualifyAll(context, params);
  }
  throw new TypeError("usePromotions needs a client that qualifies: the provider's own or createVoucherifyClient(), not createValidationClient()");
}

/**
 * The query options of the promotion tiers a customer and order qualify for (POST /client/v1/qualifications, every
 * page, tiers only, expanded with names and categories), keyed on the inputs' fingerprint and the tracker's epoch.
 *
 * @example
 * await queryClient.prefetchQuery(promotionsQueryOptions(client, { order, epoch: 0 }))
 */
export function promotionsQueryOptions(client: ValidationClient, params: PromotionsQueryParams): PromotionsQueryOptions {
  const { order, customer, metadata, epoch, maxPages } = params;
  const inputs = { order, customer, metadata };
  const qualify = qualifierOf(client);
  return queryOptions<PromotionsData, VoucherifyError, PromotionsData, PromotionsQueryKey>({
    queryKey: ['voucherkit', 'promotions', fingerprint(inputs), epoch] as const,
    // The signal is left unread: this query starts on mount, and React Query aborts a consumed signal when its last
    // observer leaves, which StrictMode's mount-unmount-mount does, so dev builds sent the qualification twice (B2).
    // A qualification is a read; one finishing after a real unmount only fills the cache.
    queryFn: async () => {
      // Tiers only, expanded with names and categories (the pager's default `expand`).
      const { redeemables, complete, first } = await qualify({ ...inputs, resourceType: 'promotion_tier', maxPages });
      return {
        promotions: redeemables.filter((entry) => entry.object === 'promotion_tier').map(toListedPromotion),
        complete,
        stackingRules: first.stacking_rules ?? null,
        inputs,
      };
    },
    staleTime: PROMOTIONS_STALE_TIME,
    retry: (failures, error) => failures < 2 && isRetryableError(error),
    retryDelay: (failures) => Math.random() * Math.min(3000, 300 * 2 ** failures),
    networkMode: 'always',
    refetchOnWindowFocus: false,
  });
}

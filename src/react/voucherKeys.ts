'use client';
import { hashKey } from '@tanstack/react-query';
import type { Customer, Order } from '../core/index.js';

/** What a validation depends on besides the codes; all of it goes into the fingerprint. */
export interface ValidationInputs {
  order?: Order | null | undefined;
  customer?: Customer | null | undefined;
  metadata?: Record<string, unknown> | null | undefined;
  /** The credits the shopper chose per gift card code (minor units). */
  giftCredits?: Readonly<Record<string, number>> | null | undefined;
  /** Promotion tier ids validated beside the codes; they change the answer, so they are in the fingerprint. */
  promotions?: readonly string[] | null | undefined;
}

// React Query's own `hashKey` serialises (keys sorted: core's `orderFingerprint` text, unless a key looks like an array
// index); FNV-1a (32 bit) keeps the key short and a customer's e-mail out of it. Not for security.
/** A short, stable fingerprint of a key part (internal: `promotionsQueryOptions` keys with it too). */
export const fingerprint = (value: unknown): string => {
  if (value == null) return 'none';
  const text = hashKey([value]).slice(1, -1);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `${(hash >>> 0).toString(36)}.${text.length.toString(36)}`;
};

/**
 * Query-key factories for every voucherkit query, so invalidation and prefetching never hand-write a key.
 * The fingerprint covers the order, and the customer and metadata when given (they change the answer too). The
 * tracker's `epoch` ends the key: after a sign-in, a sign-out or a consent withdrawal no earlier answer is served,
 * even where the outgoing id is the same (none, before and after a sign-out).
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: voucherKeys.all })
 * voucherKeys.validate(['SAVE10'], { order: cart }, trackingId, epoch) // ['voucherkit', 'validate', ['SAVE10'], '1x9…', 'track_…', 0]
 */
export const voucherKeys = {
  all: ['voucherkit'] as const,
  validations: () => ['voucherkit', 'validate'] as const,
  validate: (codes: readonly string[], inputs: ValidationInputs = {}, trackingId: string | null = null, epoch = 0) =>
    [
      'voucherkit',
      'validate',
      [...codes],
      fingerprint(inputs.customer || inputs.metadata || inputs.giftCredits || inputs.promotions ? inputs : inputs.order),
      trackingId,
      epoch,
    ] as const,
};

/** The key of a validation query. */
export type ValidateQueryKey = ReturnType<typeof voucherKeys.validate>;

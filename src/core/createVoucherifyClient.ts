import { createTransportContext, type VoucherifyClientOptions } from './createTransportContext.js';
import type { ValidationClient } from './createValidationClient.js';
import type { EventResponse } from '../schemas/eventResponse.js';
import type { PromotionTiersResponse } from '../schemas/promotionTiers.js';
import type { QualificationsResponse } from '../schemas/qualifications.js';
import { listPromotionTiers, type PromotionTiersParams } from './listPromotionTiers.js';
import type { QualifyAllResult } from './pageQualifications.js';
import { qualifications, type QualificationsParams } from './qualifications.js';
import { qualifyAll, type QualifyAllParams } from './qualifyAll.js';
import { track, type TrackParams } from './track.js';
import type { ValidationResult } from './types.js';
import { validate, type ValidateParams } from './validate.js';
import { validateTiers } from './validateTiers.js';
import { validateVoucher } from './validateVoucher.js';
import { withRetry } from './withRetry.js';

export type { VoucherifyClientOptions } from './createTransportContext.js';
export type { PromotionTiersParams } from './listPromotionTiers.js';
export type { QualificationsParams } from './qualifications.js';
export type { QualifyAllParams } from './qualifyAll.js';
export type { TrackParams } from './track.js';
export type { ValidateParams } from './validate.js';

/** The browser-safe Voucherify client. */
export interface VoucherifyClient extends ValidationClient {
  /** GET /client/v1/validate, deprecated by Voucherify; for old projects. Sends the tracking id in every form. */
  validateVoucher(code: string, params?: Omit<ValidateParams, 'code' | 'codes' | 'options'>): Promise<ValidationResult>;
  /** POST /client/v1/events. */
  track(event: string, params?: TrackParams): Promise<EventResponse>;
  /** POST /client/v1/qualifications. */
  qualifications(params?: QualificationsParams): Promise<QualificationsResponse>;
  /** POST /client/v1/qualifications, every page (50 a page, at most `maxPages`), expanded for a promotion list. */
  qualifyAll(params?: QualifyAllParams): Promise<QualifyAllResult>;
  /** GET /client/v1/promotions/tiers. */
  listPromotionTiers(params?: PromotionTiersParams): Promise<PromotionTiersResponse>;
}

/**
 * Creates the client for Voucherify's client-side API: timeouts, abort, retry for reads, typed errors,
 * checked responses, and the tracking id sent on every call and adopted from every answer.
 *
 * @example
 * const client = createVoucherifyClient({ clientApplicationId, clientToken, tracker: createTracker() })
 * const result = await client.validate({ code: 'SAVE10', order: { amount: 4000 } })
 */
export function createVoucherifyClient(options: VoucherifyClientOptions): VoucherifyClient {
  const context = withRetry(createTransportContext(options), options.retry);
  // This client qualifies, so its validations take the tiers it finds: the ALL-mode resend, categories checked.
  context.tiers = validateTiers;
  return {
    tracker: context.tracker,
    validate: (params) => validate(context, params),
    validateVoucher: (code, params) => validateVoucher(context, code, params),
    track: (event, params) => track(context, event, params),
    qualifications: (params) => qualifications(context, params),
    qualifyAll: (params) => qualifyAll(context, params),
    listPromotionTiers: (params) => listPromotionTiers(context, params),
  };
}

// voucherkit/core: framework-free, safe to import where there is no window (Node, edge, workers).
export { createVoucherifyClient } from './createVoucherifyClient.js';
export type {
  PromotionTiersParams,
  QualificationsParams,
  TrackParams,
  ValidateParams,
  VoucherifyClient,
  VoucherifyClientOptions,
} from './createVoucherifyClient.js';
export { createValidationClient } from './createValidationClient.js';
export type { ValidationClient } from './createValidationClient.js';
export { createTracker } from './createTracker.js';
export type { Tracker, TrackerOptions, TrackerState } from './createTracker.js';
export { createVoucherInput } from './createVoucherInput.js';
export type {
  ApplyOutcome,
  VoucherAnnouncement,
  VoucherAttempt,
  VoucherFocusTarget,
  VoucherInput,
  VoucherInputOptions,
  VoucherInputs,
  VoucherInputSnapshot,
  VoucherInputStatus,
} from './voucherInputTypes.js';
export { createCookieStore, DEFAULT_TRACKING_COOKIE, MAX_COOKIE_DAYS } from './cookieStore.js';
export type { CookieStore, TrackingCookieOptions } from './cookieStore.js';
export { VoucherifyError, isVoucherifyError } from './errors.js';
export type { VoucherifyErrorInit, VoucherifyErrorKind } from './errors.js';
export { calculateDiscount, calculatePrice, formatDiscount, formatMoney } from './discount.js';
export type { DiscountOptions, DiscountSource, FormatOptions } from './discount.js';
export { normalizeCode } from './normalizeCode.js';
export type { NormalizeCodeOptions, NormalizedCode } from './normalizeCode.js';
export { isTrackingId, MAX_TRACKING_ID_LENGTH } from './trackingId.js';
export { orderFingerprint } from './orderFingerprint.js';
export { pathSegment } from './pathSegment.js';
export { backoffDelay, defaultRetryPolicy, retryAfterMs } from './retry.js';
export type { RetryPolicy } from './retry.js';
export { customerRetrySafety, isRetryableError, sessionRetrySafety, withSessionKey } from './retrySafety.js';
export type { RetrySafety } from './retrySafety.js';
export { call, callNoContent, normalizeApiUrl } from './request.js';
export type { CallOptions, TransportConfig } from './request.js';
export { fromLegacyValidation, fromStackableValidation, toOrderTotals, toRejection } from './validationResult.js';
export { apiErrorSchema, discountSchema, giftSchema, orderCalculatedSchema, stackableValidationSchema } from './schemas.js';
export type { ApiError, Discount, OrderCalculated, StackableValidationResponse } from './schemas.js';
export { legacyValidationSchema } from './validateVoucher.js';
export type { LegacyValidationResponse } from './validateVoucher.js';
export { eventResponseSchema } from './track.js';
export type { EventResponse } from './track.js';
export { qualificationsResponseSchema } from './qualifications.js';
export type { QualificationsResponse } from './qualifications.js';
export { promotionTiersResponseSchema } from './listPromotionTiers.js';
export type { PromotionTiersResponse } from './listPromotionTiers.js';
export { toLegacyQuery } from './legacyQuery.js';
export type {
  Customer,
  InvalidResult,
  KnownRejectionKey,
  Order,
  OrderItem,
  OrderTotals,
  RedeemableResult,
  Rejection,
  RejectionKey,
  ValidationResult,
  ValidationSession,
  ValidResult,
} from './types.js';

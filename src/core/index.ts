// voucherkit/core: framework-free, safe to import where there is no window (Node, edge, workers). The documented API
// only: what src/server and src/sandbox share beyond it lives in ./internal.ts, which package.json does not export.
export { createVoucherifyClient } from './createVoucherifyClient.js';
export type {
  PromotionTiersParams,
  QualificationsParams,
  QualifyAllParams,
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
export { createCookieStore, DEFAULT_TRACKING_COOKIE } from './cookieStore.js';
export type { CookieStore, TrackingCookieOptions } from './cookieStore.js';
export { VoucherifyError, isVoucherifyError } from './errors.js';
export type { VoucherifyErrorInit, VoucherifyErrorKind } from './errors.js';
export { calculateDiscount, calculatePrice, formatDiscount, formatMoney } from './discount.js';
export type { DiscountOptions, DiscountSource, FormatOptions } from './discount.js';
export { normalizeCode } from './normalizeCode.js';
export type { NormalizeCodeOptions, NormalizedCode } from './normalizeCode.js';
export { isTrackingId } from './trackingId.js';
export { buildRedeemables } from './buildRedeemables.js';
export type { PromotionRef, RedeemableRef } from './buildRedeemables.js';
export { QUALIFICATIONS_PAGE_LIMIT, DEFAULT_MAX_QUALIFICATION_PAGES } from './pageQualifications.js';
export type { QualifyAllResult, QualifyOptions } from './pageQualifications.js';
export { toPromotion } from './toPromotion.js';
export type { QualifiedPromotion } from './toPromotion.js';
export { orderFingerprint } from './orderFingerprint.js';
export { pathSegment } from './pathSegment.js';
export type { RetryPolicy } from './retry.js';
export { customerRetrySafety, isRetryableError, sessionRetrySafety } from './retrySafety.js';
export type { RetrySafety } from './retrySafety.js';
// Response types only: the schemas themselves are voucherkit/schemas, and the browser never runs them.
export type { Category, Discount, StackingRules } from '../schemas/common.js';
export type { EventResponse } from '../schemas/eventResponse.js';
export type { QualificationsResponse, QualifiedRedeemable } from '../schemas/qualifications.js';
export type { PromotionTiersResponse } from '../schemas/promotionTiers.js';
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

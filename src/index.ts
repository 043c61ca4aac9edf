// voucherkit: the React layer plus the core a React user needs. Every symbol is listed by name.
export { VoucherProvider } from './react/VoucherProvider.js';
export type { VoucherProviderProps } from './react/VoucherProvider.js';
export { useVoucherify } from './react/useVoucherify.js';
export type { UseVoucherifyResult } from './react/useVoucherify.js';
export { useValidate } from './react/useValidate.js';
export type { UseValidateOptions, UseValidateResult } from './react/useValidate.js';
export { validateQueryOptions, VALIDATION_STALE_TIME } from './react/validateQueryOptions.js';
export type { ValidateQueryOptions, ValidateQueryParams } from './react/validateQueryOptions.js';
export { voucherKeys } from './react/voucherKeys.js';
export type { ValidateQueryKey, ValidationInputs } from './react/voucherKeys.js';
export { useVoucherInput } from './react/useVoucherInput.js';
export { giftCardAmounts } from './react/giftCardAmounts.js';
export type { GiftCardAmountsContext, GiftCardAmountState, GiftCardAmountGetters } from './react/giftCardAmounts.js';
export type { ApplyOutcome, UseVoucherInputOptions, UseVoucherInputResult, VoucherInputStatus } from './react/types.js';
export type { AppliedCode } from './react/appliedCodes.js';
export type { VoucherButtonProps, VoucherElementProps, VoucherInputProps, VoucherPropGetters } from './react/voucherPropGetters.js';
export { VoucherField } from './react/VoucherField.js';
export type { VoucherFieldProps } from './react/VoucherField.js';
export { defaultMessages, formatMessage } from './react/messages.js';
export { usePromotions } from './react/usePromotions.js';
export type { PromotionMode, UsePromotionsOptions, UsePromotionsResult } from './react/usePromotions.js';
export { PromotionList } from './react/PromotionList.js';
export type { PromotionListProps } from './react/PromotionList.js';
export type { PromotionLine, PromotionNudge, PromotionStatus } from './react/promotionLines.js';
export type { PromotionPropGetters } from './react/promotionPropGetters.js';
export { defaultPromotionMessages, mergePromotionMessages } from './react/promotionMessages.js';
export type { PromotionMessage, PromotionMessageParams, PromotionMessages, PromotionMessagesInput } from './react/promotionMessages.js';
export { promotionsQueryOptions, PROMOTIONS_STALE_TIME } from './react/promotionsQueryOptions.js';
export type { PromotionInputs, PromotionsData, PromotionsQueryKey, PromotionsQueryOptions, PromotionsQueryParams } from './react/promotionsQueryOptions.js';
export type { Message, MessageParams, PluralMessage, VoucherMessages, VoucherMessagesInput } from './react/messages.js';

export {
  createVoucherifyClient,
  createValidationClient,
  createTracker,
  VoucherifyError,
  isVoucherifyError,
  calculateDiscount,
  calculatePrice,
  formatDiscount,
  formatMoney,
  normalizeCode,
} from './core/index.js';
export type {
  Customer,
  Discount,
  DiscountOptions,
  DiscountSource,
  FormatOptions,
  InvalidResult,
  KnownRejectionKey,
  NormalizeCodeOptions,
  NormalizedCode,
  Order,
  QualifiedPromotion,
  OrderItem,
  OrderTotals,
  RedeemableResult,
  Rejection,
  RejectionKey,
  Tracker,
  TrackerOptions,
  TrackerState,
  TrackingCookieOptions,
  ValidateParams,
  ValidationResult,
  ValidationSession,
  ValidResult,
  ValidationClient,
  VoucherifyClient,
  VoucherifyClientOptions,
  VoucherifyErrorKind,
} from './core/index.js';

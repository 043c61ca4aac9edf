// voucherkit/schemas: the zod contract of every response the library reads (zod/mini, works anywhere).
// The server helper, the sandbox and the tests parse with these; browser code checks the same fields with small
// hand-written decoders instead, so the field's bundle carries no schema runtime.
export { apiErrorSchema, categorySchema, discountSchema, giftSchema, orderCalculatedSchema, stackingRulesSchema } from './common.js';
export type { ApiError, Category, Discount, Gift, OrderCalculated, StackingRules } from './common.js';
export { redeemableSchema, stackableValidationSchema } from './stackableValidation.js';
export type { StackableValidationResponse } from './stackableValidation.js';
export { legacyValidationSchema } from './legacyValidation.js';
export type { LegacyValidationResponse } from './legacyValidation.js';
export { eventResponseSchema } from './eventResponse.js';
export type { EventResponse } from './eventResponse.js';
export { qualificationsResponseSchema, qualifiedRedeemableSchema } from './qualifications.js';
export type { QualificationsResponse, QualifiedRedeemable } from './qualifications.js';
export { promotionTiersResponseSchema } from './promotionTiers.js';
export type { PromotionTiersResponse } from './promotionTiers.js';
export { publicationResponseSchema, publishedVoucherSchema } from './publication.js';
export type { PublicationResponse, PublishedVoucher } from './publication.js';
export { validationRuleConditionSchema, validationRuleSchema } from './validationRule.js';
export type { ValidationRule, ValidationRuleCondition } from './validationRule.js';
export { voucherSchema } from './voucher.js';
export type { Voucher } from './voucher.js';

// voucherkit/server: never imported by browser code. The guard is imported first, so a browser stops before anything else runs.
import { assertServerRuntime } from './assertServerRuntime.js';

export { createVoucherifyServer } from './createVoucherifyServer.js';
export type { VoucherifyServerOptions } from './createVoucherifyServer.js';
export type { Publish, PublishParams, PublishResult } from './createPublish.js';
export type { PublishCampaignOptions, PublishOptions } from './publishOptions.js';
export { readTrackingId, readTrackingIdResult } from './readTrackingId.js';
export type { IncomingMessageLike, TrackingIdProblem, TrackingIdReadResult, TrackingIdSource } from './readTrackingId.js';
export { isRedeemOutcomeUnknown, OUTCOME_UNKNOWN } from './redeemOutcome.js';
export { createRedeemOnce } from './createRedeemOnce.js';
export type { RedeemOnce, RedeemOnceOptions } from './createRedeemOnce.js';
export type { RedeemOnceReconcileOptions, RedeemOnceReconcileOutcome } from './reconcileOnce.js';
export type { RedeemGuardKey } from './redeemGuardError.js';
export type { ReconcileOutcome, ReconcileRedeemParams } from './reconcileRedeem.js';
export type { ListRedemptionsParams, RedemptionFilterConditions } from './listRedemptions.js';
export { createMemoryRedeemStore } from './memoryRedeemStore.js';
export type { MemoryRedeemStore, MemoryRedeemStoreOptions } from './memoryRedeemStore.js';
export type { PendingRecord, RedeemRecord, RedeemStore } from './redeemStore.js';
export { createRedisRedeemStore } from './createRedisRedeemStore.js';
export type { RedisCommandSender, RedisRedeemStore, RedisRedeemStoreOptions } from './createRedisRedeemStore.js';
export { createPostgresRedeemStore, postgresRedeemStoreSchema } from './createPostgresRedeemStore.js';
export type { PostgresQueryable, PostgresRedeemStore, PostgresRedeemStoreOptions } from './createPostgresRedeemStore.js';
export { REDEMPTION_NOT_RECORDED, RedemptionNotRecordedError } from './RedemptionNotRecordedError.js';
export {
  customerSchema,
  redemptionListSchema,
  redemptionRollbackSchema,
  redemptionSchema,
  stackableRedemptionSchema,
  stackedRollbackSchema,
} from './schemas.js';
export type { CustomerProfile, Redemption, RedemptionList, RedemptionRollback, StackableRedemptionResponse, StackedRollbackResponse } from './schemas.js';
export { DEFAULT_RESERVATION_TTL, MAX_RESERVATION_TTL } from './reserve.js';
export type {
  CustomerPatch,
  InapplicableCode,
  RedeemedPromotions,
  RedeemParams,
  RedeemPromotions,
  RedeemResult,
  RedeemVoucherParams,
  RedeemVoucherResult,
  ReleaseSessionParams,
  ReleaseSessionResult,
  Reservation,
  ReserveParams,
  RollbackOptions,
  RollbackResult,
  ServerCustomers,
  ServerOrder,
  ServerOrderItem,
  ServerValidateParams,
  ServerValidationResult,
  TotalMismatch,
  TrackingIdInput,
} from './types.js';
export type { VoucherifyServer } from './voucherifyServer.js';
export type { Nudge, NudgesParams } from './nudges.js';
export type { ServerQualifyParams } from './qualify.js';
export type { QualifyAllResult, QualifiedPromotion, QualifiedRedeemable } from '../core/index.js';
export type { GiftCardBalance } from './giftCardBalance.js';
// The same error class as the browser side, so one `instanceof` check covers both.
export { VoucherifyError, isVoucherifyError } from '../core/index.js';
export type { VoucherifyErrorKind, ValidationResult } from '../core/index.js';

// Also a statement of this module, so a bundler that drops side-effect-only imports still keeps the check.
assertServerRuntime();

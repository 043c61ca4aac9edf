// Shared internals of src/core for src/server and src/sandbox (and tests with no public name to use): the transport,
// the retry policy, the result folding and the decoders. Not a public entry: package.json does not export it, and
// voucherkit/core does not re-export it, so none of it is API.
export { canonicalJson } from './canonicalJson.js';
export { createProviderClient } from './createValidationClient.js';
export { MAX_COOKIE_DAYS } from './cookieStore.js';
export { decodeApiError } from './decodeApiError.js';
export { decodeEventResponse } from './decodeEventResponse.js';
export { decodeLegacyValidation } from './decodeLegacyValidation.js';
export { decodePromotionTiers } from './decodePromotionTiers.js';
export { decodeQualifications } from './decodeQualifications.js';
export { decodeStackableValidation, decodeTierValidation } from './decodeStackableValidation.js';
export type { Check, Decode } from './decode.js';
export { toLegacyQuery } from './legacyQuery.js';
export { call, callNoContent, normalizeApiUrl } from './request.js';
export type { CallOptions, TransportConfig } from './request.js';
export { backoffDelay, defaultRetryPolicy, retryAfterMs, retrying, sleep } from './retry.js';
export type { Retrier, RetryPolicy } from './retry.js';
export { withSessionKey } from './retrySafety.js';
export { MAX_TIMER_MS, timerMs } from './timerMs.js';
export type { TimerMsRule } from './timerMs.js';
export { MAX_TRACKING_ID_LENGTH } from './trackingId.js';
export { fromLegacyValidation, fromStackableValidation, toOrderTotals, toRejection, withStackingFields } from './validationResult.js';
export { validateTiers } from './validateTiers.js';
export { inapplicableTiers } from './inapplicableTiers.js';
export { pageQualifications, qualifyRequestOptions } from './pageQualifications.js';
export { qualifyAll } from './qualifyAll.js';

/** Longest tracking id accepted from a response, a cookie or a request. */
export const MAX_TRACKING_ID_LENGTH = 256;

// Voucherify's ids are `track_` + base64 (`+ / =`); the raw identities it also accepts are e-mails or ids.
// Anything with spaces, quotes, semicolons or markup is not one of ours and is treated as tampering.
const trackingIdPattern = /^[\w.+/=:@-]+$/;

/**
 * True when `value` looks like a tracking id this library may store or forward.
 *
 * @example
 * isTrackingId('track_9B0kB92+bJa8a+PegaWREw==') // true
 * isTrackingId('<script>') // false
 */
export function isTrackingId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_TRACKING_ID_LENGTH && trackingIdPattern.test(value);
}

/** Longest tracking id accepted from a response, a cookie or `initialTrackingId`. */
export const MAX_TRACKING_ID_LENGTH = 256;

// Voucherify issues `track_` + base64 (standard or URL-safe alphabet, up to two `=`). Only those are read from a
// cookie, `initialTrackingId` or a response: a raw identity there (an e-mail, a user id) is a shopper naming
// someone else, since the browser only ever stores ids Voucherify issued. No base64 decoding or padding check:
// the spec has ids whose length is not a multiple of four. This is hygiene, not authentication.
const trackingIdPattern = /^track_[A-Za-z0-9+/_-]+={0,2}$/;

/**
 * True when `value` is a tracking id Voucherify issued (`track_` + base64, at most 256 characters): the only
 * kind this library reads from a cookie, `initialTrackingId` or a response, stores, or forwards from them.
 * E-mails and other raw identities are not tracking ids.
 *
 * @example
 * isTrackingId('track_9B0kB92+bJa8a+PegaWREw==') // true
 * isTrackingId('vip@example.com') // false
 */
export function isTrackingId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_TRACKING_ID_LENGTH && trackingIdPattern.test(value);
}

import type { ApiError } from '../schemas/common.js';
import { maybe, number, object, optional, string, type Check } from './decode.js';

/** Voucherify's error object: the fields read into `VoucherifyError` and `Rejection` (schema: `apiErrorSchema`). */
export const apiErrorCheck: Check = /* @__PURE__ */ object({
  code: /* @__PURE__ */ optional(number),
  key: /* @__PURE__ */ maybe(string),
  message: /* @__PURE__ */ maybe(string),
  details: /* @__PURE__ */ maybe(string),
  request_id: /* @__PURE__ */ maybe(string),
  error: /* @__PURE__ */ maybe(/* @__PURE__ */ object({ message: /* @__PURE__ */ maybe(string) })),
});

/**
 * The error object of a failed call, or undefined when the body is not one (an HTML page from a proxy, say).
 * Never throws.
 *
 * @example
 * decodeApiError({ code: 404, key: 'not_found' })?.key // 'not_found'
 */
export function decodeApiError(json: unknown): ApiError | undefined {
  try {
    apiErrorCheck(json, '');
    return json as ApiError;
  } catch {
    return undefined;
  }
}

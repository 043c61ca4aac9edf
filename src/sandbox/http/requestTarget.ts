import { errorResponse } from './responses.js';

/** The methods the sandbox serves: the `Allow` of `OPTIONS *` and of a refused TRACE or CONNECT. */
export const SERVED_METHODS = 'GET, POST, PUT, DELETE, OPTIONS';

// Fetch's forbidden methods: `new Request` throws on them, so the HTTP server must answer them itself.
const forbiddenMethods = new Set(['CONNECT', 'TRACE', 'TRACK']);

// RFC 9110 §7.2: Host is uri-host [":" port], uri-host an IP-literal, an IPv4 address or a reg-name (RFC 3986 §3.2.2).
const hostPattern = /^(?:\[[0-9A-Fa-f:.]+\]|(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})*)(?::(\d{0,5}))?$/;

const badRequest = (key: string, details: string) => errorResponse({ code: 400, key, message: 'Bad Request', details });

/** True when `host` is a syntactically valid Host field value (RFC 9110 §7.2). */
export function isValidHost(host: string): boolean {
  const match = hostPattern.exec(host);
  return match !== null && (match[1] === undefined || match[1] === '' || Number(match[1]) <= 65535);
}

/** 405 for a method no route serves, with `Allow` listing the ones the sandbox does. */
export function methodNotServed(method: string): Response {
  const response = errorResponse({
    code: 405,
    key: 'method_not_allowed',
    message: 'Method not allowed',
    details: `${method} is not served; use ${SERVED_METHODS}`,
  });
  response.headers.set('Allow', SERVED_METHODS);
  return response;
}

/**
 * Reads an HTTP/1.1 request line's method and target, and the request's Host lines, as the node server got
 * them: the path (with query) to serve, or the answer to send as is. Absolute-form targets are served by
 * their path (RFC 9112 §3.2.2); TRACE and CONNECT are 405; `OPTIONS *` is 204 with `Allow`; a repeated or
 * malformed Host, and any other target, are 400 (RFC 9112 §3.2).
 *
 * @example
 * readRequestTarget('GET', 'http://api.voucherify.io/v1/customers?limit=1', ['api.voucherify.io']) // '/v1/customers?limit=1'
 */
export function readRequestTarget(method: string, target: string, hosts: readonly string[]): string | Response {
  if (forbiddenMethods.has(method.toUpperCase())) return methodNotServed(method);
  if (hosts.length > 1) return badRequest('invalid_host', 'The request has more than one Host header');
  const host = hosts[0];
  if (host !== undefined && !isValidHost(host)) return badRequest('invalid_host', `Host ${JSON.stringify(host)} is not a valid host[:port]`);
  if (target.startsWith('/')) return target;
  if (target === '*') {
    if (method === 'OPTIONS') return new Response(null, { status: 204, headers: { Allow: SERVED_METHODS } });
    return badRequest('invalid_request_target', `The target * is only valid with OPTIONS, not ${method}`);
  }
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      return `${url.pathname}${url.search}`;
    } catch {
      // Falls through to the 400 below.
    }
  }
  return badRequest('invalid_request_target', `${JSON.stringify(target.slice(0, 200))} is not a path or an http(s) URL`);
}

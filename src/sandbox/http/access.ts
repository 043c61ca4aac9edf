import { errorResponse } from './responses.js';
import type { SandboxClientKey, SandboxServerKey } from '../types.js';

/** Request headers a browser may send to /client/v1 (answered in preflights). */
const allowedRequestHeaders = 'Content-Type, Accept, X-Client-Application-Id, X-Client-Token, X-Voucherify-Channel, X-Voucherify-OAuth, Authorization';
/** Response headers a browser may read. */
const exposedHeaders = 'X-Rate-Limit-Limit, X-Rate-Limit-Remaining, X-Rate-Limit-Retry, Retry-After, X-Request-Id';

/**
 * True when `origin` is on the allow-list. Entries are Voucherify's forms: an exact origin or host,
 * '.example.com' for the domain and its subdomains, or '*'. A request with no Origin (a server, curl) passes:
 * the origin check protects the publishable keys from other websites, not from scripts.
 */
export function isOriginAllowed(origin: string | null, allowedOrigins: readonly string[]): boolean {
  if (origin === null || allowedOrigins.includes('*')) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    host = origin;
  }
  return allowedOrigins.some((entry) => {
    if (entry === origin || entry === host) return true;
    if (entry.startsWith('.')) return host === entry.slice(1) || host.endsWith(entry);
    return false;
  });
}

/** CORS headers for a /client/v1 response to `origin`. */
export function corsHeaders(origin: string | null): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Expose-Headers': exposedHeaders,
    ...(origin ? { Vary: 'Origin' } : {}),
  };
}

/** The answer to an OPTIONS preflight on /client/v1. */
export function preflight(request: Request, allowedOrigins: readonly string[]): Response {
  const origin = request.headers.get('origin');
  if (!isOriginAllowed(origin, allowedOrigins)) return new Response(null, { status: 403 });
  return new Response(null, {
    status: 204,
    headers: {
      ...corsHeaders(origin),
      'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
      // Echo what the browser asks for: the keys are checked on the real request, not here.
      'Access-Control-Allow-Headers': request.headers.get('access-control-request-headers') ?? allowedRequestHeaders,
      'Access-Control-Max-Age': '600',
    },
  });
}

const unauthorized = (details: string) => errorResponse({ code: 401, key: 'unauthorized', message: 'Unauthorized', details });

/** 401 unless the client keys match a pair and the origin is allowed; undefined when the request may pass. */
export function checkClient(request: Request, keys: readonly SandboxClientKey[], allowedOrigins: readonly string[]): Response | undefined {
  const id = request.headers.get('x-client-application-id');
  const token = request.headers.get('x-client-token');
  if (!id || !token) return unauthorized('Missing X-Client-Application-Id or X-Client-Token header');
  if (!keys.some((key) => key.clientApplicationId === id && key.clientToken === token)) {
    return unauthorized('The client application id and token do not match');
  }
  const origin = request.headers.get('origin');
  if (!isOriginAllowed(origin, allowedOrigins)) {
    return unauthorized(`Origin ${String(origin)} is not on the client-side allow-list of this project`);
  }
  return undefined;
}

/** 401 unless the server keys (X-App-Id / X-App-Token) match a pair; undefined when the request may pass. */
export function checkServer(request: Request, keys: readonly SandboxServerKey[]): Response | undefined {
  const id = request.headers.get('x-app-id');
  const token = request.headers.get('x-app-token');
  if (!id || !token) return unauthorized('Missing X-App-Id or X-App-Token header');
  if (!keys.some((key) => key.applicationId === id && key.secretKey === token)) {
    return unauthorized('The application id and secret key do not match');
  }
  return undefined;
}

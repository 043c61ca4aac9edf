// cookie declares only `main` (no `exports`, no `module`): bundlers on the neutral platform (esbuild's default for edge
// and wrangler with custom conditions) read no `main` and fail on the bare name, so name the file itself. Node, Deno and
// Bun load it as CommonJS with named exports, and every bundler follows the path (issue 22).
import { parse } from 'cookie/dist/index.js';
import { DEFAULT_TRACKING_COOKIE, isTrackingId } from '../core/index.js';
import { MAX_TRACKING_ID_LENGTH } from '../core/internal.js';

/** A Node `IncomingMessage` (Express, Fastify's `request.raw`, Next.js pages API) as far as cookies go. */
export interface IncomingMessageLike {
  headers: { cookie?: string | string[] | undefined };
}

/** Anything a server framework hands you that carries the browser's cookies. */
export type TrackingIdSource =
  | Request
  | Headers
  | { get(name: string): string | null }
  | { headers: { get(name: string): string | null } }
  | IncomingMessageLike
  | string
  | null
  | undefined;

/**
 * Why no tracking id could be read. Only `missing` is normal; the others mean the cookie was tampered with or
 * corrupted. `invalid` includes a raw identity (an e-mail, a user id): the browser only stores `track_` ids.
 */
export type TrackingIdProblem = 'missing' | 'undecodable' | 'too_long' | 'invalid';

/** The outcome of reading the tracking id cookie. */
export type TrackingIdReadResult = { ok: true; trackingId: string } | { ok: false; reason: TrackingIdProblem };

function cookieHeaderOf(source: TrackingIdSource): string | null {
  if (source == null) return null;
  if (typeof source === 'string') return source;
  if (typeof Headers !== 'undefined' && source instanceof Headers) return source.get('cookie');
  if (typeof Request !== 'undefined' && source instanceof Request) return source.headers.get('cookie');
  // Headers and Requests from another realm or a polyfill (Next.js `await headers()`, undici copies) by shape.
  if (typeof (source as Headers).get === 'function') return (source as Headers).get('cookie');
  const headers = (source as { headers?: unknown }).headers;
  if (headers && typeof (headers as Headers).get === 'function') return (headers as Headers).get('cookie');
  if (headers && typeof headers === 'object') {
    const cookie = (headers as IncomingMessageLike['headers']).cookie;
    // Node joins repeated Cookie headers with '; ' already; an array only comes from hand-built objects.
    return Array.isArray(cookie) ? cookie.join('; ') : (cookie ?? null);
  }
  throw new TypeError('readTrackingId expects a Request, Headers, an IncomingMessage or a Cookie header string');
}

/**
 * Reads the tracking id cookie and says why when there is none: the value must decode as the browser
 * encoded it (`encodeURIComponent`) and be an id Voucherify issued (`track_` + base64, see `isTrackingId`).
 *
 * @example
 * const read = readTrackingIdResult(request)
 * if (!read.ok && read.reason !== 'missing') log.warn('tampered tracking cookie', read.reason)
 */
export function readTrackingIdResult(source: TrackingIdSource, name: string = DEFAULT_TRACKING_COOKIE): TrackingIdReadResult {
  const header = cookieHeaderOf(source);
  if (!header) return { ok: false, reason: 'missing' };
  // Identity decode: the raw value is decoded below, where a failure can be told apart from a miss.
  const raw = parse(header, { decode: (value) => value })[name];
  if (raw === undefined || raw === '') return { ok: false, reason: 'missing' };
  // Every character of an id can at most triple in URI encoding; longer cannot be one of ours.
  if (raw.length > MAX_TRACKING_ID_LENGTH * 3) return { ok: false, reason: 'too_long' };
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return { ok: false, reason: 'undecodable' };
  }
  if (value.length > MAX_TRACKING_ID_LENGTH) return { ok: false, reason: 'too_long' };
  return isTrackingId(value) ? { ok: true, trackingId: value } : { ok: false, reason: 'invalid' };
}

/**
 * Reads the browser's tracking id from a request's cookies. Returns null when the cookie is missing
 * *or* malformed or not a `track_` id: the cookie is client-controlled, so a garbled or forged one (an
 * e-mail naming another customer) must not break checkout or name anyone; a redeem without a tracking id
 * still works. Use `readTrackingIdResult` to tell the two apart.
 *
 * @example
 * export async function POST(request: Request) {
 *   const trackingId = readTrackingId(request) // 'track_…' or null
 * }
 */
export function readTrackingId(source: TrackingIdSource, name: string = DEFAULT_TRACKING_COOKIE): string | null {
  const result = readTrackingIdResult(source, name);
  return result.ok ? result.trackingId : null;
}

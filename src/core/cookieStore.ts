import Cookies from 'js-cookie';
import { isTrackingId } from './trackingId.js';

/** Where and how long the tracking id cookie lives. */
export interface TrackingCookieOptions {
  /** @default 'voucherify_tracking_id' */
  name?: string;
  /**
   * Lifetime in days: a positive finite number (a TypeError otherwise). Values above 395 (13 months, CNIL) are
   * capped at 395. @default 180
   */
  maxAgeDays?: number;
  /** Share with sibling subdomains; host-only when omitted. */
  domain?: string;
  /** @default '/' */
  path?: string;
  /** @default 'Lax' */
  sameSite?: 'Lax' | 'Strict' | 'None';
  /** @default true on https pages, false on http (Safari drops Secure cookies on http://localhost) */
  secure?: boolean;
}

/** The default cookie name, shared with `readTrackingId` on the server. */
export const DEFAULT_TRACKING_COOKIE = 'voucherify_tracking_id';
/** 13 months, the CNIL ceiling, and below Chrome's 400-day cap. */
export const MAX_COOKIE_DAYS = 395;

/** Reads, writes and removes the one cookie. A no-op where there is no `document` (server, worker). */
export interface CookieStore {
  read(): string | null;
  write(value: string): void;
  remove(): void;
}

const cookieName = /^[!#$%&'*+.^`|~\w-]+$/;

/**
 * A cookie store for the tracking id, over js-cookie. Only `track_` ids are written; anything else found in the
 * cookie is removed on read. Throws a TypeError at creation for a bad `name` or `maxAgeDays`.
 *
 * @example
 * const store = createCookieStore({ maxAgeDays: 30 })
 * store.write('track_abc+/=')
 */
export function createCookieStore(options: TrackingCookieOptions = {}): CookieStore {
  const name = options.name ?? DEFAULT_TRACKING_COOKIE;
  if (!cookieName.test(name)) throw new TypeError(`cookie.name ${JSON.stringify(name)} is not a valid cookie name`);
  const maxAgeDays: unknown = options.maxAgeDays ?? 180;
  // Zero, negative or NaN would write an already expired cookie (or `expires=Invalid Date`): a setup mistake.
  if (typeof maxAgeDays !== 'number' || !Number.isFinite(maxAgeDays) || maxAgeDays <= 0) {
    throw new TypeError(`cookie.maxAgeDays must be a positive finite number of days (at most ${MAX_COOKIE_DAYS} are used), got ${String(maxAgeDays)}`);
  }
  const days = Math.min(maxAgeDays, MAX_COOKIE_DAYS);
  const scope = { path: options.path ?? '/', ...(options.domain ? { domain: options.domain } : {}) };
  // Full URI encoding on write, so `/ + =` in Voucherify's ids survive every cookie parser; the server decodes the same
  // way. Built here rather than at module level: a top-level call would keep js-cookie in bundles that never use it.
  const codec = Cookies.withConverter<string>({
    write: (value) => encodeURIComponent(value),
    read: (value) => {
      try {
        return decodeURIComponent(value);
      } catch {
        return '';
      }
    },
  });
  // Sandboxed iframes and locked-down pages throw on document.cookie: the id then lives in memory only.
  const guarded = <T>(fallback: T, run: () => T): T => {
    if (typeof document === 'undefined') return fallback;
    try {
      return run();
    } catch {
      return fallback;
    }
  };

  return {
    read() {
      return guarded(null, () => {
        const value = codec.get(name);
        if (value === undefined) return null;
        if (isTrackingId(value)) return value;
        codec.remove(name, scope);
        return null;
      });
    },
    write(value) {
      if (!isTrackingId(value)) return;
      guarded(undefined, () => {
        const secure = options.secure ?? (typeof location !== 'undefined' && location.protocol === 'https:');
        codec.set(name, value, { ...scope, expires: days, sameSite: options.sameSite ?? 'Lax', secure });
      });
    },
    remove() {
      guarded(undefined, () => codec.remove(name, scope));
    },
  };
}

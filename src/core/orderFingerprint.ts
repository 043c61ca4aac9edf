import { canonicalJson } from './canonicalJson.js';

/**
 * A short, stable fingerprint of an order (or anything JSON-like): equal carts give equal strings,
 * whatever the key order. Used in query keys so the same code and cart cost no further request.
 *
 * @example
 * orderFingerprint({ amount: 100, items: [] }) === orderFingerprint({ items: [], amount: 100 }) // true
 */
export function orderFingerprint(value: unknown): string {
  if (value === undefined || value === null) return 'none';
  const text = canonicalJson(value);
  // FNV-1a, 32 bit: not for security, only to keep query keys short.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(36)}.${text.length.toString(36)}`;
}

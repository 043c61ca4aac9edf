import { isTrackingId } from '../../core/index.js';
import type { SandboxState } from '../types.js';

/** 128 bits from four 32-bit lanes: deterministic, synchronous, and the same in browsers and Node. */
function hash128(text: string): Uint8Array {
  let h1 = 0x6a09e667 ^ text.length;
  let h2 = 0xbb67ae85;
  let h3 = 0x3c6ef372;
  let h4 = 0xa54ff53a;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x85ebca6b);
    h2 = Math.imul(h2 ^ c, 0xc2b2ae35);
    h3 = Math.imul(h3 ^ c, 0x27d4eb2f);
    h4 = Math.imul(h4 ^ c, 0x165667b1);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = (h2 << 17) | (h2 >>> 15);
    h3 = (h3 << 11) | (h3 >>> 21);
    h4 = (h4 << 7) | (h4 >>> 25);
  }
  // Final avalanche so that one changed character flips about half of the output bits.
  const lanes = [h1, h2, h3, h4].map((h, i) => {
    let x = h ^ (h1 + h2 + h3 + h4 + i);
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  });
  const bytes = new Uint8Array(16);
  lanes.forEach((lane, i) => {
    bytes[i * 4] = lane >>> 24;
    bytes[i * 4 + 1] = (lane >>> 16) & 0xff;
    bytes[i * 4 + 2] = (lane >>> 8) & 0xff;
    bytes[i * 4 + 3] = lane & 0xff;
  });
  return bytes;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The tracking id for a raw identity: `track_` + base64 of a keyed hash, so it is opaque, stable for the
 * same identity within one sandbox, and carries `+ / =` like Voucherify's own ids.
 */
export function issueTrackingId(state: SandboxState, secret: string, identity: string): string {
  const trackingId = `track_${base64(hash128(`${secret}\u0000${identity}`))}`;
  state.trackingIds.set(trackingId, identity);
  return trackingId;
}

/**
 * The tracking id that stands for `identity`. A well-formed `track_` id (an anonymous shopper's, or one this
 * sandbox never issued) is its own identity and is echoed unchanged, with no table entry; a raw identity (an
 * e-mail, a user id) gets its hashed id and one entry, so the table only ever grows with raw identities.
 */
export function trackingIdFor(state: SandboxState, secret: string, identity: string): string {
  return isTrackingId(identity) ? identity : issueTrackingId(state, secret, identity);
}

/** A random `track_` id for a shopper the request does not name: its own identity, so it needs no table entry. */
export function anonymousTrackingId(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return `track_${base64(bytes)}`;
}

/** The raw identity behind a value that is either a tracking id this sandbox issued or a raw identity itself. */
export function resolveIdentity(state: SandboxState, value: string): string {
  return state.trackingIds.get(value) ?? value;
}

/** A random secret, so two sandboxes never issue the same id for one identity. */
export function randomSecret(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return base64(bytes);
}

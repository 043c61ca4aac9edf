import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrackingId } from 'voucherkit/core';
import { readTrackingId, readTrackingIdResult } from 'voucherkit/server';
import { idWithForeignCharacter, idWithoutPrefix, overlongTrackingId, validTrackingId } from '../core/trackingIdArbitraries.js';

// Other cookies a shop sets beside ours, in any order around it.
const otherCookies = fc.array(
  fc.tuple(fc.constantFrom('theme', 'session', 'cart', 'voucherify_tracking', '_ga'), fc.string({ unit: fc.constantFrom(...'abc123%+/=') })),
  { maxLength: 3 },
);
const header = (value: string, before: Array<[string, string]>, after: Array<[string, string]>) =>
  [...before.map(([name, v]) => `${name}=${v}`), `voucherify_tracking_id=${value}`, ...after.map(([name, v]) => `${name}=${v}`)].join('; ');

/** `encodeURIComponent`, or null for strings it cannot encode (lone surrogates). */
const encoded = (value: string): string | null => {
  try {
    return encodeURIComponent(value);
  } catch {
    return null;
  }
};

describe('readTrackingId (properties)', () => {
  it('round-trips every valid id the browser wrote with encodeURIComponent, among other cookies', () => {
    fc.assert(
      fc.property(validTrackingId, otherCookies, otherCookies, (id, before, after) => {
        const cookie = header(encodeURIComponent(id), before, after);
        expect(readTrackingId(cookie)).toBe(id);
        expect(readTrackingIdResult(new Request('https://shop.test/', { headers: { cookie } }))).toEqual({ ok: true, trackingId: id });
      }),
    );
  });

  it('never returns a value that is not a tracking id, whatever the cookie holds', () => {
    // Invalid by construction, not by asking isTrackingId: an e-mail, noise without the prefix, a foreign character.
    const invalid = fc.oneof(
      idWithForeignCharacter,
      idWithoutPrefix,
      overlongTrackingId,
      fc.emailAddress(),
      fc.string({ unit: 'binary' }).filter((value) => !value.startsWith('track_')),
    );
    fc.assert(
      fc.property(invalid, (value) => {
        const raw = encoded(value);
        fc.pre(raw !== null);
        const cookie = `voucherify_tracking_id=${raw}`;
        expect(readTrackingId(cookie)).toBeNull();
        expect(readTrackingIdResult(cookie).ok).toBe(false);
      }),
      { examples: [['vip@example.com'], ['VIP@Example.com'], ['user-42']] },
    );
  });

  it('whatever raw text the cookie holds, the answer is null or a valid id', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (raw) => {
        const result = readTrackingId(`voucherify_tracking_id=${raw}`);
        expect(result === null || isTrackingId(result)).toBe(true);
      }),
    );
  });
});

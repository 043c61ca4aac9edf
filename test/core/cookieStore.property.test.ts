// @vitest-environment jsdom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCookieStore, DEFAULT_TRACKING_COOKIE, isTrackingId } from 'voucherkit/core';
import { idWithForeignCharacter, idWithoutPrefix, overlongTrackingId, validTrackingId } from './trackingIdArbitraries.js';

function clearCookies() {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}
afterEach(() => clearCookies());

const cookieName = fc.constantFrom(DEFAULT_TRACKING_COOKIE, 'vk_id', 'shop.tracking');
// Invalid by construction, not by asking isTrackingId.
const invalidValue = fc.oneof(
  idWithForeignCharacter,
  idWithoutPrefix,
  overlongTrackingId,
  fc.emailAddress(),
  fc.string({ unit: 'binary' }).filter((value) => !value.startsWith('track_')),
  fc.constantFrom('vip@example.com', 'VIP@Example.com', 'user-42', 'a; Path=/evil', ''),
);

describe('tracking cookie encode/decode (properties, createCookieStore in jsdom)', () => {
  // What reaches document.cookie is exactly encodeURIComponent(id): the form readTrackingId's own property
  // test (test/server/readTrackingId.property.test.ts) round-trips on the server.
  it('writing then reading gives back the same id; the cookie holds exactly encodeURIComponent(id)', () => {
    fc.assert(
      fc.property(validTrackingId, cookieName, (id, name) => {
        clearCookies();
        const store = createCookieStore({ name });
        store.write(id);
        expect(store.read()).toBe(id);
        expect(createCookieStore({ name }).read()).toBe(id);
        expect(document.cookie).toBe(`${name}=${encodeURIComponent(id)}`);
      }),
    );
  });

  it('a value that is not a tracking id is never written', () => {
    fc.assert(
      fc.property(invalidValue, cookieName, (value, name) => {
        clearCookies();
        const writes = vi.spyOn(document, 'cookie', 'set');
        try {
          createCookieStore({ name }).write(value);
          expect(writes).not.toHaveBeenCalled();
        } finally {
          writes.mockRestore();
        }
        expect(document.cookie).toBe('');
      }),
    );
  });

  it('whatever raw text the cookie holds, read gives null or a valid id, and removes what it refuses', () => {
    const raw = fc.oneof(
      invalidValue.map((value) => {
        try {
          return encodeURIComponent(value);
        } catch {
          return '%';
        }
      }),
      fc.string({ unit: fc.constantFrom(...'ab%E0A4=+/_-track@.') }),
    );
    fc.assert(
      fc.property(raw, (value) => {
        clearCookies();
        document.cookie = `${DEFAULT_TRACKING_COOKIE}=${value}; path=/`;
        const read = createCookieStore().read();
        expect(read === null || isTrackingId(read)).toBe(true);
        if (read === null) expect(document.cookie).not.toContain(`${DEFAULT_TRACKING_COOKIE}=`);
      }),
    );
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCookieStore, createTracker, DEFAULT_TRACKING_COOKIE } from 'voucherkit/core';

const ENCODED_ID = 'track_a/b+c=';
const HASHED = 'track_9B0kB92+bJa8a+PegaWREw==';
const IDENTITY = 'vip@example.com';

function clearCookies() {
  for (const pair of document.cookie.split(';')) {
    const name = pair.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

/** The raw strings assigned to document.cookie, attributes included. */
function spyCookieWrites() {
  return vi.spyOn(document, 'cookie', 'set');
}

function storageText(): string {
  const dump = (storage: Storage) => Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`).join(';');
  return `${document.cookie}|${dump(localStorage)}|${dump(sessionStorage)}`;
}

beforeEach(() => {
  clearCookies();
  localStorage.clear();
  sessionStorage.clear();
});
afterEach(() => clearCookies());

describe('createCookieStore (js-cookie, jsdom)', () => {
  it('URI-encodes the value: `track_a/b+c=` is stored as %2F%2B%3D and read back intact', () => {
    const store = createCookieStore();
    store.write(ENCODED_ID);
    expect(document.cookie).toContain(`${DEFAULT_TRACKING_COOKIE}=track_a%2Fb%2Bc%3D`);
    expect(store.read()).toBe(ENCODED_ID);
  });

  it('writes Path=/, SameSite=Lax, an expiry, and no Secure on an http page', () => {
    const writes = spyCookieWrites();
    createCookieStore().write(HASHED);
    const written = writes.mock.calls[0]?.[0] ?? '';
    expect(written).toMatch(/; path=\//);
    expect(written).toMatch(/; sameSite=Lax/i);
    expect(written).toMatch(/; expires=/);
    expect(written).not.toMatch(/secure/i);
  });

  it('honours name, domain, sameSite, secure and caps the lifetime at 13 months', () => {
    const writes = spyCookieWrites();
    createCookieStore({ name: 'vk_id', domain: 'localhost', sameSite: 'Strict', secure: true, maxAgeDays: 10_000 }).write(HASHED);
    const written = writes.mock.calls[0]?.[0] ?? '';
    expect(written.startsWith('vk_id=')).toBe(true);
    expect(written).toMatch(/; domain=localhost/);
    expect(written).toMatch(/; sameSite=Strict/i);
    expect(written).toMatch(/; secure/i);
    const expires = Date.parse(/expires=([^;]+)/.exec(written)?.[1] ?? '');
    const days = (expires - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(394);
    expect(days).toBeLessThanOrEqual(395.01);
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['a string', '30'],
  ])('refuses a cookie.maxAgeDays that is %s with a TypeError at creation, before any write', (_name, maxAgeDays) => {
    const writes = spyCookieWrites();
    expect(() => createCookieStore({ maxAgeDays: maxAgeDays as number })).toThrow(TypeError);
    expect(() => createCookieStore({ maxAgeDays: maxAgeDays as number })).toThrow(/cookie\.maxAgeDays/);
    expect(() => createTracker({ cookie: { maxAgeDays: maxAgeDays as number } })).toThrow(/cookie\.maxAgeDays/);
    expect(writes).not.toHaveBeenCalled();
  });

  it('a positive cookie.maxAgeDays sets an expiry that many days ahead', () => {
    const writes = spyCookieWrites();
    createCookieStore({ maxAgeDays: 30 }).write(HASHED);
    const written = writes.mock.calls[0]?.[0] ?? '';
    const days = (Date.parse(/expires=([^;]+)/.exec(written)?.[1] ?? '') - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30.01);
    expect(createCookieStore().read()).toBe(HASHED);
  });

  it('refuses to write a value that is not a tracking id', () => {
    const store = createCookieStore();
    store.write('<script>alert(1)</script>');
    store.write('a; Path=/evil');
    store.write(IDENTITY);
    store.write('user-42');
    expect(document.cookie).toBe('');
  });

  it.each([
    ['markup', encodeURIComponent('<img src=x onerror=alert(1)>')],
    ['a broken percent escape', 'track_%E0%A4%A'],
    ['an oversized value', 'x'.repeat(300)],
    ['spaces', encodeURIComponent('track_a b')],
    ['an e-mail', encodeURIComponent('vip@example.com')],
    ['a plain user id', 'user-42'],
    ['an id without the track_ prefix', encodeURIComponent('9B0kB92+bJa8a+PegaWREw==')],
  ])('ignores and removes a tampered cookie: %s', (_name, raw) => {
    document.cookie = `${DEFAULT_TRACKING_COOKIE}=${raw}; path=/`;
    expect(document.cookie).toContain(DEFAULT_TRACKING_COOKIE);
    expect(createCookieStore().read()).toBeNull();
    expect(document.cookie).not.toContain(DEFAULT_TRACKING_COOKIE);
  });

  it('remove deletes the cookie', () => {
    const store = createCookieStore();
    store.write(HASHED);
    store.remove();
    expect(document.cookie).toBe('');
    expect(store.read()).toBeNull();
  });
});

describe('a page where cookies are off limits (sandboxed iframe: document.cookie throws)', () => {
  /** Shadows Document.prototype.cookie with an accessor that throws, as a sandboxed iframe does. */
  function withCookiesForbidden(run: () => void) {
    const insecure = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(document, 'cookie', { configurable: true, get: insecure, set: insecure });
    try {
      run();
    } finally {
      delete (document as { cookie?: string }).cookie;
    }
  }

  it('the store reads nothing and writes nothing instead of throwing', () => {
    withCookiesForbidden(() => {
      const store = createCookieStore();
      expect(store.read()).toBeNull();
      expect(() => store.write(HASHED)).not.toThrow();
      expect(() => store.remove()).not.toThrow();
    });
  });

  it('the tracker falls back to memory and keeps working', () => {
    withCookiesForbidden(() => {
      const tracker = createTracker();
      expect(tracker.getSnapshot().trackingId).toBeNull();
      tracker.adopt(HASHED);
      tracker.setConsent(false);
      expect(tracker.outgoingId()).toBe(HASHED);
    });
  });
});

describe('createTracker over the real cookie store (jsdom)', () => {
  it('adopts an id from a response and persists it URI-encoded', () => {
    const tracker = createTracker();
    tracker.adopt(ENCODED_ID);
    expect(document.cookie).toBe(`${DEFAULT_TRACKING_COOKIE}=track_a%2Fb%2Bc%3D`);
    // A new page load reads it back.
    const reloaded = createTracker();
    reloaded.hydrate();
    expect(reloaded.getSnapshot().trackingId).toBe(ENCODED_ID);
  });

  it('consent false: nothing is written, the id stays in memory', () => {
    const writes = spyCookieWrites();
    const tracker = createTracker({ consent: false });
    tracker.adopt(HASHED);
    expect(tracker.outgoingId()).toBe(HASHED);
    expect(document.cookie).toBe('');
    expect(writes.mock.calls.some(([value]) => value.includes(encodeURIComponent(HASHED)))).toBe(false);
  });

  it('consent withdrawn: the cookie is deleted at once, the memory copy is kept', () => {
    const tracker = createTracker();
    tracker.adopt(HASHED);
    expect(document.cookie).not.toBe('');
    tracker.setConsent(false);
    expect(document.cookie).toBe('');
    expect(tracker.getSnapshot()).toMatchObject({ trackingId: HASHED, consent: false });
  });

  it('consent granted: the id held in memory is written', () => {
    const tracker = createTracker({ consent: false });
    tracker.adopt(HASHED);
    tracker.setConsent(true);
    expect(document.cookie).toBe(`${DEFAULT_TRACKING_COOKIE}=${encodeURIComponent(HASHED)}`);
  });

  it('consent granted later recovers nothing that consent false deleted', () => {
    createCookieStore().write(HASHED);
    const tracker = createTracker({ consent: false });
    tracker.hydrate();
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(document.cookie).toBe('');
  });

  it('a tampered cookie is ignored and removed on the first read', () => {
    document.cookie = `${DEFAULT_TRACKING_COOKIE}=${encodeURIComponent('"><script>alert(1)</script>')}; path=/`;
    const tracker = createTracker();
    tracker.hydrate();
    expect(tracker.getSnapshot().trackingId).toBeNull();
    expect(tracker.outgoingId()).toBeNull();
    expect(document.cookie).toBe('');
  });

  it('the raw identity never reaches document.cookie, localStorage or sessionStorage', () => {
    const writes = spyCookieWrites();
    const tracker = createTracker();
    tracker.setIdentity(IDENTITY);
    tracker.adopt(IDENTITY); // an API echoing the identity back
    tracker.setConsent(false);
    tracker.setConsent(true);
    tracker.adopt(HASHED);
    expect(tracker.outgoingId()).toBe(HASHED);
    const everything = `${storageText()}|${writes.mock.calls.map(([value]) => value).join('|')}`;
    expect(everything).not.toContain(IDENTITY);
    expect(everything).not.toContain(encodeURIComponent(IDENTITY));
    expect(document.cookie).toContain(encodeURIComponent(HASHED));
  });

  it('setIdentity clears the anonymous id from memory and the cookie', () => {
    const tracker = createTracker();
    tracker.adopt(HASHED);
    tracker.setIdentity(IDENTITY);
    expect(tracker.getSnapshot()).toMatchObject({ identity: IDENTITY, trackingId: null });
    expect(document.cookie).toBe('');
  });

  it('subscribe notifies and getSnapshot stays stable between changes', () => {
    const tracker = createTracker();
    const listener = vi.fn();
    tracker.subscribe(listener);
    const before = tracker.getSnapshot();
    expect(tracker.getSnapshot()).toBe(before);
    tracker.adopt(HASHED);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(tracker.getSnapshot()).not.toBe(before);
  });
});

describe('nothing touches document at import or creation', () => {
  it('importing voucherkit/core and creating a tracker reads and writes no cookie', async () => {
    const get = vi.spyOn(document, 'cookie', 'get');
    const set = vi.spyOn(document, 'cookie', 'set');
    vi.resetModules();
    const core = await import('voucherkit/core');
    const tracker = core.createTracker();
    core.createVoucherifyClient({ clientApplicationId: 'id', clientToken: 'token', tracker });
    expect(get).not.toHaveBeenCalled();
    expect(set).not.toHaveBeenCalled();
    tracker.hydrate(); // the first touch
    expect(get).toHaveBeenCalled();
  });
});

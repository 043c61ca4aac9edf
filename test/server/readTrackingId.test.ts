import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, test } from 'vitest';
import { readTrackingId, readTrackingIdResult } from 'voucherkit/server';

// A Voucherify-style id: base64 with `+ / =`, exactly what the browser URI-encodes into the cookie.
const trackingId = 'track_9B0kB92+bJa8a/PegaWREw==';
const cookieValue = encodeURIComponent(trackingId);
const header = `theme=dark; voucherify_tracking_id=${cookieValue}; session=abc`;

function incoming(cookie: string | undefined): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  if (cookie !== undefined) message.headers.cookie = cookie;
  return message;
}

describe('readTrackingId', () => {
  test('reads the id from a Fetch Request, Headers, a Cookie header string and a Node IncomingMessage', () => {
    expect(readTrackingId(new Request('https://shop.test/checkout', { headers: { cookie: header } }))).toBe(trackingId);
    expect(readTrackingId(new Headers({ cookie: header }))).toBe(trackingId);
    expect(readTrackingId(header)).toBe(trackingId);
    expect(readTrackingId(incoming(header))).toBe(trackingId);
  });

  test('decodes exactly what encodeURIComponent wrote, so `+` is not turned into a space', () => {
    expect(cookieValue).toContain('%2B');
    expect(readTrackingId(`voucherify_tracking_id=${cookieValue}`)).toBe(trackingId);
  });

  test('also accepts an unencoded value a server may have set itself', () => {
    expect(readTrackingId(`voucherify_tracking_id=${trackingId}`)).toBe(trackingId);
  });

  test('reads a custom cookie name, and only that name', () => {
    expect(readTrackingId(`vk_id=${cookieValue}`, 'vk_id')).toBe(trackingId);
    expect(readTrackingId(`vk_id=${cookieValue}`)).toBeNull();
  });

  test('Headers and Requests from another realm or a polyfill, recognised by shape', () => {
    const foreignHeaders = { get: (name: string) => (name === 'cookie' ? header : null) };
    expect(readTrackingId(foreignHeaders)).toBe(trackingId);
    expect(readTrackingId({ headers: foreignHeaders })).toBe(trackingId);
  });

  test('an IncomingMessage-like object with repeated Cookie headers as an array', () => {
    expect(readTrackingId({ headers: { cookie: ['a=1', `voucherify_tracking_id=${cookieValue}`] } })).toBe(trackingId);
  });

  test.each([
    ['no source', undefined],
    ['null', null],
    ['an empty header', ''],
    ['a request without cookies', new Request('https://shop.test/')],
    ['a message without cookies', incoming(undefined)],
    ['other cookies only', 'a=1; b=2'],
    ['an empty value', 'voucherify_tracking_id='],
  ])('returns null and reason "missing" for %s', (_name, source) => {
    expect(readTrackingId(source)).toBeNull();
    expect(readTrackingIdResult(source)).toEqual({ ok: false, reason: 'missing' });
  });

  test.each([
    ['a broken percent escape', '%E0%A4%A', 'undecodable'],
    ['a lone percent sign', '%', 'undecodable'],
    ['markup', encodeURIComponent('<script>alert(1)</script>'), 'invalid'],
    ['raw markup', '<script>', 'invalid'],
    ['spaces and quotes', encodeURIComponent('a b"c'), 'invalid'],
    ['an e-mail (a forged identity)', 'vip%40example.com', 'invalid'],
    ['an unencoded e-mail', 'vip@example.com', 'invalid'],
    ['a plain user id', 'user-42', 'invalid'],
    ['an id without the track_ prefix', encodeURIComponent('9B0kB92+bJa8a/PegaWREw=='), 'invalid'],
    ['a track_ id with an e-mail inside', encodeURIComponent('track_vip@example.com'), 'invalid'],
    ['10,000 characters', 'a'.repeat(10_000), 'too_long'],
    ['257 characters', 'a'.repeat(257), 'too_long'],
  ])('returns null for a garbled cookie (%s) and says why', (_name, value, reason) => {
    const cookie = `voucherify_tracking_id=${value}`;
    expect(readTrackingId(cookie)).toBeNull();
    expect(readTrackingIdResult(cookie)).toEqual({ ok: false, reason });
    expect(readTrackingIdResult(new Request('https://shop.test/', { headers: { cookie } }))).toEqual({ ok: false, reason });
  });

  test('a 256-character id is the longest accepted', () => {
    const longest = `track_${'a'.repeat(250)}`;
    expect(readTrackingId(`voucherify_tracking_id=${longest}`)).toBe(longest);
  });

  test('throws a TypeError for a value that cannot carry cookies', () => {
    expect(() => readTrackingId(42 as never)).toThrow(TypeError);
    expect(() => readTrackingId({} as never)).toThrow(/Request, Headers, an IncomingMessage or a Cookie header/);
  });
});

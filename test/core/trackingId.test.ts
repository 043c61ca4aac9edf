import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrackingId } from 'voucherkit/core';
import { MAX_TRACKING_ID_LENGTH } from '../../src/core/internal.js';

const specPath = process.env.VOUCHERIFY_OPENAPI ?? fileURLToPath(new URL('../../../shared/voucherify-api/openapi-subset.json', import.meta.url));

/** Every string in the spec that starts with `track_`, wherever it sits (examples, schemas' `example`). */
function specTrackingIds(): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('track_')) found.add(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(JSON.parse(readFileSync(specPath, 'utf8')));
  return [...found];
}

describe('isTrackingId: only ids Voucherify issued (track_ + base64 alphabet, at most 256 characters)', () => {
  it.each([
    'track_9B0kB92+bJa8a+PegaWREw==',
    'track_0nmdnu/6xIb6NTN0Ea40oFmM4wD5QYlxAgKdSn6wh+o',
    'track_VAVW6qltuo1/z+G2GI2LPw==',
    'track_ZGPtmYcM+Mw=',
    'track_url-safe_base64',
    'track_a',
    `track_${'x'.repeat(MAX_TRACKING_ID_LENGTH - 'track_'.length)}`,
  ])('accepts %s', (value) => {
    expect(isTrackingId(value)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['an e-mail', 'vip@example.com'],
    ['a case variant of an e-mail', 'VIP@Example.com'],
    ['a plain user id', 'user-42'],
    ['another source id (the publish example)', 'pub_source_customer_5'],
    ['the prefix alone', 'track_'],
    ['the prefix in another case', 'TRACK_abc'],
    ['the prefix not at the start', 'x_track_abc'],
    ['an e-mail behind the prefix', 'track_vip@example.com'],
    ['three padding characters', 'track_abc==='],
    ['padding in the middle', 'track_ab=c'],
    ['a colon', 'track_a:b'],
    ['a dot', 'track_a.b'],
    ['257 characters', `track_${'x'.repeat(MAX_TRACKING_ID_LENGTH - 'track_'.length + 1)}`],
    ['markup', '<script>alert(1)</script>'],
    ['a space', 'track_a b'],
    ['a cookie separator', 'track_a;b'],
    ['a quote', 'track_"a"'],
    ['a line break', 'track_a\nSet-Cookie: x=1'],
    ['a percent-encoded value that was not decoded', 'track_a%2Fb'],
    ['non-ASCII letters', 'track_äbc'],
    ['not a string', 42],
    ['null', null],
    ['undefined', undefined],
  ])('refuses %s', (_name, value) => {
    expect(isTrackingId(value)).toBe(false);
  });

  it('accepts every track_ id in the API spec examples (openapi-subset.json)', () => {
    const ids = specTrackingIds();
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(ids.filter((id) => !isTrackingId(id))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { isTrackingId, MAX_TRACKING_ID_LENGTH } from 'voucherkit/core';

describe('isTrackingId', () => {
  it.each([
    'track_9B0kB92+bJa8a+PegaWREw==',
    'track_0nmdnu/6xIb6NTN0Ea40oFmM4wD5QYlxAgKdSn6wh+o',
    'track_VAVW6qltuo1/z+G2GI2LPw==',
    'vip@example.com',
    'user-42',
    'x'.repeat(MAX_TRACKING_ID_LENGTH),
  ])('accepts %s', (value) => {
    expect(isTrackingId(value)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too long', 'x'.repeat(MAX_TRACKING_ID_LENGTH + 1)],
    ['markup', '<script>alert(1)</script>'],
    ['a space', 'track_a b'],
    ['a cookie separator', 'track_a;b'],
    ['a quote', 'track_"a"'],
    ['a line break', 'track_a\nSet-Cookie: x=1'],
    ['a percent-encoded value that was not decoded', 'track_a%2Fb'],
    ['not a string', 42],
    ['null', null],
    ['undefined', undefined],
  ])('rejects %s', (_name, value) => {
    expect(isTrackingId(value)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { pathSegment } from 'voucherkit/core';

describe('pathSegment', () => {
  it.each(['', '   ', '.', '..'])('refuses %j with a TypeError naming the parameter', (value) => {
    expect(() => pathSegment('customers.get(id)', value)).toThrow(TypeError);
    expect(() => pathSegment('customers.get(id)', value)).toThrow(/customers\.get\(id\)/);
  });

  it.each([undefined, null, 42, {}])('refuses a non-string (%j) with a TypeError', (value) => {
    expect(() => pathSegment('code', value)).toThrow(TypeError);
  });

  it('refuses a lone surrogate with a TypeError, not a URIError', () => {
    expect(() => pathSegment('code', 'SAVE\ud800')).toThrow(TypeError);
  });

  it('encodes / + = ? # % so a tracking id stays one segment', () => {
    expect(pathSegment('id', 'track_a/b+c==')).toBe('track_a%2Fb%2Bc%3D%3D');
    expect(pathSegment('id', 'a?b#c%2e')).toBe('a%3Fb%23c%252e');
  });

  it('keeps dots that are not a whole segment', () => {
    expect(pathSegment('id', '...')).toBe('...');
    expect(pathSegment('id', 'v1.2')).toBe('v1.2');
    expect(new URL(`https://api.test/v1/customers/${pathSegment('id', '...')}`).pathname).toBe('/v1/customers/...');
  });
});

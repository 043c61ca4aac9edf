import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCode, type NormalizeCodeOptions } from 'voucherkit/core';

// Pasted codes: letters, digits, every kind of space and line break, zero-width and control characters,
// case-changing letters (ß, İ, ŉ), combining marks, emoji (surrogate pairs), and any code point at all.
const tricky = fc.constantFrom(
  ' ',
  '\t',
  '\n',
  '\r',
  '\v',
  '\f',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\u2028',
  '\u2029',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00ad',
  'A',
  'z',
  '0',
  '9',
  '-',
  '_',
  'ß',
  'İ',
  'ŉ',
  'ﬀ',
  'ΐ',
  '\u0301',
  '😀',
  '👍🏽',
  '<',
  '&',
);
const code = fc.oneof(
  fc.string({ unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 90 }),
  fc.string({ unit: 'grapheme', maxLength: 90 }),
);
const options: fc.Arbitrary<NormalizeCodeOptions> = fc.record(
  { maxLength: fc.integer({ min: 1, max: 80 }), letterCase: fc.constantFrom<NormalizeCodeOptions['letterCase']>('upper', 'lower', false) },
  { requiredKeys: [] },
);
const invisible = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
// No lone surrogate (half an emoji); String#isWellFormed is ES2024, past this project's lib.
const wellFormed = (text: string) => !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
const isSubsequence = (small: string, big: string) => {
  let at = 0;
  for (let index = 0; index < big.length && at < small.length; index++) if (big[index] === small[at]) at++;
  return at === small.length;
};

describe('normalizeCode (properties)', () => {
  it('is idempotent: a normalised code normalises to itself', () => {
    fc.assert(
      fc.property(code, options, (input, opts) => {
        const once = normalizeCode(input, opts);
        const twice = normalizeCode(once.code, opts);
        expect(twice.code).toBe(once.code);
        if (once.ok) expect(twice).toEqual(once);
      }),
      { examples: [['AB CD', { maxLength: 3 }]] },
    );
  });

  it('never gives a code longer than maxLength, nor one with invisible characters, edge whitespace or half an emoji', () => {
    fc.assert(
      fc.property(code, options, (input, opts) => {
        const result = normalizeCode(input, opts);
        const out = result.code;
        const maxLength = opts.maxLength ?? 64;
        if (!result.ok) expect(result.maxLength).toBe(maxLength);
        expect(out.length).toBeLessThanOrEqual(maxLength);
        expect(out).not.toMatch(invisible);
        expect(out).toBe(out.trim());
        if (wellFormed(input)) expect(wellFormed(out)).toBe(true);
      }),
      // Cutting at the cap: inside an emoji, and just after an inner space.
      {
        examples: [
          ['SAVE😀10', { maxLength: 5 }],
          ['AB CD', { maxLength: 3 }],
        ],
      },
    );
  });

  it('ok and reason agree with the length of the full normalised code', () => {
    fc.assert(
      fc.property(code, options, (input, opts) => {
        const result = normalizeCode(input, opts);
        const max = opts.maxLength ?? 64;
        const full = normalizeCode(input, { ...opts, maxLength: Number.MAX_SAFE_INTEGER }).code;
        if (result.ok) {
          expect(result).toEqual({ ok: true, code: full });
          expect(full.length).toBeGreaterThan(0);
          expect(full.length).toBeLessThanOrEqual(max);
        } else if (result.reason === 'empty') {
          expect(full).toBe('');
          expect(result.code).toBe('');
        } else {
          expect(result.reason).toBe('too_long');
          expect(full.length).toBeGreaterThan(max);
          expect(full.startsWith(result.code)).toBe(true);
        }
      }),
    );
  });

  it('without letterCase it only removes characters, never adds or changes one', () => {
    fc.assert(
      fc.property(code, fc.integer({ min: 1, max: 80 }), (input, maxLength) => {
        expect(isSubsequence(normalizeCode(input, { maxLength }).code, input)).toBe(true);
      }),
    );
  });
});

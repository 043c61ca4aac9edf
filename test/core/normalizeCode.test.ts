import { describe, expect, it } from 'vitest';
import { normalizeCode } from 'voucherkit/core';

describe('normalizeCode', () => {
  it('trims a pasted code and keeps its letter case', () => {
    expect(normalizeCode(' save10\n')).toEqual({ ok: true, code: 'save10' });
    expect(normalizeCode('Save10')).toEqual({ ok: true, code: 'Save10' });
  });

  it.each([
    ['a tab', '\tSAVE10\t', 'SAVE10'],
    ['CR/LF', 'SAVE10\r\n', 'SAVE10'],
    ['a line break inside the code', 'SAVE\n10', 'SAVE10'],
    ['zero-width spaces', '\u200bSAVE\u200b10\u200b', 'SAVE10'],
    ['a byte-order mark', '\ufeffSAVE10', 'SAVE10'],
    ['Unicode line and paragraph separators', 'SAVE10\u2028\u2029', 'SAVE10'],
    ['other control characters', '\u0000SA\u0007VE\u001b10\u007f', 'SAVE10'],
    ['a no-break space at the ends', '\u00a0SAVE10\u00a0', 'SAVE10'],
  ])('strips %s', (_name, input, expected) => {
    expect(normalizeCode(input)).toEqual({ ok: true, code: expected });
  });

  it('keeps inner spaces: they can be part of a code', () => {
    expect(normalizeCode(' Test - Discount - Free Shipping ')).toEqual({ ok: true, code: 'Test - Discount - Free Shipping' });
  });

  it.each([
    ['an empty string', ''],
    ['only spaces', '    '],
    ['only whitespace and line breaks', ' \t\r\n '],
    ['only invisible characters', '\u200b\ufeff\u0000'],
  ])('%s is reason "empty"', (_name, input) => {
    expect(normalizeCode(input)).toEqual({ ok: false, reason: 'empty', code: '', maxLength: 64 });
  });

  it.each([null, undefined])('%s from plain JS is "empty", not a code spelled "null"', (input) => {
    expect(normalizeCode(input as unknown as string)).toMatchObject({ ok: false, reason: 'empty', code: '' });
  });

  it('a number from plain JS is kept as its digits', () => {
    expect(normalizeCode(12345 as unknown as string)).toEqual({ ok: true, code: '12345' });
  });

  it('a 10,000-character code is reason "too_long" with the cap, and is cut to the cap', () => {
    const result = normalizeCode('A'.repeat(10_000));
    expect(result).toEqual({ ok: false, reason: 'too_long', code: 'A'.repeat(64), maxLength: 64 });
  });

  it('the cap is configurable and inclusive', () => {
    expect(normalizeCode('ABCDEF', { maxLength: 6 })).toEqual({ ok: true, code: 'ABCDEF' });
    expect(normalizeCode('ABCDEFG', { maxLength: 6 })).toMatchObject({ ok: false, reason: 'too_long', maxLength: 6 });
  });

  it('counts the length after stripping, so a padded code still fits', () => {
    expect(normalizeCode(`${' '.repeat(100)}SAVE10${'\n'.repeat(100)}`)).toEqual({ ok: true, code: 'SAVE10' });
  });

  it('keeps an HTML-looking code as text: it is only data', () => {
    const html = '<img src=x onerror=alert(1)>';
    expect(normalizeCode(html, { maxLength: 100 })).toEqual({ ok: true, code: html });
    expect(normalizeCode('<b>SAVE10</b>')).toEqual({ ok: true, code: '<b>SAVE10</b>' });
  });

  it('letterCase "upper" and "lower" change the case; false keeps it', () => {
    expect(normalizeCode(' save10 ', { letterCase: 'upper' })).toEqual({ ok: true, code: 'SAVE10' });
    expect(normalizeCode(' SAVE10 ', { letterCase: 'lower' })).toEqual({ ok: true, code: 'save10' });
    expect(normalizeCode(' SaVe10 ', { letterCase: false })).toEqual({ ok: true, code: 'SaVe10' });
  });
});

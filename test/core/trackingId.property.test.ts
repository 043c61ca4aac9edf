import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrackingId } from 'voucherkit/core';
import { MAX_TRACKING_ID_LENGTH } from '../../src/core/internal.js';
import { ALPHABET, idWithForeignCharacter, idWithoutPrefix, overlongTrackingId, PREFIX, validTrackingId } from './trackingIdArbitraries.js';

describe('tracking-id acceptance (properties)', () => {
  it('accepts every track_ + base64-alphabet id of at most 256 characters, up to two = at the end', () => {
    fc.assert(
      fc.property(validTrackingId, (id) => {
        expect(id.length).toBeLessThanOrEqual(MAX_TRACKING_ID_LENGTH);
        expect(isTrackingId(id)).toBe(true);
      }),
      { examples: [['track_a'], ['track__'], ['track_-=='], [`track_${'A'.repeat(250)}`], [`track_${'/'.repeat(248)}==`]] },
    );
  });

  it('refuses an id with any character outside the alphabet, wherever it sits', () => {
    fc.assert(
      fc.property(idWithForeignCharacter, (value) => {
        expect(isTrackingId(value)).toBe(false);
      }),
      { examples: [['track_vip@example.com'], ['track_a.b'], ['track_abc==;'], ['track_a\nb']] },
    );
  });

  it('refuses = anywhere but the last two places', () => {
    fc.assert(
      fc.property(validTrackingId, fc.nat(), (id, at) => {
        const body = id.replace(/=+$/, '');
        const index = PREFIX.length + (at % (body.length - PREFIX.length));
        expect(isTrackingId(`${body.slice(0, index)}=${body.slice(index)}`)).toBe(false);
        expect(isTrackingId(`${body}===`)).toBe(false);
      }),
    );
  });

  it('refuses anything over 256 characters', () => {
    fc.assert(
      fc.property(overlongTrackingId, (value) => {
        expect(value.length).toBeGreaterThan(MAX_TRACKING_ID_LENGTH);
        expect(isTrackingId(value)).toBe(false);
      }),
      { examples: [[`track_${'A'.repeat(251)}`], [`track_${'A'.repeat(249)}==`]] },
    );
  });

  it('refuses a value without the exact track_ prefix', () => {
    fc.assert(
      fc.property(idWithoutPrefix, (value) => {
        expect(isTrackingId(value)).toBe(false);
      }),
      { examples: [['9B0kB92+bJa8a+PegaWREw=='], ['TRACK_abc'], ['track_']] },
    );
  });

  it('refuses any string that does not start with track_ (e-mails, user ids, markup, noise)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.emailAddress(), fc.string({ unit: fc.constantFrom(...ALPHABET, '=', '@', '.') })), (value) => {
        fc.pre(!value.startsWith(PREFIX));
        expect(isTrackingId(value)).toBe(false);
      }),
    );
  });

  it('refuses every value that is not a string', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((value) => typeof value !== 'string'),
        (value) => {
          expect(isTrackingId(value)).toBe(false);
        },
      ),
    );
  });
});

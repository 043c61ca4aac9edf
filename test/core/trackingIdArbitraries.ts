// fast-check generators for tracking ids, shared by the property tests of the core, the cookie store and
// readTrackingId: ids Voucherify could issue, and values that must never be taken for one.
import fc from 'fast-check';
import { MAX_TRACKING_ID_LENGTH } from '../../src/core/internal.js';

export const PREFIX = 'track_';
/** Characters allowed after `track_` (standard and URL-safe base64), before the padding. */
export const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-'];

const body = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), minLength, maxLength });
const padding = fc.constantFrom('', '=', '==');

/** Every shape the rule accepts: `track_` + 1..250 alphabet characters + up to two `=`, 256 at most in all. */
export const validTrackingId: fc.Arbitrary<string> = fc
  .tuple(body(1, MAX_TRACKING_ID_LENGTH - PREFIX.length), padding)
  // Cutting at 256 only drops padding or body characters: the body keeps at least one.
  .map(([text, pad]) => `${PREFIX}${text}${pad}`.slice(0, MAX_TRACKING_ID_LENGTH));

/** One character outside the alphabet and not `=`: any code point, plus the ones a forged cookie would use. */
export const foreignCharacter: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom('@', '.', ':', ' ', ';', ',', '%', '"', "'", '<', '>', '\\', '\n', '\r', '\t', '\u0000', 'ä', 'ß', '😀', '\u200b', '\u00a0'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  )
  .filter((char) => !ALPHABET.includes(char) && char !== '=');

/** A valid id with one foreign character put anywhere after the prefix (in the body, in or after the padding). */
export const idWithForeignCharacter: fc.Arbitrary<string> = fc.tuple(validTrackingId, foreignCharacter, fc.nat()).map(([id, char, at]) => {
  const index = PREFIX.length + (at % (id.length - PREFIX.length + 1));
  return `${id.slice(0, index)}${char}${id.slice(index)}`;
});

/** `track_` + alphabet characters, longer than 256 in all. */
export const overlongTrackingId: fc.Arbitrary<string> = fc
  .tuple(body(MAX_TRACKING_ID_LENGTH - PREFIX.length + 1, MAX_TRACKING_ID_LENGTH * 2), padding)
  .map(([text, pad]) => `${PREFIX}${text}${pad}`);

/** A valid id whose prefix is missing, cut short, or in another case. */
export const idWithoutPrefix: fc.Arbitrary<string> = fc
  .tuple(validTrackingId, fc.constantFrom('', 'Track_', 'TRACK_', 'track', 'track-', 'trac_', 'rack_', ' track_', 'xtrack_', 'pub_'))
  .map(([id, prefix]) => `${prefix}${id.slice(PREFIX.length)}`)
  // A body may itself begin with `track_` (or `_` after 'track'): then the prefix is there after all.
  .filter((value) => !value.startsWith(PREFIX));

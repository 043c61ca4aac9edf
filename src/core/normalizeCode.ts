/** Options for `normalizeCode`. */
export interface NormalizeCodeOptions {
  /** Longest code accepted. @default 64 */
  maxLength?: number;
  /** Change letter case, for merchants whose codes are case-insensitive. @default false */
  letterCase?: 'upper' | 'lower' | false;
}

/** A code ready to send, or why it cannot be sent. */
export type NormalizedCode = { ok: true; code: string } | { ok: false; reason: 'empty' | 'too_long'; code: string; maxLength: number };

// Control and format characters (line breaks, tabs, zero-width spaces, BOM) arrive with pasted codes.
const invisible = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

// The cut code is shown back to the shopper: never half an emoji (a lone surrogate), never a trailing space.
function cutAt(code: string, maxLength: number): string {
  const high = code.charCodeAt(maxLength - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? maxLength - 1 : maxLength;
  return code.slice(0, end).trimEnd();
}

/**
 * Trims, strips control characters and line breaks, and checks the length. Letter case is kept unless asked.
 *
 * @example
 * normalizeCode(' save10\n') // { ok: true, code: 'save10' }
 */
export function normalizeCode(input: string, options: NormalizeCodeOptions = {}): NormalizedCode {
  const maxLength = options.maxLength ?? 64;
  // Uncontrolled inputs and plain-JS callers can hand over null or undefined: that is an empty code, not "null".
  let code = (input == null ? '' : String(input)).replace(invisible, '').trim();
  if (options.letterCase === 'upper') code = code.toUpperCase();
  if (options.letterCase === 'lower') code = code.toLowerCase();
  if (code.length === 0) return { ok: false, reason: 'empty', code, maxLength };
  if (code.length > maxLength) return { ok: false, reason: 'too_long', code: cutAt(code, maxLength), maxLength };
  return { ok: true, code };
}

import { normalizeCode, type NormalizeCodeOptions } from './normalizeCode.js';
import { sameCode } from './sameCode.js';

/**
 * The typed text, normalised, when it is a code that is not applied yet (for a "you haven't applied your code"
 * guard); else null.
 *
 * @example
 * pendingCode(' save10 ', ['PERCENT15']) // 'save10'
 */
export function pendingCode(value: string, codes: readonly string[], normalize?: NormalizeCodeOptions): string | null {
  const normalized = normalizeCode(value, normalize);
  return normalized.ok && !codes.some((c) => sameCode(c, normalized.code)) ? normalized.code : null;
}

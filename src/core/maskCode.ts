/** The dots that stand for the hidden part of a code: four, whatever its length, so the length is not shown either. */
const DOTS = '\u00b7\u00b7\u00b7\u00b7';

/**
 * A code with all but its last characters hidden, as a receipt shows a card: the last four, fewer for a code shorter
 * than six characters, so that at least two always stay hidden.
 *
 * @example
 * maskCode('GIFT50') // '····FT50'
 */
export function maskCode(code: string): string {
  const shown = Math.min(4, code.length - 2);
  return shown > 0 ? DOTS + code.slice(-shown) : DOTS;
}

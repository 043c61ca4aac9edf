/**
 * A code with all but its last four characters hidden behind four dots, as a receipt shows a card (always four
 * dots, so the length does not show); the first two always stay hidden, so a short code never shows whole.
 *
 * @example
 * maskCode('GIFT50') // '····FT50'
 */
export function maskCode(code: string): string {
  return `\u00b7\u00b7\u00b7\u00b7${code.slice(Math.max(2, code.length - 4))}`;
}

/**
 * The codes as a list: one code, several, or none (blank entries dropped, the rest trimmed).
 *
 * @example
 * toCodes([' SAVE10 ', '']) // ['SAVE10']
 */
export function toCodes(code: string | readonly string[] | null | undefined): string[] {
  const list = typeof code === 'string' ? [code] : code ? [...code] : [];
  return list.map((c) => c.trim()).filter(Boolean);
}

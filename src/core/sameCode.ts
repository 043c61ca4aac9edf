/**
 * Whether two voucher codes are the same code. Voucherify matches codes without regard to letter case, so
 * "save10" is already applied when "SAVE10" is; every comparison of codes goes through here.
 *
 * @example
 * sameCode('save10', 'SAVE10') // true
 */
export const sameCode = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

import { formatMoney } from 'voucherkit';
import { SHOP } from './catalogue.js';

/**
 * Formats minor units in the shop's currency.
 *
 * @example
 * money(6750) // '$67.50'
 */
export function money(minor: number): string {
  return formatMoney(minor, SHOP);
}

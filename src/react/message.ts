'use client';
import type { Rejection, VoucherifyError } from '../core/index.js';

// One text's type: what a message is and the parameters it may use (the full set of texts is in messages.ts).

/** What a parametrised message can use. Placeholders in a string message are written `{code}`, `{amount}`, … */
export interface MessageParams {
  code: string;
  /** What a code does, already formatted ("15% off"). */
  discount: string;
  /** Money, already formatted for the currency: the saving, or how much more to spend. */
  amount: string;
  /** The raw value inside a discount description ("15%", "£6.00"). */
  value: string;
  /** Seconds to wait after a rate limit; 0 when the server did not say. */
  seconds: number;
  maxLength: number;
  /** The number a plural message chooses its form by: free units, seconds, characters. */
  count: number;
  /** The formatting locale (the field's `locale`): number placeholders are formatted with it. */
  locale: string | undefined;
  rejection: Rejection | null;
  error: VoucherifyError | null;
}

/**
 * A text with a count, one string per plural form of the messages' language (`Intl.PluralRules`: `zero`, `one`,
 * `two`, `few`, `many`, `other`), and exact numbers first (`'=0'`). `other` is required.
 *
 * @example
 * { one: '{value} free item', other: '{value} free items' }
 */
export type PluralMessage = { other: string } & { [form in Intl.LDMLPluralRule | `=${number}`]?: string };

/** A text: a string with `{placeholders}` (numbers formatted for the locale), plural forms, or a function of the parameters. */
export type Message = string | PluralMessage | ((params: MessageParams) => string);

'use client';
import type { VoucherAnnouncement } from '../core/voucherInputTypes.js';
import { toAppliedCodes } from './appliedCodes.js';
import { describeError, describeRejection, formatMessage, type MoneyFormat, type VoucherMessages } from './messages.js';

/** The live region's words for what the voucher input announces. */
export function announcementText(announcement: VoucherAnnouncement | null, messages: VoucherMessages, format: MoneyFormat, maxLength: number): string {
  if (!announcement) return '';
  let text: string;
  if (announcement.key === 'applied') {
    const view = toAppliedCodes(announcement.codes, announcement.result, null, undefined, messages, format).find((a) => a.requested === announcement.code);
    // The chip's own words (code as the server spells it, discount, saving); the blanks fill what is missing.
    text = formatMessage(messages.applied, view ?? { code: announcement.code });
  } else if (announcement.key === 'rejected') {
    text = announcement.rejection ? describeRejection(messages, announcement.rejection, announcement.code, announcement.order, format, maxLength) : '';
  } else if (announcement.key === 'error') text = describeError(messages, announcement.error, announcement.code, format.locale);
  else text = formatMessage(messages[announcement.key], announcement.key === 'removed' ? { code: announcement.code } : {});
  // Repeating the same text must still change the region, or screen readers stay silent.
  return text && text + (announcement.count % 2 ? '' : '\u00a0');
}

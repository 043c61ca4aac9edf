import type { RedeemRecord } from './redeemStore.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A stored record's text as a `RedeemRecord`, or undefined when it is not one (not JSON, a missing or wrong
 * field). A record written before owners existed reads with owner `''`, which no new run holds.
 */
export function parseStoredRecord(text: string): RedeemRecord | undefined {
  let record: unknown;
  try {
    record = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(record) || typeof record.fingerprint !== 'string') return undefined;
  if (record.owner !== undefined && typeof record.owner !== 'string') return undefined;
  const owner = record.owner ?? '';
  switch (record.state) {
    case 'pending':
      return { ...record, owner } as RedeemRecord;
    case 'redeemed':
      return isObject(record.result) && Array.isArray(record.result.redemptions) ? ({ ...record, owner } as RedeemRecord) : undefined;
    case 'unknown':
      return isObject(record.error) && typeof record.error.message === 'string' ? ({ ...record, owner } as RedeemRecord) : undefined;
    default:
      return undefined;
  }
}

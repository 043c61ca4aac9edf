import { expect } from 'vitest';
import { isVoucherifyError, type VoucherifyError } from 'voucherkit/core';

/** Resolves with the VoucherifyError `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function rejection(promise: Promise<unknown>): Promise<VoucherifyError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  expect(isVoucherifyError(outcome.error)).toBe(true);
  return outcome.error as VoucherifyError;
}

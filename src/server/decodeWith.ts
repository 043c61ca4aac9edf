import * as z from 'zod';
import { VoucherifyError } from '../core/index.js';
import type { Decode } from '../core/internal.js';

/**
 * The transport's decode function from a zod schema (voucherkit/schemas or the server's own): the server parses
 * answers with the contract itself, where bundle size does not matter. A misfit is `invalid_response` naming the path.
 *
 * @example
 * await call(config, { method: 'GET', path: `/v1/redemptions/${id}`, decode: decodeWith(redemptionSchema), retry: 'safe' })
 */
export function decodeWith<S extends z.core.$ZodType>(schema: S): Decode<z.core.output<S>> {
  return (json) => {
    const parsed = z.safeParse(schema, json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown';
    throw new VoucherifyError({ kind: 'invalid_response', message: `Voucherify's response did not match the expected shape at ${where}`, details: where });
  };
}

// Type tests: checked by `tsc -p tsconfig.json` (not collected by vitest). A wrong inference fails the typecheck.
import { expectTypeOf } from 'vitest';
import {
  useValidate,
  useVoucherInput,
  validateQueryOptions,
  voucherKeys,
  type ApplyOutcome,
  type AppliedCode,
  type InvalidResult,
  type Rejection,
  type ValidationResult,
  type ValidResult,
  type VoucherifyClient,
  type VoucherifyError,
  type VoucherInputStatus,
} from 'voucherkit';

declare const result: ValidationResult;
if (result.valid) {
  expectTypeOf(result).toEqualTypeOf<ValidResult>();
  // @ts-expect-error a valid result has no rejection
  void result.rejection;
} else {
  expectTypeOf(result).toEqualTypeOf<InvalidResult>();
  expectTypeOf(result.rejection).toEqualTypeOf<Rejection>();
}

type Input = ReturnType<typeof useVoucherInput>;
expectTypeOf<Input['status']>().toEqualTypeOf<VoucherInputStatus>();
expectTypeOf<VoucherInputStatus>().toEqualTypeOf<'idle' | 'validating' | 'applied' | 'rejected' | 'error'>();
expectTypeOf<Input['error']>().toEqualTypeOf<VoucherifyError | null>();
expectTypeOf<Input['rejection']>().toEqualTypeOf<Rejection | null>();
expectTypeOf<Input['applied']>().toEqualTypeOf<AppliedCode[]>();
expectTypeOf<Input['pendingCode']>().toEqualTypeOf<string | null>();
expectTypeOf<Input['apply']>().returns.toEqualTypeOf<Promise<ApplyOutcome>>();
expectTypeOf<Input['remove']>().parameters.toEqualTypeOf<[code?: string]>();
expectTypeOf<Input['getInputProps']>().returns.toHaveProperty('aria-invalid');

declare const outcome: ApplyOutcome;
if (outcome.status === 'applied') expectTypeOf(outcome.result).toEqualTypeOf<ValidationResult>();
if (outcome.status === 'rejected') expectTypeOf(outcome.rejection).toEqualTypeOf<Rejection>();
if (outcome.status === 'cancelled') expectTypeOf(outcome.result).toEqualTypeOf<null>();

type Query = ReturnType<typeof useValidate>;
expectTypeOf<Query['data']>().toEqualTypeOf<ValidationResult | undefined>();
expectTypeOf<Query['error']>().toEqualTypeOf<VoucherifyError | null>();

declare const client: VoucherifyClient;
const options = validateQueryOptions(client, { codes: ['SAVE10'] });
expectTypeOf(options.queryKey).toMatchTypeOf<ReturnType<typeof voucherKeys.validate>>();
expectTypeOf(voucherKeys.validate(['A'])).toEqualTypeOf<readonly ['voucherkit', 'validate', readonly string[], string, string | null]>();

// Type tests: checked by `tsc -p tsconfig.json` (not collected by vitest). A wrong inference fails the typecheck.
import { expectTypeOf } from 'vitest';
import {
  type GiftCardAmountsContext,
  type GiftCardAmountGetters,
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
  type Customer,
  type NormalizeCodeOptions,
  type Order,
  type UseVoucherInputOptions,
  type UseVoucherInputResult,
  type VoucherButtonProps,
  type VoucherInputProps,
  type VoucherMessages,
  type VoucherMessagesInput,
  type VoucherPropGetters,
} from 'voucherkit';
import type { ApplyOutcome as CoreApplyOutcome, VoucherInputSnapshot } from 'voucherkit/core';

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
expectTypeOf(voucherKeys.validate(['A'])).toEqualTypeOf<readonly ['voucherkit', 'validate', readonly string[], string, string | null, number]>();

// useVoucherInput's public shape, pinned: the hook became a binding over core's createVoucherInput (issue 13).
expectTypeOf(useVoucherInput).parameters.toEqualTypeOf<[options?: UseVoucherInputOptions]>();
expectTypeOf(useVoucherInput).returns.toEqualTypeOf<UseVoucherInputResult>();
expectTypeOf<keyof UseVoucherInputResult>().toEqualTypeOf<
  | 'value'
  | 'setValue'
  | 'pendingCode'
  | 'status'
  | 'isPending'
  | 'isInvalid'
  | 'applied'
  | 'result'
  | 'rejection'
  | 'error'
  | 'errorMessage'
  | 'announcement'
  | 'messages'
  | 'stacking'
  | 'isOpen'
  | 'open'
  | 'close'
  | 'apply'
  | 'remove'
  | 'giftCredits'
  | keyof VoucherPropGetters
>();
expectTypeOf<keyof VoucherPropGetters>().toEqualTypeOf<
  | 'getLabelProps'
  | 'getInputProps'
  | 'getApplyButtonProps'
  | 'getRemoveButtonProps'
  | 'getToggleButtonProps'
  | 'getPanelProps'
  | 'getHintProps'
  | 'getErrorProps'
  | 'getStatusProps'
  | 'getAmountInputProps'
  | 'getAmountErrorProps'
>();
expectTypeOf<Input['value']>().toEqualTypeOf<string>();
expectTypeOf<Input['setValue']>().toEqualTypeOf<(value: string) => void>();
expectTypeOf<Input['isPending']>().toEqualTypeOf<boolean>();
expectTypeOf<Input['isInvalid']>().toEqualTypeOf<boolean>();
expectTypeOf<Input['result']>().toEqualTypeOf<ValidationResult | null>();
expectTypeOf<Input['errorMessage']>().toEqualTypeOf<string | null>();
expectTypeOf<Input['announcement']>().toEqualTypeOf<string>();
expectTypeOf<Input['messages']>().toEqualTypeOf<VoucherMessages>();
expectTypeOf<Input['stacking']>().toEqualTypeOf<boolean>();
expectTypeOf<Input['isOpen']>().toEqualTypeOf<boolean>();
expectTypeOf<Input['open']>().toEqualTypeOf<() => void>();
expectTypeOf<Input['close']>().toEqualTypeOf<() => void>();
expectTypeOf<Input['apply']>().toEqualTypeOf<(code?: string) => Promise<ApplyOutcome>>();
expectTypeOf<Input['remove']>().toEqualTypeOf<(code?: string) => void>();
expectTypeOf<Input['getRemoveButtonProps']>().parameters.toEqualTypeOf<[code: string, props?: VoucherButtonProps]>();
expectTypeOf<Input['getInputProps']>().returns.toEqualTypeOf<VoucherInputProps>();

expectTypeOf<Required<UseVoucherInputOptions>>().toEqualTypeOf<{
  order: Order;
  customer: Customer;
  metadata: Record<string, unknown>;
  promotions: readonly string[];
  stacking: boolean;
  codes: readonly string[];
  onCodesChange: (codes: string[]) => void;
  defaultCodes: readonly string[];
  initialCode: string;
  defaultOpen: boolean;
  normalize: NormalizeCodeOptions;
  debounceMs: number;
  messages: VoucherMessagesInput;
  currency: string;
  locale: string;
  customMessages: boolean | readonly string[];
  id: string;
  onApplied: (result: ValidationResult, code: string) => void;
  onRemoved: (code: string) => void;
  onRejected: (rejection: Rejection, code: string) => void;
  onError: (error: VoucherifyError, code: string) => void;
  giftCardAmounts: (context: GiftCardAmountsContext) => GiftCardAmountGetters;
  onGiftCreditsChange: (giftCredits: Record<string, number>) => void;
}>();
expectTypeOf<Input['giftCredits']>().toEqualTypeOf<Record<string, number> | undefined>();
expectTypeOf<Input['getAmountInputProps']>().parameters.toEqualTypeOf<[code: string, props?: VoucherInputProps]>();
// The same outcome and status types as core's machine: one definition.
expectTypeOf<ApplyOutcome>().toEqualTypeOf<CoreApplyOutcome>();
expectTypeOf<VoucherInputStatus>().toEqualTypeOf<VoucherInputSnapshot['status']>();

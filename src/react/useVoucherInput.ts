'use client';
import { hashKey, isCancelledError, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useInsertionEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createVoucherInput } from '../core/createVoucherInput.js';
import { pendingCode } from '../core/pendingCode.js';
import { toCodes } from '../core/toCodes.js';
import { voucherInputStatus } from '../core/voucherInputStatus.js';
import type { VoucherAnnouncement, VoucherInputOptions } from '../core/voucherInputTypes.js';
import { announcementText } from './announcementText.js';
import { toAppliedCodes } from './appliedCodes.js';
import { keepSameCodesData } from './keepSameCodesData.js';
import type { GiftCardAmountState } from './giftCardAmounts.js';
import { mergeMessages } from './messages.js';
import type { UseVoucherInputOptions, UseVoucherInputResult } from './types.js';
import { useMissingLabelWarning } from './useMissingLabelWarning.js';
import { useVoucherFocus } from './useVoucherFocus.js';
import { validateQueryOptions } from './validateQueryOptions.js';
import { createPropGetters } from './voucherPropGetters.js';
import { useTrackerState } from './useTrackerState.js';
import { useVoucherContext } from './VoucherContext.js';

/**
 * The voucher field without markup: typed value, apply / remove, re-checks on cart changes, texts for every
 * outcome, a live-region announcement, focus management and prop getters that chain your handlers.
 * The applied codes are controlled with `codes` + `onCodesChange` (pass the same list to `useValidate` for the
 * totals) or uncontrolled from `defaultCodes`. A binding of core's `createVoucherInput`.
 *
 * @example
 * const [codes, setCodes] = useState<string[]>([])
 * const voucher = useVoucherInput({ order, codes, onCodesChange: setCodes })
 * @example
 * const voucher = useVoucherInput({ order: { amount: 4000 }, onApplied: (r) => setDiscount(r.order?.totalDiscountAmount) })
 * <label {...voucher.getLabelProps()}>Promo code</label><input {...voucher.getInputProps()} />
 */
export function useVoucherInput(options: UseVoucherInputOptions = {}): UseVoucherInputResult {
  const context = useVoucherContext('useVoucherInput()');
  const { client, queryClient } = context;
  const { order, customer, metadata, promotions, stacking = false, normalize } = options;
  const messages = useMemo(() => mergeMessages(context.messages, options.messages), [context.messages, options.messages]);
  const format = {
    currency: options.currency ?? context.currency ?? 'USD',
    locale: options.locale ?? context.locale,
    customMessages: options.customMessages ?? context.customMessages,
  };
  // The key's identity: after a sign-in or sign-out the applied codes are checked again, for the new shopper.
  const { outgoingId: trackingId, epoch } = useTrackerState(context);
  const maxLength = normalize?.maxLength ?? 64;

  const inputs = { order, customer, metadata, promotions };
  const machineOptions: VoucherInputOptions = {
    ...options,
    inputs,
    isRejectionKey: (key) => key in messages.rejections,
    // The answer's id is adopted with the field's own update and the parent's codes, in one synchronous batch: the
    // tracker's subscribers, the chip and the checkout's total commit together instead of in two or three passes.
    // The machine answers through the port of the options it asked with, so the id is adopted under the epoch the
    // check was sent under (this render's), never a later one: an answer that crossed a sign-in stays the previous shopper's.
    commit: (result, settle) =>
      flushSync(() => {
        client.tracker.adopt(result.trackingId, epoch);
        settle();
      }),
    // Through the query cache, so `useValidate` with the same codes and cart reads this answer instead of asking again.
    validate: (codes, signal, checked) => {
      const query = validateQueryOptions(client, { codes, ...checked, trackingId, epoch, adoptTrackingId: false });
      signal.addEventListener('abort', () => void queryClient.cancelQueries({ queryKey: query.queryKey, exact: true }));
      return queryClient.fetchQuery(query).catch((reason: unknown) => {
        throw isCancelledError(reason) ? new DOMException('Cancelled', 'AbortError') : reason;
      });
    },
  };
  // One store per field for its whole life (StrictMode's second mount included), made with the first render's options.
  const [store] = useState(() => createVoucherInput(machineOptions));
  // Later options are handed over once their render commits, before any layout effect, effect or event can use them
  // (react-stately's useControlledState and TanStack's useBaseQuery do the same): a render React discards (a
  // suspended transition, StrictMode's second pass, an error) never reaches the store. Until then the store acts on
  // what is on the screen, and this render reads its own props.
  useInsertionEffect(() => store.setOptions(machineOptions));
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const codes: readonly string[] = options.codes !== undefined ? toCodes(options.codes) : state.codes;
  // Gift card amounts: the credits chosen (minor units), the text being typed and whether it was refused.
  const [amounts, setAmounts] = useState<Record<string, GiftCardAmountState>>({});
  let giftCredits: Record<string, number> | undefined;
  for (const c of codes) if (amounts[c]?.credits) (giftCredits ??= {})[c] = amounts[c].credits;
  // The chosen credits are an input like the cart: a change re-checks the codes, debounced.
  const checkedInputs = { ...inputs, giftCredits };
  const inputsKey = hashKey([checkedInputs]);
  useEffect(() => store.setInputs(checkedInputs, inputsKey), [store, inputsKey]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => store.mount(), [store, options.initialCode]);

  const query = useQuery(
    { ...validateQueryOptions(client, { codes, ...state.inputs, trackingId, epoch }), placeholderData: keepSameCodesData(codes), enabled: codes.length > 0 },
    queryClient,
  );
  const queryError = codes.length > 0 && query.isError ? query.error : null;
  const applied = toAppliedCodes(codes, query.data, queryError, state.inputs.order, messages, format);
  // Opt-in (`giftCardAmounts`): without it a gift card takes min(balance, amount due) and the field carries no control.
  const baseId = useId();
  const id = options.id ?? `voucher${baseId.replace(/[^\w-]/g, '')}`;
  const amountGetters = options.giftCardAmounts?.({ id, applied, amounts, setAmounts, giftCredits, result: query.data, messages, format, options });

  // A cart change that turns an applied code invalid (or valid again) is announced, not left to change silently.
  useEffect(() => store.check(codes, query.data, queryError), [store, codes.join('\n'), query.data, queryError]); // eslint-disable-line react-hooks/exhaustive-deps

  const { attempt } = state;
  const firstInvalid = applied.find((a) => a.isValid === false);
  const { inputRef, removeRefs } = useVoucherFocus(state.focus);
  // Development only; the condition never changes between renders, so the hook order holds.
  if (typeof process !== 'undefined') {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- a production build drops the call and the hook with it
    if (process.env.NODE_ENV !== 'production') useMissingLabelWarning(inputRef);
  }
  const result = {
    value: state.value,
    setValue: store.type,
    pendingCode: pendingCode(state.value, codes, normalize),
    // The machine's formula, fed this render's codes and the re-check's answer as this render reads them.
    status: voucherInputStatus(attempt, codes, query.data, queryError),
    isPending: attempt?.status === 'validating' || (codes.length > 0 && query.isFetching),
    isInvalid: attempt?.status === 'rejected',
    applied,
    result: codes.length > 0 ? (query.data ?? null) : null,
    rejection: attempt?.rejection ?? firstInvalid?.rejection ?? null,
    error: attempt?.error ?? queryError,
    // The refusal or failure in the same words as its announcement, for the current order.
    errorMessage:
      attempt?.rejection || attempt?.error
        ? announcementText({ ...attempt, key: attempt.status, order, count: 1 } as VoucherAnnouncement, messages, format, maxLength)
        : null,
    announcement: announcementText(state.announcement, messages, format, maxLength),
    messages,
    stacking,
    isOpen: state.isOpen,
    open: store.open,
    close: store.close,
    apply: store.apply,
    remove: store.remove,
    giftCredits,
  } satisfies Omit<UseVoucherInputResult, keyof ReturnType<typeof createPropGetters>>;
  return Object.assign(
    result,
    createPropGetters(
      result,
      id,
      inputRef,
      removeRefs,
      // Upper-case-only codes get capitals from mobile keyboards; anything else is left as typed.
      normalize?.letterCase === 'upper' ? 'characters' : 'none',
    ),
    amountGetters,
  );
}

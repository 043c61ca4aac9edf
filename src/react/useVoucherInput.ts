'use client';
import { isCancelledError, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  isVoucherifyError,
  normalizeCode,
  orderFingerprint,
  VoucherifyError,
  type Rejection,
  type ValidationResult,
} from '../core/index.js';
import { findRedeemable, toAppliedCodes } from './appliedCodes.js';
import { describeError, describeRejection, formatMessage, mergeMessages } from './messages.js';
import { useStableCallback } from './mergeProps.js';
import { useAnnouncer } from './useAnnouncer.js';
import { keepSameCodesData } from './keepSameCodesData.js';
import { useDebouncedValue } from './useDebouncedValue.js';
import { toCodes } from './useValidate.js';
import { createPropGetters } from './voucherPropGetters.js';
import type { ApplyOutcome, UseVoucherInputOptions, UseVoucherInputResult, VoucherInputStatus } from './types.js';
import { validateQueryOptions } from './validateQueryOptions.js';
import { useVoucherContext } from './VoucherContext.js';

interface Attempt {
  status: 'validating' | 'rejected' | 'error';
  code: string;
  rejection?: Rejection;
  error?: VoucherifyError;
}

type Focus = 'input' | { remove: string } | null;

/**
 * The voucher field without markup: typed value, apply / remove, re-checks on cart changes, texts for every
 * outcome, a live-region announcement, focus management and prop getters that chain your handlers.
 * The applied codes are controlled with `codes` + `onCodesChange` (pass the same list to `useValidate` for the
 * totals) or uncontrolled from `defaultCodes`.
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
  const { order, customer, metadata, stacking = false, initialCode, normalize, debounceMs = 300 } = options;
  const messages = useMemo(() => mergeMessages(context.messages, options.messages), [context.messages, options.messages]);
  const format = { currency: options.currency ?? context.currency ?? 'USD', locale: options.locale ?? context.locale };
  const trackingId = context.outgoingId;

  const [value, setValueState] = useState('');
  // Controlled like an <input value>: with `codes` the parent owns the list and the field only asks to change it.
  const controlled = options.codes !== undefined;
  const [ownCodes, setOwnCodes] = useState<string[]>(() => toCodes(options.defaultCodes));
  const codes = controlled ? toCodes(options.codes) : ownCodes;
  const [attempt, setAttempt] = useState<Attempt | null>(null);
  const [isOpen, setOpen] = useState(options.defaultOpen ?? Boolean(initialCode));

  const codesRef = useRef(codes);
  // The rendered list wins over a change the parent did not take; between a change and its render, the change.
  codesRef.current = codes;
  const inflight = useRef<{ promise: Promise<ApplyOutcome>; key: readonly unknown[] } | null>(null);
  const seq = useRef(0);
  const mounted = useRef(false);
  const focus = useRef<Focus>(null);
  const inputRef = useRef<HTMLInputElement | null>(null);
  const removeRefs = useRef(new Map<string, HTMLElement>());

  const inputs = { order, customer, metadata };
  const [checked, flushInputs] = useDebouncedValue(inputs, orderFingerprint(inputs), debounceMs);
  const query = useQuery(
    { ...validateQueryOptions(client, { codes, ...checked, trackingId }), placeholderData: keepSameCodesData(codes), enabled: codes.length > 0 },
    queryClient,
  );
  const isValidating = attempt?.status === 'validating';
  const queryError = codes.length > 0 && query.isError ? query.error : null;
  const applied = toAppliedCodes(codes, query.data, queryError, checked.order, messages, format);
  const [announcement, announce] = useAnnouncer(isValidating, applied, messages);

  const setCodes = (next: string[]) => {
    codesRef.current = next;
    if (!controlled) setOwnCodes(next);
    options.onCodesChange?.(next);
  };
  const cancel = () => {
    const current = inflight.current;
    if (!current) return;
    inflight.current = null;
    seq.current++;
    setAttempt(null);
    void queryClient.cancelQueries({ queryKey: current.key, exact: true });
  };

  const setValue = useStableCallback((next: string) => {
    // An edit makes the in-flight answer moot and the last error stale (no aria-invalid while typing).
    cancel();
    setAttempt(null);
    setValueState(next);
  });

  const maxLength = normalize?.maxLength ?? 64;
  const fail = (found: Attempt, text: string) => {
    setAttempt(found);
    focus.current = 'input';
    announce(text);
  };
  // Every rejection, local or from the server, ends the same way: shown, announced, reported, resolved.
  const reject = (rejection: Rejection, code: string, result: ValidationResult | null, shown = code): ApplyOutcome => {
    fail({ status: 'rejected', code, rejection }, describeRejection(messages, rejection, shown, order, format, maxLength));
    options.onRejected?.(rejection, code);
    return { status: 'rejected', code, rejection, result };
  };

  const apply = useStableCallback((explicit?: string): Promise<ApplyOutcome> => {
    if (inflight.current) return inflight.current.promise;
    const raw = explicit ?? value;
    if (explicit !== undefined) setValueState(explicit);
    const normalized = normalizeCode(raw, normalize);
    const code = normalized.code;
    const current = codesRef.current;
    const local: Rejection | null = !normalized.ok
      ? { key: normalized.reason, message: normalized.reason }
      : current.some((c) => c.toLowerCase() === code.toLowerCase())
        ? { key: 'already_applied', message: 'already applied' }
        : null;
    if (local) return Promise.resolve(reject(local, code, null));
    const nextCodes = stacking ? [...current, code] : [code];
    flushInputs(inputs);
    const queryOptions = validateQueryOptions(client, { codes: nextCodes, ...inputs, trackingId });
    const id = ++seq.current;
    setAttempt({ status: 'validating', code });
    const live = () => id === seq.current && mounted.current;

    const promise = queryClient.fetchQuery(queryOptions).then(
      (result): ApplyOutcome => {
        if (!live()) return { status: 'cancelled', code, result: null };
        inflight.current = null;
        const mine = findRedeemable(result, code);
        if (mine?.status === 'APPLICABLE' || (!mine && result.valid)) {
          setCodes(nextCodes);
          setAttempt(null);
          setValueState('');
          focus.current = { remove: code };
          const [view] = toAppliedCodes([code], { ...result, redeemables: mine ? [mine] : result.redeemables }, null, order, messages, format);
          announce(formatMessage(messages.applied, { code: view?.code ?? code, discount: view?.discount ?? '', amount: view?.amount ?? '' }));
          options.onApplied?.(result, code);
          return { status: 'applied', code, result };
        }
        const rejection = mine?.rejection ?? (result.valid ? null : result.rejection) ?? { key: 'unknown', message: 'unknown' };
        return reject(rejection, code, result, mine?.code);
      },
      (reason: unknown): ApplyOutcome => {
        if (!live() || isCancelledError(reason)) return { status: 'cancelled', code, result: null };
        inflight.current = null;
        const error = isVoucherifyError(reason) ? reason : new VoucherifyError({ kind: 'network', message: String(reason), cause: reason });
        // A 4xx that names a rejection key (older endpoints answer some rejections that way) is still an outcome.
        if (error.kind === 'api' && error.key && error.key in messages.rejections) {
          return reject({ key: error.key, message: error.message, details: error.details, customMessage: error.customMessage }, code, null);
        }
        fail({ status: 'error', code, error }, describeError(messages, error, code));
        options.onError?.(error, code);
        throw error;
      },
    );
    inflight.current = { promise, key: queryOptions.queryKey };
    return promise;
  });

  const remove = useStableCallback((code?: string) => {
    const current = codesRef.current;
    const target = code === undefined ? current[current.length - 1] : current.find((c) => c.toLowerCase() === code.toLowerCase());
    if (target === undefined) return;
    // Otherwise an in-flight stacked check would bring the removed code back.
    cancel();
    setCodes(current.filter((c) => c !== target));
    setAttempt(null);
    focus.current = 'input';
    announce(formatMessage(messages.removed, { code: applied.find((a) => a.requested === target)?.code ?? target }));
    options.onRemoved?.(target);
  });

  const open = useStableCallback(() => {
    focus.current = 'input';
    setOpen(true);
  });
  const close = useStableCallback(() => setOpen(false));

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      // Deferred, so StrictMode's simulated unmount does not abort a check its remount still wants.
      setTimeout(() => {
        if (!mounted.current) cancel();
      });
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const didInitialApply = useRef(false);
  useEffect(() => {
    if (!initialCode || didInitialApply.current) return;
    didInitialApply.current = true;
    // Already among the codes (restored by the parent, or in `defaultCodes`): nothing to apply, nothing to refuse.
    if (codesRef.current.some((c) => c.toLowerCase() === initialCode.trim().toLowerCase())) return;
    apply(initialCode).catch(() => undefined);
  }, [initialCode, apply]);

  // Focus never falls to <body>: after apply the chip's remove button, after remove or an error the input.
  useEffect(() => {
    const target = focus.current;
    if (!target) return;
    // One try, in the commit that shows the target; a request that outlived its element must not steal focus later.
    focus.current = null;
    const element = target === 'input' ? inputRef.current : removeRefs.current.get(target.remove);
    if (element && !element.closest('[hidden]')) element.focus();
  });

  const firstInvalid = applied.find((a) => a.isValid === false);
  const status: VoucherInputStatus = attempt
    ? attempt.status
    : firstInvalid
      ? 'rejected'
      : queryError
        ? 'error'
        : codes.length > 0
          ? 'applied'
          : 'idle';
  const errorMessage =
    attempt?.status === 'rejected' && attempt.rejection
      ? describeRejection(messages, attempt.rejection, attempt.code, order, format, maxLength)
      : attempt?.status === 'error' && attempt.error
        ? describeError(messages, attempt.error, attempt.code)
        : null;
  const normalized = normalizeCode(value, normalize);
  const pendingCode =
    normalized.ok && !codes.some((c) => c.toLowerCase() === normalized.code.toLowerCase()) ? normalized.code : null;

  const baseId = useId();
  const state = {
    value,
    setValue,
    pendingCode,
    status,
    isPending: isValidating || (codes.length > 0 && query.isFetching),
    isInvalid: attempt?.status === 'rejected',
    applied,
    result: codes.length > 0 ? (query.data ?? null) : null,
    rejection: attempt?.rejection ?? firstInvalid?.rejection ?? null,
    error: attempt?.error ?? queryError,
    errorMessage,
    announcement,
    messages,
    stacking,
    isOpen,
    open,
    close,
    apply,
    remove,
  };
  return {
    ...state,
    ...createPropGetters(state, {
      id: options.id ?? `voucher${baseId.replace(/[^\w-]/g, '')}`,
      inputRef,
      removeRefs: removeRefs.current,
      // Upper-case-only codes get capitals from mobile keyboards; anything else is left as typed.
      autoCapitalize: normalize?.letterCase === 'upper' ? 'characters' : 'none',
    }),
  };
}

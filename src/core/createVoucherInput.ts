import { isVoucherifyError, VoucherifyError } from './errors.js';
import { findRedeemable } from './findRedeemable.js';
import { normalizeCode } from './normalizeCode.js';
import { pendingCode } from './pendingCode.js';
import { sameCode } from './sameCode.js';
import { timerMs } from './timerMs.js';
import { toCodes } from './toCodes.js';
import { verdictOf, voucherInputStatus } from './voucherInputStatus.js';
import type { Rejection, ValidationResult } from './types.js';
import type { ApplyOutcome, VoucherAnnouncement, VoucherInput, VoucherInputOptions, VoucherInputs, VoucherInputSnapshot } from './voucherInputTypes.js';

// `announcement`: undefined keeps the last one, null clears it.
type Patch = Partial<Omit<VoucherInputSnapshot, 'announcement'>> & { announcement?: DistributiveOmit<VoucherAnnouncement, 'count'> | null | undefined };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

// At creation and on every new set of options (a binding hands them over on each render).
const checkOptions = (options: VoucherInputOptions) => {
  if (options.debounceMs !== undefined) timerMs('createVoucherInput', 'debounceMs', options.debounceMs, { min: 0 });
  return options;
};

// A new object per request: asking for the input twice in a row is two requests.
const toInput = () => ({ target: 'input' }) as const;

/**
 * The voucher field's state machine, without a UI framework: the typed text, the applied codes (controlled with
 * `codes` + `onCodesChange`, or its own from `defaultCodes`), the check in flight (one at a time, cancelled by an
 * edit or a removal, its late answer ignored), what to announce and where focus should go. `validate` is injected:
 * a React binding routes it through its query cache, a test through a fake.
 *
 * @example
 * const field = createVoucherInput({ validate: (codes, signal, { order }) => client.validate({ codes, order, signal }) })
 * field.subscribe(() => render(field.getSnapshot()))
 * field.type('SAVE10'); await field.apply()
 */
export function createVoucherInput(initial: VoucherInputOptions): VoucherInput {
  let options = checkOptions(initial);
  // The rendered list wins over a change its owner did not take; between a change and its render, the change.
  let codes = toCodes(options.codes ?? options.defaultCodes);
  let latestInputs: VoucherInputs = options.inputs ?? {};
  let inputsKey: string | undefined;
  let inflight: { promise: Promise<ApplyOutcome>; controller: AbortController } | null = null;
  let seq = 0;
  let count = 0;
  let mounted = 0;
  let started = false;
  // The re-check's last answer on the applied codes, as `check` hands it over.
  let checked: { result?: ValidationResult | undefined; error: VoucherifyError | null } = { error: null };
  let inputsTimer: ReturnType<typeof setTimeout> | undefined;
  let checkingTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();

  const statusOf = (state: VoucherInputSnapshot) => voucherInputStatus(state.attempt, codes, checked.result, checked.error);

  // Completed by the first `set` below, which derives `status` and `pendingCode` as every later one does.
  let state = { attempt: null, focus: null } as unknown as VoucherInputSnapshot;

  const set = (patch: Patch) => {
    const { announcement, ...rest } = patch;
    const next: VoucherInputSnapshot = {
      ...state,
      ...rest,
      codes,
      announcement: announcement === undefined ? state.announcement : announcement && ({ ...announcement, count: ++count } as VoucherAnnouncement),
    };
    next.status = statusOf(next);
    next.pendingCode = pendingCode(next.value, codes, options.normalize);
    if (next.status !== 'validating') {
      clearTimeout(checkingTimer);
      checkingTimer = undefined;
    } else if (!checkingTimer) {
      // "Checking code…" only once a check has run for about a second: a quick answer says nothing twice.
      checkingTimer = setTimeout(() => set({ announcement: { key: 'checking' } }), 1000);
    }
    state = next;
    listeners.forEach((listener) => listener());
  };
  set({ value: '', isOpen: options.defaultOpen ?? Boolean(options.initialCode), inputs: latestInputs, announcement: null });

  const setCodes = (next: string[]) => {
    codes = next;
    options.onCodesChange?.(next);
  };

  // Stops the check in flight without a notification of its own: the caller's next `set` carries the change.
  const abort = () => {
    if (!inflight) return false;
    inflight.controller.abort();
    inflight = null;
    seq++;
    return true;
  };

  // Every rejection, local or from the server, ends the same way: shown, announced, reported, resolved.
  const reject = (rejection: Rejection, code: string, result: ValidationResult | null, shown = code, patch: Patch = {}): ApplyOutcome => {
    set({
      ...patch,
      attempt: { status: 'rejected', code, rejection },
      focus: toInput(),
      announcement: { key: 'rejected', code: shown, rejection, order: latestInputs.order },
    });
    options.onRejected?.(rejection, code);
    return { status: 'rejected', code, rejection, result };
  };

  // What an answer means for the code it checked: applied (the codes grow) or rejected with the answer's reason.
  const settle = (result: ValidationResult, code: string, nextCodes: string[]): ApplyOutcome => {
    const mine = findRedeemable(result, code);
    if (mine?.status === 'APPLICABLE' || (!mine && result.valid)) {
      setCodes(nextCodes);
      set({
        attempt: null,
        value: '',
        focus: { target: { remove: code } },
        announcement: { key: 'applied', code, codes: [code], result: { ...result, redeemables: mine ? [mine] : result.redeemables } },
      });
      options.onApplied?.(result, code);
      return { status: 'applied', code, result };
    }
    const rejection = mine?.rejection ?? (result.valid ? null : result.rejection) ?? { key: 'unknown', message: 'unknown' };
    return reject(rejection, code, result, mine?.code);
  };

  const apply = (explicit?: string): Promise<ApplyOutcome> => {
    if (inflight) return inflight.promise;
    const value = explicit ?? state.value;
    const normalized = normalizeCode(value, options.normalize);
    const code = normalized.code;
    const local: Rejection | null = !normalized.ok
      ? { key: normalized.reason, message: normalized.reason }
      : codes.some((c) => sameCode(c, code))
        ? { key: 'already_applied', message: 'already applied' }
        : null;
    if (local) return Promise.resolve(reject(local, code, null, code, { value }));
    const nextCodes = options.stacking ? [...codes, code] : [code];
    // The check runs against the inputs of now, and the re-check of the applied codes catches up at once.
    clearTimeout(inputsTimer);
    const inputs = latestInputs;
    const controller = new AbortController();
    const id = ++seq;
    // The answer lands through the port it was asked with: a binding's port knows what the check was sent under.
    const { commit } = options;
    set({ value, inputs, attempt: { status: 'validating', code } });
    const cancelled: ApplyOutcome = { status: 'cancelled', code, result: null };

    const promise = new Promise<ValidationResult>((resolve) => resolve(options.validate(nextCodes, controller.signal, inputs))).then(
      (result): ApplyOutcome => {
        if (id !== seq) return cancelled;
        inflight = null;
        let outcome!: ApplyOutcome;
        const run = () => void (outcome = settle(result, code, nextCodes));
        if (commit) commit(result, run);
        else run();
        return outcome;
      },
      (reason: unknown): ApplyOutcome => {
        if (id !== seq) return cancelled;
        inflight = null;
        // Cancelled by someone else (the cache was cleared): the attempt ends, nothing to say.
        if ((reason as Error | null)?.name === 'AbortError') {
          set({ attempt: null });
          return cancelled;
        }
        const error = isVoucherifyError(reason) ? reason : new VoucherifyError({ kind: 'network', message: String(reason), cause: reason });
        // A 4xx that names a rejection key (older endpoints answer some rejections that way) is still an outcome.
        if (error.kind === 'api' && error.key && options.isRejectionKey?.(error.key)) {
          return reject({ key: error.key, message: error.message, details: error.details, customMessage: error.customMessage }, code, null);
        }
        set({ attempt: { status: 'error', code, error }, focus: toInput(), announcement: { key: 'error', code, error } });
        options.onError?.(error, code);
        throw error;
      },
    );
    inflight = { promise, controller };
    return promise;
  };

  const remove = (code?: string) => {
    const target = code === undefined ? codes[codes.length - 1] : codes.find((c) => sameCode(c, code));
    if (target === undefined) return;
    // Otherwise an in-flight stacked check would bring the removed code back.
    abort();
    setCodes(codes.filter((c) => c !== target));
    set({ attempt: null, focus: toInput(), announcement: { key: 'removed', code: findRedeemable(checked.result, target)?.code ?? target } });
    options.onRemoved?.(target);
  };

  const cancel = () => {
    if (abort()) set({ attempt: null });
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => state,
    setOptions(next) {
      options = checkOptions(next);
      if (next.codes !== undefined) codes = toCodes(next.codes);
    },
    setInputs(inputs, key) {
      latestInputs = inputs;
      const known = inputsKey;
      inputsKey = key;
      // The first key names the starting inputs; the same key again is the same content.
      if (key !== undefined && (known === undefined || known === key)) return;
      clearTimeout(inputsTimer);
      const delay = options.debounceMs ?? 300;
      if (delay <= 0) set({ inputs });
      else inputsTimer = setTimeout(() => set({ inputs }), delay);
    },
    check(list, result, error) {
      let announcement: Patch['announcement'];
      for (const c of list) {
        const redeemable = findRedeemable(result, c);
        const isValid = verdictOf(result, c);
        const before = verdictOf(checked.result, c);
        // Only a change of a known verdict: a new code announces itself through apply().
        if (!redeemable || !result || before === null || before === isValid) continue;
        // A code skipped because another failed (Voucherify's ALL mode) is the consequence: the failing one is announced.
        if (announcement && redeemable.rejection?.key === 'skipped') continue;
        announcement = isValid
          ? { key: 'applied', code: c, codes: list, result }
          : { key: 'rejected', code: redeemable.code, rejection: redeemable.rejection, order: state.inputs.order };
      }
      const before = state.status;
      checked = { result, error };
      if (announcement || statusOf(state) !== before) set({ announcement });
    },
    mount() {
      mounted++;
      const code = options.initialCode;
      if (!started && code) {
        started = true;
        // Already among the codes (restored by the owner, or in `defaultCodes`): nothing to apply, nothing to refuse.
        if (!codes.some((c) => sameCode(c, code.trim()))) apply(code).catch(() => undefined);
      }
      return () => {
        mounted--;
        // StrictMode re-mounts within the same task: only a stop that lasts past it is a real unmount.
        queueMicrotask(() => {
          if (mounted > 0) return;
          clearTimeout(inputsTimer);
          cancel();
        });
      };
    },
    open: () => set({ isOpen: true, focus: toInput() }),
    close: () => set({ isOpen: false }),
    type(value) {
      // An edit makes the in-flight answer moot and the last error stale (no aria-invalid while typing).
      abort();
      set({ value, attempt: null });
    },
    apply,
    remove,
    cancel,
    reset() {
      abort();
      clearTimeout(inputsTimer);
      if (options.codes === undefined) codes = toCodes(options.defaultCodes);
      set({ value: '', attempt: null, focus: null, isOpen: options.defaultOpen ?? false, announcement: null });
    },
  };
}

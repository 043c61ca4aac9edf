import type { VoucherifyError } from './errors.js';
import type { NormalizeCodeOptions } from './normalizeCode.js';
import type { Customer, Order, Rejection, ValidationResult } from './types.js';

/** Where the field is: nothing yet, checking a code, a code applied, the last code rejected, or the check failed. */
export type VoucherInputStatus = 'idle' | 'validating' | 'applied' | 'rejected' | 'error';

/** How `apply()` ended. A rejected code is an outcome; only a failed check rejects the promise. */
export type ApplyOutcome =
  | { status: 'applied'; code: string; result: ValidationResult }
  | { status: 'rejected'; code: string; rejection: Rejection; result: ValidationResult | null }
  /** The shopper edited the field, removed a code or left the page before the answer came. */
  | { status: 'cancelled'; code: string; result: null };

/** What a validation depends on besides the codes. */
export interface VoucherInputs {
  order?: Order | undefined;
  customer?: Customer | undefined;
  metadata?: Record<string, unknown> | undefined;
  /** The credits the shopper chose per gift card code (minor units). */
  giftCredits?: Readonly<Record<string, number>> | undefined;
  /** Promotion tier ids validated beside the codes (`usePromotions().tiers`): one validation carries both. */
  promotions?: readonly string[] | undefined;
}

/** The code being checked, or the last one that was refused or could not be checked. */
export interface VoucherAttempt {
  status: 'validating' | 'rejected' | 'error';
  code: string;
  rejection?: Rejection;
  error?: VoucherifyError;
}

/**
 * What the live region should say, as a text key and its parameters: the words (and their language) belong to
 * the UI layer. `count` grows with each announcement, so saying the same thing twice is still a change.
 */
export type VoucherAnnouncement = { count: number } &
  /** `code` applies; its saving is `code`'s entry in `result`, read as the UI reads `codes`. */
  (
    | { key: 'applied'; code: string; codes: readonly string[]; result: ValidationResult }
    | { key: 'removed'; code: string }
    /** A check has taken about a second. */
    | { key: 'checking' }
    | { key: 'rejected'; code: string; rejection: Rejection | null; order: Order | undefined }
    | { key: 'error'; code: string; error: VoucherifyError }
  );

/** Where focus should go after the last action: the input, or the Remove button of a code. */
export type VoucherFocusTarget = 'input' | { remove: string };

/** The state of a voucher input at one moment; a new object after every change. */
export interface VoucherInputSnapshot {
  /** The typed text. */
  value: string;
  /** The applied codes, as this store last set them (a controlled owner renders its own list). */
  codes: readonly string[];
  status: VoucherInputStatus;
  attempt: VoucherAttempt | null;
  /** The typed text, normalised, when it is a code not applied yet; else null. */
  pendingCode: string | null;
  isOpen: boolean;
  /** The order, customer and metadata the applied codes are checked against (debounced). */
  inputs: VoucherInputs;
  announcement: VoucherAnnouncement | null;
  /** A new object for each request to move focus; null when nothing asked. */
  focus: { target: VoucherFocusTarget } | null;
}

/** Options of `createVoucherInput`. */
export interface VoucherInputOptions {
  /** Checks the codes against the inputs; aborting `signal` cancels. Rejects with a `VoucherifyError` when the check fails. */
  validate(codes: string[], signal: AbortSignal, inputs: VoucherInputs): Promise<ValidationResult>;
  /** The applied codes, controlled: the store asks for changes through `onCodesChange`. */
  codes?: readonly string[] | undefined;
  /** Called with the new list whenever a code is applied or removed, controlled or not. */
  onCodesChange?: ((codes: string[]) => void) | undefined;
  /** The applied codes at the start, uncontrolled. @default [] */
  defaultCodes?: readonly string[] | undefined;
  /** A code applied once by `mount()`, unless already applied. */
  initialCode?: string | undefined;
  /** @default Boolean(initialCode) */
  defaultOpen?: boolean | undefined;
  /** Several codes at once. @default false */
  stacking?: boolean | undefined;
  normalize?: NormalizeCodeOptions | undefined;
  /** The order, customer and metadata at the start. */
  inputs?: VoucherInputs | undefined;
  /** Wait after an inputs change before the applied codes count as checked against them (0 to 2^31−1 ms; 0: at once). @default 300 */
  debounceMs?: number | undefined;
  /** Whether an API error's key is a rejection (older endpoints answer some rejections with a 4xx). @default none is */
  isRejectionKey?: ((key: string) => boolean) | undefined;
  /**
   * Runs the store's reaction to an apply's answer: call `settle()` once, synchronously (it updates the store, calls
   * `onCodesChange` and the callbacks). A binding wraps it to land with its own work: React's adopts the answer's
   * tracking id and settles inside `flushSync`, so the chip, the parent's codes and the id commit together. The port
   * of the options the check was asked with runs, not a later one's (it knows what the check was sent under).
   * @default (result, settle) => settle()
   */
  commit?: ((result: ValidationResult, settle: () => void) => void) | undefined;
  onApplied?: ((result: ValidationResult, code: string) => void) | undefined;
  onRemoved?: ((code: string) => void) | undefined;
  onRejected?: ((rejection: Rejection, code: string) => void) | undefined;
  onError?: ((error: VoucherifyError, code: string) => void) | undefined;
}

/** A voucher input: an external store (`subscribe` / `getSnapshot`) and its actions. */
export interface VoucherInput {
  subscribe(listener: () => void): () => void;
  getSnapshot(): VoucherInputSnapshot;
  /** Replaces the options (latest callbacks, the controlled `codes`) without notifying. */
  setOptions(options: VoucherInputOptions): void;
  /** New order, customer or metadata; `key` (a fingerprint of them) skips a change to equal content. */
  setInputs(inputs: VoucherInputs, key?: string): void;
  /** Reports the latest re-check of the applied codes, so a verdict that changes is announced. */
  check(codes: readonly string[], result: ValidationResult | undefined, error: VoucherifyError | null): void;
  /** Starts (applies `initialCode` once); the returned function stops, cancelling in-flight work. */
  mount(): () => void;
  open(): void;
  close(): void;
  /** Sets the typed text; an edit cancels the check in flight and clears the last error. */
  type(value: string): void;
  /** Applies `code`, or the typed text. While a check is in flight, returns that check instead of starting another. */
  apply(code?: string): Promise<ApplyOutcome>;
  /** Removes one applied code, or the last one. */
  remove(code?: string): void;
  /** Cancels the check in flight; its `apply()` resolves `cancelled`. */
  cancel(): void;
  /** Back to the start: nothing typed, no attempt, the default codes (uncontrolled). */
  reset(): void;
}

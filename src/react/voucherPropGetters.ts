'use client';
import type { ButtonHTMLAttributes, HTMLAttributes, InputHTMLAttributes, KeyboardEvent, LabelHTMLAttributes, MutableRefObject, Ref } from 'react';
import type { ApplyOutcome } from './types.js';
import { formatMessage, type VoucherMessages } from './messages.js';
import { mergeProps } from './mergeProps.js';
import type { AppliedCode } from './appliedCodes.js';

/** Input props, with a ref. */
export type VoucherInputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
/** Button props, with a ref. */
export type VoucherButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { ref?: Ref<HTMLButtonElement> };
/** Props of any other element, with a ref. */
export type VoucherElementProps<T extends HTMLElement = HTMLElement> = HTMLAttributes<T> & { ref?: Ref<T> };

/**
 * Prop getters: spread them on your elements, passing your own props through them so handlers chain and refs
 * merge. Render the element of `getErrorProps` whenever `errorMessage` is set, and a hint only with `messages.hint`
 * (their ids go into the input's `aria-describedby` exactly then).
 */
export interface VoucherPropGetters {
  getLabelProps(props?: LabelHTMLAttributes<HTMLLabelElement>): LabelHTMLAttributes<HTMLLabelElement>;
  getInputProps(props?: VoucherInputProps): VoucherInputProps;
  /** `type="button"`, never `disabled`: `aria-disabled` while a check runs, and repeat presses are ignored. */
  getApplyButtonProps(props?: VoucherButtonProps): VoucherButtonProps;
  /** Named "Remove code SAVE15". */
  getRemoveButtonProps(code: string, props?: VoucherButtonProps): VoucherButtonProps;
  /** The disclosure button: `aria-expanded`, `aria-controls`; opening moves focus into the input. */
  getToggleButtonProps(props?: VoucherButtonProps): VoucherButtonProps;
  /** The disclosed part (label, input, Apply, error); hidden while closed or while a single code is applied. */
  getPanelProps<T extends HTMLElement = HTMLElement>(props?: VoucherElementProps<T>): VoucherElementProps<T>;
  getHintProps<T extends HTMLElement = HTMLElement>(props?: VoucherElementProps<T>): VoucherElementProps<T>;
  getErrorProps<T extends HTMLElement = HTMLElement>(props?: VoucherElementProps<T>): VoucherElementProps<T>;
  /** The one polite live region: render it from the first render on, with `announcement` inside. */
  getStatusProps<T extends HTMLElement = HTMLElement>(props?: VoucherElementProps<T>): VoucherElementProps<T>;
  /**
   * A gift card's amount input, in the currency's major units: wrap it in a `<label>` with `amountControl.label`.
   * Enter or leaving it sets the amount when it is within `amountControl.max`; anything else is refused with
   * `amountControl.error` (render it with `getAmountErrorProps`).
   */
  getAmountInputProps(code: string, props?: VoucherInputProps): VoucherInputProps;
  getAmountErrorProps<T extends HTMLElement = HTMLElement>(code: string, props?: VoucherElementProps<T>): VoucherElementProps<T>;
}

interface GetterState {
  value: string;
  setValue(value: string): void;
  status: string;
  isInvalid: boolean;
  isOpen: boolean;
  stacking: boolean;
  applied: AppliedCode[];
  errorMessage: string | null;
  messages: VoucherMessages;
  open(): void;
  close(): void;
  apply(): Promise<ApplyOutcome>;
  remove(code: string): void;
}

const ignore = () => undefined;
const passThrough = <P>(_code: string, props?: P): P => props ?? ({} as P);

/** Enter applies a code or sets an amount, and must never submit the surrounding checkout form. Internal. */
export const onEnter = (action: () => unknown) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
  event.preventDefault();
  action();
};

/** Builds the prop getters of `useVoucherInput` from its state, ids prefixed with `id`, and its focus targets. */
export function createPropGetters(
  state: GetterState,
  id: string,
  inputRef: MutableRefObject<HTMLInputElement | null>,
  removeRefs: Map<string, HTMLElement>,
  autoCapitalize: string,
): VoucherPropGetters {
  const idOf = (part: string) => `${id}-${part}`;
  const hint = formatMessage(state.messages.hint);
  const placeholder = formatMessage(state.messages.placeholder);
  const describedBy = [hint && idOf('hint'), state.errorMessage && idOf('error')].filter(Boolean).join(' ') || undefined;
  const apply = () => void state.apply().catch(ignore);

  return {
    getLabelProps: (props) => mergeProps({ id: idOf('label'), htmlFor: idOf('input') }, props),
    getInputProps: (props) =>
      mergeProps<VoucherInputProps>(
        {
          id: idOf('input'),
          ref: inputRef,
          type: 'text',
          value: state.value,
          onChange: (event) => state.setValue(event.target.value),
          onKeyDown: onEnter(apply),
          autoComplete: 'off',
          autoCorrect: 'off',
          autoCapitalize,
          spellCheck: false,
          enterKeyHint: 'done',
          placeholder: placeholder || undefined,
          'aria-invalid': state.isInvalid || undefined,
          'aria-describedby': describedBy,
        },
        props,
      ),
    getApplyButtonProps: (props) =>
      mergeProps<VoucherButtonProps>({ type: 'button', 'aria-disabled': state.status === 'validating' || undefined, onClick: apply }, props),
    getRemoveButtonProps: (code, props) => {
      const shown = state.applied.find((a) => a.requested === code || a.code === code)?.code ?? code;
      return mergeProps<VoucherButtonProps>(
        {
          type: 'button',
          'aria-label': formatMessage(state.messages.removeLabel, { code: shown }),
          onClick: () => state.remove(code),
          ref: (node: HTMLButtonElement | null) => {
            if (node) removeRefs.set(code, node);
            else removeRefs.delete(code);
          },
        },
        props,
      );
    },
    getToggleButtonProps: (props) =>
      mergeProps<VoucherButtonProps>(
        { type: 'button', 'aria-expanded': state.isOpen, 'aria-controls': idOf('panel'), onClick: () => (state.isOpen ? state.close() : state.open()) },
        props,
      ),
    getPanelProps: (props) => mergeProps({ id: idOf('panel'), hidden: !state.isOpen || (!state.stacking && state.applied.length > 0) }, props),
    getHintProps: (props) => mergeProps({ id: idOf('hint') }, props),
    getErrorProps: (props) => mergeProps({ id: idOf('error') }, props),
    getStatusProps: (props) => mergeProps({ id: idOf('status'), role: 'status', 'aria-live': 'polite', 'aria-atomic': true }, props),
    // Without `giftCardAmounts` there is no amount control: its getters (from that module) replace these.
    getAmountInputProps: passThrough,
    getAmountErrorProps: passThrough,
  };
}

'use client';
import type { CSSProperties } from 'react';
import { formatMessage } from './messages.js';
import type { UseVoucherInputOptions, UseVoucherInputResult } from './types.js';
import { useVoucherInput } from './useVoucherInput.js';

/** Props of `VoucherField`: the options of `useVoucherInput` plus presentation. */
export interface VoucherFieldProps extends UseVoucherInputOptions {
  /** Show the field without the "Have a promo code?" disclosure. @default false */
  hideToggle?: boolean;
  /** Mobile keyboards' capitalisation; 'characters' suits upper-case-only codes. @default 'none', or 'characters' with `normalize.letterCase: 'upper'` */
  autoCapitalize?: string;
  /** Drop the default theme of `voucherkit/styles.css` (class names stay, for your own CSS). @default false */
  unstyled?: boolean;
  className?: string;
  style?: CSSProperties;
}

// The theme's looks: `rejected` and `error` both read 'invalid'.
const dataStates: Partial<Record<UseVoucherInputResult['status'], string>> = { idle: 'idle', validating: 'pending', applied: 'valid' };

// A pure `Object.assign`, not a `displayName` statement: the name stays, and a bundle that never renders
// the component can still drop it when the bundler ignores `sideEffects`.
/**
 * The drop-in voucher field: a "Have a promo code?" disclosure, a labelled input with Apply, applied codes as
 * chips with what they save and a Remove button, specific error texts and one polite status region.
 * Everything it does is available from `useVoucherInput`. Style it with `voucherkit/styles.css`, the
 * `--voucherkit-*` custom properties and `data-state`, or bring your own CSS with `unstyled`.
 *
 * @example
 * import 'voucherkit/styles.css'
 * <VoucherField order={{ amount: 4000 }} currency="GBP" onApplied={(result) => setTotals(result.order)} />
 */
export const VoucherField = /* @__PURE__ */ Object.assign(VoucherFieldComponent, { displayName: 'VoucherField' });

function VoucherFieldComponent(props: VoucherFieldProps) {
  const { hideToggle = false, autoCapitalize, unstyled = false, className, style, ...options } = props;
  const field = useVoucherInput({ ...options, defaultOpen: hideToggle || options.defaultOpen });
  const { messages: m, applied, errorMessage } = field;
  const hint = formatMessage(m.hint);
  const showToggle = !hideToggle && (field.stacking || applied.length === 0);

  return (
    <div
      className={className ? `voucher-field ${className}` : 'voucher-field'}
      style={style}
      data-state={dataStates[field.status] ?? 'invalid'}
      data-unstyled={unstyled || undefined}
    >
      {showToggle && <button {...field.getToggleButtonProps({ className: 'voucher-field__toggle' })}>{formatMessage(m.toggle)}</button>}
      <div {...field.getPanelProps({ className: 'voucher-field__panel' })}>
        <label {...field.getLabelProps({ className: 'voucher-field__label' })}>{formatMessage(m.label)}</label>
        {hint && <p {...field.getHintProps({ className: 'voucher-field__hint' })}>{hint}</p>}
        <div className="voucher-field__row">
          <input {...field.getInputProps({ className: 'voucher-field__input', ...(autoCapitalize ? { autoCapitalize } : {}) })} />
          <button {...field.getApplyButtonProps({ className: 'voucher-field__apply' })}>
            {formatMessage(field.status === 'validating' ? m.applying : m.apply)}
          </button>
        </div>
        {errorMessage && (
          <p {...field.getErrorProps({ className: 'voucher-field__error' })}>
            <span className="voucher-field__sr-only">{formatMessage(m.errorPrefix)} </span>
            {errorMessage}
          </p>
        )}
      </div>
      {applied.length > 0 && (
        // Where the chip replaces the toggle as well as the panel, the theme keeps the toggle's line (no jump).
        <ul className="voucher-field__chips" data-replaces-toggle={(!hideToggle && !showToggle) || undefined}>
          {applied.map((a) => (
            <li key={a.requested} className="voucher-field__chip" data-state={a.isValid === false ? 'invalid' : a.isValid ? 'valid' : 'pending'}>
              {/* A gift card's message names it masked (····FT50): the full code is not repeated beside it. */}
              {!a.result?.gift && <span className="voucher-field__code">{a.code}</span>}
              {a.message && <span className="voucher-field__saving">{a.message}</span>}
              <button {...field.getRemoveButtonProps(a.requested, { className: 'voucher-field__remove' })}>{formatMessage(m.remove)}</button>
              {a.amountControl?.node}
            </li>
          ))}
        </ul>
      )}
      <div {...field.getStatusProps({ className: 'voucher-field__sr-only' })}>{field.announcement}</div>
    </div>
  );
}

'use client';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Development only (STYLE.md §5, principle 7; the caller guards the call with `NODE_ENV`): warns once when the field's input is on the page without a label,
 * i.e. no `<label {...getLabelProps()}>` (or other label) and no `aria-label` / `aria-labelledby`.
 */
export function useMissingLabelWarning(inputRef: RefObject<HTMLInputElement | null>): void {
  const warned = useRef(false);
  useEffect(() => {
    const input = inputRef.current;
    if (warned.current || !input || input.labels?.length || input.hasAttribute('aria-label') || input.hasAttribute('aria-labelledby')) return;
    warned.current = true;
    console.warn(
      'voucherkit: the input of useVoucherInput() has no label. Render <label {...getLabelProps()}>, or pass aria-label or aria-labelledby to getInputProps().',
    );
  });
}

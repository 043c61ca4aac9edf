'use client';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Development only (STYLE.md §5, principle 7): warns once when the field's input is on the page without a label,
 * i.e. no `<label {...getLabelProps()}>` (or other label) and no `aria-label` / `aria-labelledby`.
 */
export function useMissingLabelWarning(inputRef: RefObject<HTMLInputElement | null>): void {
  const warned = useRef(false);
  useEffect(() => {
    if (!(typeof process !== 'undefined' && process.env.NODE_ENV !== 'production')) return;
    const input = inputRef.current;
    if (warned.current || !input || input.labels?.length || input.hasAttribute('aria-label') || input.hasAttribute('aria-labelledby')) return;
    warned.current = true;
    console.warn(
      'voucherkit: the input of useVoucherInput() has no label. Render <label {...getLabelProps()}>, or pass aria-label or aria-labelledby to getInputProps().',
    );
  });
}

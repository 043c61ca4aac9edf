'use client';
import { useEffect, useRef, useState } from 'react';
import type { VoucherInputSnapshot } from '../core/voucherInputTypes.js';

/**
 * The field's elements, and focus moved where the last action asked: after apply the chip's Remove button,
 * after remove, an error or opening, the input. Focus never falls to <body>.
 */
export function useVoucherFocus(request: VoucherInputSnapshot['focus']) {
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [removeRefs] = useState(() => new Map<string, HTMLElement>());
  useEffect(() => {
    if (!request) return;
    const { target } = request;
    // One try, in the commit that shows the target; a request that outlived its element must not steal focus later.
    const element = target === 'input' ? inputRef.current : removeRefs.get(target.remove);
    if (element && !element.closest('[hidden]')) element.focus();
  }, [request, removeRefs]);
  return { inputRef, removeRefs };
}

// Issue 21, "a binding, only a binding": useVoucherInput hands its options to the store once their render commits (a
// render React discards never reaches it), and renders the status the machine's formula gives for this render's codes
// and re-check answer, right from the first render.
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Profiler, StrictMode, Suspense, startTransition, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { VoucherField } from 'voucherkit';
import { Providers, setupSandboxServer } from './harness.js';

setupSandboxServer();

const order = { amount: 4000 };
const never = new Promise<never>(() => undefined);
const fieldState = () => document.querySelector('.voucher-field')?.getAttribute('data-state');

/** A checkout whose codes change in a transition that suspends below the field: React keeps the old screen. */
function SuspendingCheckout({ first, second }: { first: (codes: string[]) => void; second: (codes: string[]) => void }) {
  const [pending, setPending] = useState(false);
  return (
    <>
      <button type="button" onClick={() => startTransition(() => setPending(true))}>
        Add OTHER
      </button>
      <Suspense fallback={<p>Loading…</p>}>
        <VoucherField order={order} codes={pending ? ['SAVE10', 'OTHER'] : ['SAVE10']} onCodesChange={pending ? second : first} />
        {pending && <Suspends />}
      </Suspense>
    </>
  );
}

function Suspends(): never {
  throw never;
}

describe('useVoucherInput hands its options over after commit', () => {
  it('a render React discards (a suspended transition, in StrictMode) does not reach the store', async () => {
    const first = vi.fn();
    const second = vi.fn();
    render(
      <StrictMode>
        <Providers queryClient={new QueryClient()}>
          <SuspendingCheckout first={first} second={second} />
        </Providers>
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelector('.voucher-field__chip')?.getAttribute('data-state')).toBe('valid'));
    // The field rendered with codes [SAVE10, OTHER] and the second handler, and React threw that render away.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Add OTHER' })));
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(screen.queryByText('OTHER')).toBeNull();
    // The screen still shows [SAVE10]: removing it asks the owner on screen for [], as the screen promises.
    fireEvent.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    expect(first).toHaveBeenCalledWith([]);
    expect(second).not.toHaveBeenCalled();
  });
});

describe('status', () => {
  it('is right in the first commit, from the re-check answer already in the cache', async () => {
    const queryClient = new QueryClient();
    const view = render(
      <Providers queryClient={queryClient}>
        <VoucherField order={order} defaultCodes={['EXPIRED']} />
      </Providers>,
    );
    await waitFor(() => expect(fieldState()).toBe('invalid'));
    view.unmount();

    const committed: Array<string | null | undefined> = [];
    render(
      <Providers queryClient={queryClient}>
        <Profiler id="field" onRender={() => committed.push(fieldState())}>
          <VoucherField order={order} defaultCodes={['EXPIRED']} />
        </Profiler>
      </Providers>,
    );
    // Every commit, the first included, shows the refusal: no pass says "applied" before a later one corrects it.
    expect(committed[0]).toBe('invalid');
    expect(new Set(committed)).toEqual(new Set(['invalid']));
  });
});

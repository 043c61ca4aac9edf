// Issue 21: after Voucherify answers, the applied state reaches the screen in one commit — the chip, the checkout's
// codes and total (the README pattern) and the tracker's adopted id together — and a consumer that reads no tracking
// id does not render for its adoption. Counted with the React Profiler, never with timings.
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Fragment, Profiler, StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { formatMoney, useVoucherify } from 'voucherkit';
import type { Cart } from '../../examples/patterns/cart.js';
import { Checkout } from '../../examples/patterns/Checkout.js';
import { COOKIE, renderWithProvider, server, setupSandboxServer } from './harness.js';

setupSandboxServer();

const cart: Cart = { id: 'cart_1', orderId: 'order_1', total: 4000, items: [{ sku: 'sku_mug', quantity: 2, unitPrice: 2000 }] };
const eur = (minor: number) => `Total: ${formatMoney(minor, { currency: 'EUR', locale: 'de-DE' })}`;

/** Commits per Profiler id, and where the count stood when the sandbox's answer went out. */
function profiled() {
  const commits: Array<{ id: string; phase: string }> = [];
  let answeredAt = -1;
  server.events.on('response:mocked', () => {
    answeredAt = commits.length;
  });
  const Region = ({ id, children }: { id: string; children: ReactNode }) => (
    <Profiler id={id} onRender={(region, phase) => commits.push({ id: region, phase })}>
      {children}
    </Profiler>
  );
  return { commits, Region, sinceAnswer: () => commits.slice(answeredAt) };
}

/** Reads `setIdentity` only, as a sign-in button would. */
function SignIn({ onRender }: { onRender: () => void }) {
  const { setIdentity } = useVoucherify();
  onRender();
  return (
    <button type="button" onClick={() => setIdentity('ada@example.com')}>
      Sign in
    </button>
  );
}

/** Reads the tracking id. */
function TrackingId({ onRender }: { onRender: () => void }) {
  const { trackingId } = useVoucherify();
  onRender();
  return <output aria-label="tracking id">{trackingId ?? 'none'}</output>;
}

async function applySave10() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Have a promo code?' }));
  await user.type(screen.getByRole('textbox', { name: 'Promo code' }), 'SAVE10{Enter}');
  await waitFor(() => expect(screen.getByText(/^Total:/).textContent).toBe(eur(3000)));
  // Long enough for any later pass (a scheduled notification, an effect's update) to have committed.
  await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
}

// StrictMode's rows equal production's: its second render pass and effect replay add no commit after the answer.
describe.each([
  ['', Fragment],
  ['in StrictMode', StrictMode],
])('after the answer %s', (_, Mode) => {
  it('the chip, the checkout total and the adopted id land in one commit', async () => {
    const { Region, sinceAnswer } = profiled();
    let idRenders = 0;
    renderWithProvider(
      <Mode>
        <Region id="page">
          <Checkout cart={cart} />
          <TrackingId onRender={() => idRenders++} />
        </Region>
      </Mode>,
    );
    const before = idRenders;
    await applySave10();
    expect(screen.getByRole('button', { name: 'Remove code SAVE10' })).toBeDefined();
    expect(screen.getByLabelText('tracking id').textContent).toMatch(/^track_/);
    expect(document.cookie).toContain(COOKIE);
    expect(sinceAnswer()).toEqual([{ id: 'page', phase: 'update' }]);
    // The id reader rendered for the adoption, in that one commit (and for the typing before it).
    expect(idRenders).toBeGreaterThan(before);
  });

  it('a consumer that reads no tracking id does not render when one is adopted', async () => {
    let signInRenders = 0;
    renderWithProvider(
      <Mode>
        <Checkout cart={cart} />
        <SignIn onRender={() => signInRenders++} />
      </Mode>,
    );
    // After hydration (the provider's one extra render), the count stands still through typing, the answer and the adoption.
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    const settled = signInRenders;
    await applySave10();
    expect(document.cookie).toContain(COOKIE);
    expect(signInRenders).toBe(settled);
  });
});

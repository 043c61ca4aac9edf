import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { giftCardAmounts, VoucherField, VoucherProvider } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import 'voucherkit/styles.css';

// The gift card amount control in a real browser: reached and set with the keyboard, named by its label as Chromium
// computes it, Enter never submits the checkout, and axe finds nothing in the refused state.

const sandbox = createSandbox();
// The sandbox answers through the provider's `fetch` (its own handler): no service worker needed.
const sandboxFetch: typeof fetch = (input, init) => sandbox.handle(new Request(input, init));

afterEach(() => {
  cleanup();
  sandbox.reset();
});

function mount(onSubmit: () => void, onGiftCreditsChange: (credits: Record<string, number>) => void) {
  render(
    <main>
      <h1>Checkout</h1>
      <form aria-label="Checkout" onSubmit={(event) => (event.preventDefault(), onSubmit())}>
        <VoucherProvider
          clientApplicationId={SANDBOX_KEYS.clientApplicationId}
          clientToken={SANDBOX_KEYS.clientToken}
          queryClient={new QueryClient()}
          fetch={sandboxFetch}
        >
          <VoucherField hideToggle order={{ amount: 3700 }} debounceMs={0} giftCardAmounts={giftCardAmounts} onGiftCreditsChange={onGiftCreditsChange} />
        </VoucherProvider>
      </form>
    </main>,
  );
}

describe('gift card amount in Chromium', () => {
  it('Tab reaches the labelled amount after Remove; typing and Enter set it without submitting; a refused amount is described', async () => {
    const onSubmit = vi.fn();
    const onGiftCreditsChange = vi.fn();
    mount(onSubmit, onGiftCreditsChange);
    await userEvent.tab();
    await userEvent.keyboard('GIFT50{Enter}');
    const remove = await screen.findByRole('button', { name: 'Remove code GIFT50' });
    await waitFor(() => expect(document.activeElement).toBe(remove));
    await userEvent.tab();
    // Chromium's own accessibility tree names the input by the label that wraps it.
    const amount = page.getByRole('textbox', { name: 'Amount to use from ····FT50 (USD)' });
    await expect.element(amount).toHaveFocus();
    await expect.element(amount).toHaveValue('37');
    await userEvent.keyboard('{Control>}a{/Control}12.50{Enter}');
    expect(onGiftCreditsChange).toHaveBeenLastCalledWith({ GIFT50: 1250 });
    expect(onSubmit).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByRole('listitem').textContent).toContain('Gift card ····FT50 — $50.00 balance, $12.50 applied'));

    await userEvent.keyboard('{Control>}a{/Control}40{Enter}');
    await expect.element(amount).toHaveAttribute('aria-invalid', 'true');
    // The error is what `aria-describedby` names.
    const describedBy = amount.element().getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe('Enter an amount up to $37.00');
    expect(onGiftCreditsChange).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
    const results = await axe.run(document.body, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    expect(results.violations.map((r) => `${r.id}: ${r.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { giftCardAmounts, useVoucherInput, VoucherField } from 'voucherkit';
import { renderWithProvider, sandbox, server, setupSandboxServer } from './harness.js';

setupSandboxServer();

const valueOf = (element: HTMLElement) => (element as HTMLInputElement).value;
/** The text of the elements `aria-describedby` names. */
const description = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();

/** The `redeemables` of every validation the field sent, read off the wire. */
function sentRedeemables(): Array<Array<Record<string, unknown>>> {
  const bodies: Array<Array<Record<string, unknown>>> = [];
  server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname !== '/client/v1/validations') return;
    void request
      .clone()
      .json()
      .then((body: { redeemables: Array<Record<string, unknown>> }) => bodies.push(body.redeemables));
  });
  return bodies;
}

const addCard = (code: string, balance: number) => sandbox.state.vouchers.set(code, { code, type: 'GIFT_VOUCHER', gift: { amount: balance, balance } });

async function applyCode(code: string) {
  await userEvent.type(screen.getByRole('textbox', { name: 'Promo code' }), `${code}{Enter}`);
}

describe('a gift card in VoucherField', () => {
  it('shows its balance and what it covers, with the code masked; no amount input without giftCardAmounts', async () => {
    renderWithProvider(<VoucherField hideToggle order={{ amount: 3700 }} />);
    await applyCode('GIFT50');
    const chip = await screen.findByRole('listitem');
    await waitFor(() => expect(chip?.textContent).toContain('Gift card ····FT50 — $50.00 balance, $37.00 applied'));
    expect(chip.textContent).not.toContain('GIFT50');
    expect(within(chip).queryByRole('textbox')).toBeNull();
  });

  it('lets the shopper use less: a labelled amount input, committed with Enter, sent as gift.credits', async () => {
    const bodies = sentRedeemables();
    const onGiftCreditsChange = vi.fn();
    renderWithProvider(
      <VoucherField hideToggle order={{ amount: 3700 }} giftCardAmounts={giftCardAmounts} onGiftCreditsChange={onGiftCreditsChange} debounceMs={0} />,
    );
    await applyCode('GIFT50');
    const amount = await screen.findByRole('textbox', { name: 'Amount to use from ····FT50 (USD)' });
    // The default: min(balance, amount due).
    expect(valueOf(amount)).toBe('37');
    expect(amount.getAttribute('inputmode')).toBe('decimal');
    await userEvent.clear(amount);
    await userEvent.type(amount, '20.5{Enter}');
    expect(onGiftCreditsChange).toHaveBeenLastCalledWith({ GIFT50: 2050 });
    await waitFor(() => expect(screen.getByRole('listitem')?.textContent).toContain('$50.00 balance, $20.50 applied'));
    expect(valueOf(amount)).toBe('20.50');
    expect(bodies.at(-1)).toEqual([{ object: 'voucher', id: 'GIFT50', gift: { credits: 2050 } }]);
  });

  it.each([
    ['above what is due', '38'],
    ['not a number', 'abc'],
    ['zero', '0'],
    ['three decimals', '1.234'],
  ])('refuses an amount %s with an error, not a silent clamp', async (_, typed) => {
    const onGiftCreditsChange = vi.fn();
    renderWithProvider(<VoucherField hideToggle order={{ amount: 3700 }} giftCardAmounts={giftCardAmounts} onGiftCreditsChange={onGiftCreditsChange} />);
    await applyCode('GIFT50');
    const amount = await screen.findByRole('textbox', { name: /Amount to use/ });
    await userEvent.clear(amount);
    await userEvent.type(amount, typed);
    await userEvent.tab();
    expect(amount.getAttribute('aria-invalid')).toBe('true');
    expect(description(amount)).toBe('Enter an amount up to $37.00');
    expect(valueOf(amount)).toBe(typed);
    expect(onGiftCreditsChange).not.toHaveBeenCalled();
    // Typing again clears the error until the next commit.
    await userEvent.type(amount, '1');
    expect(amount.getAttribute('aria-invalid')).toBeNull();
  });

  it('leaving an amount that was not edited sets nothing: the card keeps following the cart', async () => {
    const onGiftCreditsChange = vi.fn();
    const field = (amount: number) => (
      <VoucherField hideToggle order={{ amount }} giftCardAmounts={giftCardAmounts} onGiftCreditsChange={onGiftCreditsChange} debounceMs={0} />
    );
    const { rerender } = renderWithProvider(field(3700));
    await applyCode('GIFT50');
    const amount = await screen.findByRole('textbox', { name: /Amount to use/ });
    await userEvent.click(amount);
    await userEvent.tab();
    expect(onGiftCreditsChange).not.toHaveBeenCalled();
    rerender(field(4200));
    await waitFor(() => expect(valueOf(screen.getByRole('textbox', { name: /Amount to use/ }))).toBe('42'));
  });

  it('stacks two cards: the second covers what the first leaves, and follows a smaller first amount', async () => {
    addCard('CARD20', 2000);
    renderWithProvider(<VoucherField hideToggle stacking order={{ amount: 6000 }} giftCardAmounts={giftCardAmounts} debounceMs={0} />);
    await applyCode('GIFT50');
    await screen.findByRole('textbox', { name: /····FT50/ });
    await applyCode('CARD20');
    const second = await screen.findByRole('textbox', { name: 'Amount to use from ····RD20 (USD)' });
    await waitFor(() => expect(valueOf(second)).toBe('10'));
    const first = screen.getByRole('textbox', { name: /····FT50/ });
    await userEvent.clear(first);
    await userEvent.type(first, '45{Enter}');
    await waitFor(() => expect(valueOf(second)).toBe('15'));
    const chips = screen.getAllByRole('listitem');
    expect(chips[0]?.textContent).toContain('$45.00 applied');
    expect(chips[1]?.textContent).toContain('Gift card ····RD20 — $20.00 balance, $15.00 applied');
  });
});

describe('useVoucherInput: the amount getters', () => {
  function GiftField({ onCredits }: { onCredits: (credits: Record<string, number> | undefined) => void }) {
    const voucher = useVoucherInput({ order: { amount: 8000 }, giftCardAmounts, debounceMs: 0 });
    onCredits(voucher.giftCredits);
    return (
      <form onSubmit={() => onCredits({ submitted: 1 })}>
        <label {...voucher.getLabelProps()}>Code</label>
        <input {...voucher.getInputProps()} />
        {voucher.applied.map(
          (a) =>
            a.amountControl && (
              <div key={a.requested}>
                <label>
                  {a.amountControl.label}
                  <input {...voucher.getAmountInputProps(a.requested)} />
                </label>
                {a.amountControl.error && <p {...voucher.getAmountErrorProps(a.requested)}>{a.amountControl.error}</p>}
              </div>
            ),
        )}
      </form>
    );
  }

  it('gives the input its id, value and handlers, exposes giftCredits, and Enter never submits the form', async () => {
    const onCredits = vi.fn();
    renderWithProvider(<GiftField onCredits={onCredits} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Code' }), 'GIFT50{Enter}');
    const amount = await screen.findByRole('textbox', { name: /Amount to use from ····FT50/ });
    expect(valueOf(amount)).toBe('50');
    expect(onCredits).toHaveBeenLastCalledWith(undefined);
    await userEvent.clear(amount);
    await userEvent.type(amount, '12,34{Enter}');
    expect(onCredits).toHaveBeenLastCalledWith({ GIFT50: 1234 });
    expect(onCredits).not.toHaveBeenCalledWith({ submitted: 1 });
    await userEvent.clear(amount);
    await userEvent.type(amount, '99{Enter}');
    expect(description(amount)).toBe('Enter an amount up to $50.00');
  });
});

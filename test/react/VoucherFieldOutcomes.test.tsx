import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { VoucherField } from 'voucherkit';
import { renderWithProvider, sandbox, setupSandboxServer, statusText, validations } from './harness.js';

setupSandboxServer();

const gbp = { currency: 'GBP', locale: 'en-GB' } as const;
const input = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });
const applyButton = () => screen.getByRole('button', { name: /^(Apply|Applying…)$/ });

describe('VoucherField: errors (U6, U10, A3)', () => {
  it('aria-invalid appears only after a failed attempt, with the error linked and prefixed, and goes on the next edit', async () => {
    const { container } = renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} />);
    const user = userEvent.setup();
    await user.type(input(), 'EXPIRED');
    expect(input().hasAttribute('aria-invalid')).toBe(false);
    expect(validations()).toBe(0);
    await user.click(applyButton());
    await waitFor(() => expect(input().getAttribute('aria-invalid')).toBe('true'));
    const error = document.getElementById(input().getAttribute('aria-describedby') ?? '');
    expect(error?.textContent).toBe('Error: EXPIRED has expired');
    expect(within(error as HTMLElement).getByText('Error:').className).toBe('voucher-field__sr-only');
    expect(document.activeElement).toBe(input());
    expect(statusText()).toBe('EXPIRED has expired');
    expect(input().value).toBe('EXPIRED');
    expect(container.querySelector('.voucher-field')?.getAttribute('data-state')).toBe('invalid');

    await user.type(input(), 'X');
    expect(input().hasAttribute('aria-invalid')).toBe(false);
    expect(input().hasAttribute('aria-describedby')).toBe(false);
    expect(screen.queryByText(/has expired/, { selector: 'p' })).toBeNull();
  });

  const table: Array<[code: string, text: string]> = [
    ['NOSUCHCODE', "We couldn't find NOSUCHCODE. Check the code in your e-mail and try again"],
    ['EXPIRED', 'EXPIRED has expired'],
    ['NOTYET', "NOTYET isn't active yet"],
    ['DISABLED', 'DISABLED is no longer available'],
    ['USEDUP', 'USEDUP has been used the maximum number of times'],
    ['MIN50', 'Add £10.00 more to use MIN50'],
    ['VIPONLY', "VIPONLY isn't available for your account"],
  ];
  it.each(table)('%s is rejected with its own text', async (code, text) => {
    const onRejected = vi.fn();
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} onRejected={onRejected} />);
    const user = userEvent.setup();
    await user.type(input(), `${code}{Enter}`);
    await waitFor(() => expect(statusText()).toBe(text));
    expect(screen.getByText(text, { selector: 'p' }).textContent).toBe(`Error: ${text}`);
    expect(onRejected).toHaveBeenCalledTimes(1);
  });

  it("the merchant's custom rule message is shown when the merchant asks for it, and markup in it is rendered as text", async () => {
    const custom = '<img src=x onerror="alert(1)"> Spend £50 to use this code';
    sandbox.state.vouchers.set('CUSTOM', {
      code: 'CUSTOM',
      discount: { type: 'AMOUNT', amount_off: 500 },
      sandbox_rules: { min_order_amount: 5000, error_message: custom },
    });
    const { container } = renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} customMessages={['en']} />);
    const user = userEvent.setup();
    await user.type(input(), 'CUSTOM{Enter}');
    await waitFor(() => expect(statusText()).toBe(custom));
    expect(container.querySelector('img')).toBeNull();
  });

  it('every text can be overridden, with strings or functions, on the provider and on the field', async () => {
    renderWithProvider(
      <VoucherField
        hideToggle
        order={{ amount: 4000 }}
        {...gbp}
        messages={{ label: 'Gutscheincode', rejections: { voucher_expired: ({ code }) => `${code} ist abgelaufen` } }}
      />,
      { messages: { apply: 'Einlösen', errorPrefix: 'Fehler:' } },
    );
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Gutscheincode' }), 'EXPIRED');
    await user.click(screen.getByRole('button', { name: 'Einlösen' }));
    expect((await screen.findByText('EXPIRED ist abgelaufen', { selector: 'p' })).textContent).toBe('Fehler: EXPIRED ist abgelaufen');
  });

  it('money follows the currency and locale', async () => {
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} />, { currency: 'EUR', locale: 'de-DE' });
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10{Enter}');
    // de-DE puts a no-break space before the euro sign.
    await waitFor(() => expect(statusText()).toBe('SAVE10 applied: 10,00\u00a0€ off'));
  });
});

describe('VoucherField: initial code (U2)', () => {
  it('applies initialCode once on mount, announced, with exactly one request', async () => {
    renderWithProvider(<VoucherField initialCode="PERCENT15" order={{ amount: 4000 }} {...gbp} />);
    await waitFor(() => expect(statusText()).toBe('PERCENT15 applied: 15% off, you save £6.00'));
    expect(validations()).toBe(1);
  });

  it('a rejected initialCode leaves the field open with the code and the reason', async () => {
    renderWithProvider(<VoucherField initialCode="EXPIRED" order={{ amount: 4000 }} {...gbp} />);
    await waitFor(() => expect(statusText()).toBe('EXPIRED has expired'));
    expect(input().value).toBe('EXPIRED');
    expect(input().getAttribute('aria-invalid')).toBe('true');
  });
});

describe('VoucherField: stacking', () => {
  it('lists each code with its own Remove; a rejected third code leaves both applied', async () => {
    const onRemoved = vi.fn();
    renderWithProvider(<VoucherField stacking hideToggle order={{ amount: 10000 }} {...gbp} onRemoved={onRemoved} />);
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    expect(input().value).toBe('');
    await user.type(input(), 'PERCENT15{Enter}');
    const second = await screen.findByRole('button', { name: 'Remove code PERCENT15' });
    expect(document.activeElement).toBe(second);
    const chips = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(chips).toEqual(['SAVE10£10.00 offRemove', 'PERCENT15' + '15% off · −£13.50Remove']);
    expect(validations()).toBe(2);

    await user.type(input(), 'EXPIRED{Enter}');
    await waitFor(() => expect(statusText()).toBe('EXPIRED has expired'));
    expect(screen.getAllByRole('listitem')).toHaveLength(2);

    await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    expect(onRemoved).toHaveBeenCalledWith('SAVE10');
    expect(document.activeElement).toBe(input());
    await waitFor(() => expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(['PERCENT15' + '15% off · −£15.00Remove']));
  });

  it('the same code twice is refused without a request', async () => {
    renderWithProvider(<VoucherField stacking hideToggle order={{ amount: 10000 }} {...gbp} />);
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    await user.type(input(), 'SAVE10{Enter}');
    await waitFor(() => expect(statusText()).toBe('SAVE10 is already applied'));
    expect(validations()).toBe(1);
  });
});

describe('VoucherField: re-check when the cart changes (U11)', () => {
  it('keeps a code that no longer applies visible with its reason, announces it, and recovers when the cart grows', async () => {
    const ui = (amount: number) => <VoucherField hideToggle order={{ amount }} debounceMs={50} {...gbp} />;
    const { rerender, container } = renderWithProvider(ui(6000));
    const user = userEvent.setup();
    await user.type(input(), 'MIN50{Enter}');
    await waitFor(() => expect(statusText()).toBe('MIN50 applied: 10% off, you save £6.00'));
    expect(validations()).toBe(1);

    rerender(ui(6000));
    rerender(ui(5000));
    rerender(ui(4000));
    await waitFor(() => expect(statusText()).toBe('Add £10.00 more to use MIN50'));
    const chip = screen.getByRole('listitem');
    expect(chip.getAttribute('data-state')).toBe('invalid');
    expect(chip.textContent).toBe('MIN50Add £10.00 more to use MIN50Remove');
    expect(container.querySelector('.voucher-field')?.getAttribute('data-state')).toBe('invalid');
    expect(validations()).toBe(2);

    rerender(ui(7000));
    await waitFor(() => expect(statusText()).toBe('MIN50 applied: 10% off, you save £7.00'));
    expect(screen.getByRole('listitem').getAttribute('data-state')).toBe('valid');
    expect(validations()).toBe(3);
  });
});

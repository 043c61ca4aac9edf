import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { VoucherField } from 'voucherkit';
import { renderWithProvider, sandbox, setupSandboxServer, statusText, validations } from './harness.js';

setupSandboxServer();

const gbp = { currency: 'GBP', locale: 'en-GB' } as const;
const input = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });
const applyButton = () => screen.getByRole('button', { name: /^(Apply|Applying…)$/ });

async function openAndType(code: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Have a promo code?' }));
  await user.type(input(), code);
  return user;
}

describe('VoucherField: disclosure (U1, A2)', () => {
  it('starts collapsed: a toggle button and no visible textbox', () => {
    renderWithProvider(<VoucherField />);
    const toggle = screen.getByRole('button', { name: 'Have a promo code?' });
    expect(toggle.getAttribute('type')).toBe('button');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const panel = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    expect(panel?.hidden).toBe(true);
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('opening flips aria-expanded and moves focus into the input; closing hides it again', async () => {
    const user = userEvent.setup();
    renderWithProvider(<VoucherField />);
    const toggle = screen.getByRole('button', { name: 'Have a promo code?' });
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(input());
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('defaultOpen shows the field at once without stealing focus; hideToggle drops the disclosure', () => {
    const { unmount } = renderWithProvider(<VoucherField defaultOpen />);
    expect(screen.getByRole('button', { name: 'Have a promo code?' }).getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).not.toBe(input());
    unmount();
    renderWithProvider(<VoucherField hideToggle />);
    expect(screen.queryByRole('button', { name: 'Have a promo code?' })).toBeNull();
    expect(input()).toBeTruthy();
  });
});

describe('VoucherField: markup and input attributes (A1, U5)', () => {
  it('has a real label, mobile-friendly input attributes, an Apply type=button and an empty status region from the start', () => {
    renderWithProvider(<VoucherField hideToggle autoCapitalize="characters" />);
    const field = input();
    const label = screen.getByText('Promo code');
    expect(label.tagName).toBe('LABEL');
    expect(label.getAttribute('for')).toBe(field.id);
    expect(field.getAttribute('autocomplete')).toBe('off');
    expect(field.getAttribute('autocorrect')).toBe('off');
    expect(field.getAttribute('spellcheck')).toBe('false');
    expect(field.getAttribute('autocapitalize')).toBe('characters');
    expect(field.hasAttribute('aria-invalid')).toBe(false);
    expect(field.hasAttribute('maxlength')).toBe(false);
    expect(applyButton().getAttribute('type')).toBe('button');
    const status = screen.getByRole('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(status.getAttribute('aria-atomic')).toBe('true');
    expect(status.textContent).toBe('');
  });

  it('passes className and style through, keeps the stable class, marks unstyled, exposes data-state', () => {
    const { container } = renderWithProvider(<VoucherField className="mine" style={{ maxWidth: 320 }} unstyled />);
    const root = container.querySelector('.voucher-field') as HTMLElement;
    expect(root.className).toBe('voucher-field mine');
    expect(root.style.maxWidth).toBe('320px');
    expect(root.getAttribute('data-unstyled')).toBe('true');
    expect(root.getAttribute('data-state')).toBe('idle');
  });

  it('a hint is linked through aria-describedby, and the error id is added beside it after a failure', async () => {
    renderWithProvider(<VoucherField hideToggle messages={{ hint: 'Codes are in your welcome e-mail' }} />);
    const hint = screen.getByText('Codes are in your welcome e-mail');
    expect(input().getAttribute('aria-describedby')).toBe(hint.id);
    const user = userEvent.setup();
    await user.click(applyButton());
    const error = await screen.findByText('Enter a promo code', { selector: 'p' });
    expect(input().getAttribute('aria-describedby')?.split(' ')).toEqual([hint.id, error.id]);
  });
});

describe('VoucherField: applying and removing (U3, U7, U8, A5, A6, A7)', () => {
  it('applies a code: chip with what it saves, announcement, focus on Remove; Remove restores the input and focuses it', async () => {
    const onApplied = vi.fn();
    const onRemoved = vi.fn();
    const { container } = renderWithProvider(<VoucherField order={{ amount: 4000 }} {...gbp} onApplied={onApplied} onRemoved={onRemoved} />);
    const user = await openAndType('PERCENT15');
    await user.click(applyButton());
    const remove = await screen.findByRole('button', { name: 'Remove code PERCENT15' });
    expect(statusText()).toBe('PERCENT15 applied: 15% off, you save £6.00');
    expect(container.querySelector('.voucher-field__chip')?.textContent).toContain('15% off · −£6.00');
    expect(document.activeElement).toBe(remove);
    expect(screen.queryByRole('textbox')).toBeNull();
    expect(container.querySelector('.voucher-field')?.getAttribute('data-state')).toBe('valid');
    expect(onApplied).toHaveBeenCalledTimes(1);
    expect(onApplied.mock.calls[0]?.[0]).toMatchObject({ valid: true, order: { totalDiscountAmount: 600, totalAmount: 3400 } });

    await user.click(remove);
    expect(document.activeElement).toBe(input());
    expect(input().value).toBe('');
    expect(statusText()).toBe('Code removed');
    expect(onRemoved).toHaveBeenCalledWith('PERCENT15');
    expect(screen.queryByRole('button', { name: 'Remove code PERCENT15' })).toBeNull();
  });

  it('the Remove button is at least 24×24 CSS px in the default theme (its class is styled)', async () => {
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} />);
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10{Enter}');
    const remove = await screen.findByRole('button', { name: 'Remove code SAVE10' });
    expect(remove.className).toBe('voucher-field__remove');
    expect(remove.textContent).toBe('Remove');
  });

  it('Enter applies, calls preventDefault and never submits the surrounding form; one request', async () => {
    const onSubmit = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    renderWithProvider(
      <form onSubmit={onSubmit}>
        <VoucherField hideToggle order={{ amount: 4000 }} {...gbp} />
        <button type="submit">Place order</button>
      </form>,
    );
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    expect(onSubmit).not.toHaveBeenCalled();
    expect(validations()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    // Apply is type="button": clicking it inside the form does not submit it either.
    await user.type(input(), 'EXPIRED');
    await user.click(applyButton());
    await waitFor(() => expect(statusText()).toBe('EXPIRED has expired'));
    expect(onSubmit).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Place order' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('a double click sends one request; Apply stays focusable with aria-disabled and "Applying…" while busy', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 150, path: '/client/v1/validations' });
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} />);
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10');
    await user.dblClick(applyButton());
    expect(applyButton().textContent).toBe('Applying…');
    expect(applyButton().getAttribute('aria-disabled')).toBe('true');
    expect(applyButton().hasAttribute('disabled')).toBe(false);
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    expect(validations()).toBe(1);
  });

  it('the field stays editable while a check runs; typing aborts it and nothing is applied', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 300, path: '/client/v1/validations' });
    const onApplied = vi.fn();
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} onApplied={onApplied} />);
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10{Enter}');
    await user.type(input(), 'X');
    expect(input().value).toBe('SAVE10X');
    expect(applyButton().textContent).toBe('Apply');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(onApplied).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: /Remove code/ })).toBeNull();
  });

  it('an empty Apply says "Enter a promo code" without a request; a 200-character paste is refused with a message', async () => {
    renderWithProvider(<VoucherField hideToggle />);
    const user = userEvent.setup();
    await user.click(applyButton());
    expect(await screen.findByText('Enter a promo code', { selector: 'p' })).toBeTruthy();
    await user.click(input());
    await user.paste('A'.repeat(200));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(statusText()).toBe('A promo code has at most 64 characters. Check the code and try again'));
    expect(input().value).toBe('A'.repeat(200));
    expect(validations()).toBe(0);
  });

  it('normalises forgivingly: " SAVE10\\n" pasted is sent as SAVE10', async () => {
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} />);
    const user = userEvent.setup();
    await user.click(input());
    await user.paste(' SAVE10\n\t');
    await user.click(applyButton());
    expect(await screen.findByRole('button', { name: 'Remove code SAVE10' })).toBeTruthy();
  });
});

describe('VoucherField: slow checks and StrictMode', () => {
  it('says "Checking code…" only once a check has taken about a second, then the result', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 1500, path: '/client/v1/validations' });
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} {...gbp} />);
    const user = userEvent.setup();
    await user.type(input(), 'SAVE10{Enter}');
    expect(statusText()).toBe('');
    await waitFor(() => expect(statusText()).toBe('Checking code…'), { timeout: 1400 });
    await waitFor(() => expect(statusText()).toBe('SAVE10 applied: £10.00 off'), { timeout: 2000 });
  });

  it('works under StrictMode: apply, remove and focus as usual, one request per apply', async () => {
    renderWithProvider(
      <StrictMode>
        <VoucherField order={{ amount: 4000 }} {...gbp} />
      </StrictMode>,
    );
    const user = await openAndType('SAVE10');
    expect(document.activeElement).toBe(input());
    await user.keyboard('{Enter}');
    const remove = await screen.findByRole('button', { name: 'Remove code SAVE10' });
    expect(document.activeElement).toBe(remove);
    await user.click(remove);
    expect(document.activeElement).toBe(input());
    expect(validations()).toBe(1);
  });
});

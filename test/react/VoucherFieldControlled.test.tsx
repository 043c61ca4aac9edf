import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { VoucherField, type VoucherFieldProps } from 'voucherkit';
import { renderWithProvider, setupSandboxServer, statusText, validations } from './harness.js';

setupSandboxServer();

const gbp = { currency: 'GBP', locale: 'en-GB' } as const;
const order = { amount: 4000 };
const input = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });
const chips = () => screen.queryAllByRole('button', { name: /^Remove code / }).map((b) => b.getAttribute('aria-label'));

/** A parent that owns the codes, as the README does, and can set them from outside the field. */
function Parent(props: VoucherFieldProps & { start?: string[]; onSet?: (set: (codes: string[]) => void) => void }) {
  const { start = [], onSet, ...field } = props;
  const [codes, setCodes] = useState<string[]>(start);
  onSet?.(setCodes);
  return (
    <VoucherField
      order={order}
      {...gbp}
      {...field}
      codes={codes}
      onCodesChange={(next) => {
        field.onCodesChange?.(next);
        setCodes(next);
      }}
    />
  );
}

describe('VoucherField, controlled (`codes` + `onCodesChange`)', () => {
  it('asks for each change through onCodesChange and shows what the parent passes back', async () => {
    const user = userEvent.setup();
    const onCodesChange = vi.fn();
    const onApplied = vi.fn();
    const onRemoved = vi.fn();
    renderWithProvider(<Parent hideToggle onCodesChange={onCodesChange} onApplied={onApplied} onRemoved={onRemoved} />);
    await user.type(input(), 'SAVE10{Enter}');
    await waitFor(() => expect(chips()).toEqual(['Remove code SAVE10']));
    expect(onCodesChange).toHaveBeenLastCalledWith(['SAVE10']);
    expect(onApplied).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    expect(onCodesChange).toHaveBeenLastCalledWith([]);
    expect(onRemoved).toHaveBeenCalledWith('SAVE10');
    expect(chips()).toEqual([]);
  });

  it('a change the parent does not take is not shown: the field renders the `codes` it is given', async () => {
    const user = userEvent.setup();
    const onCodesChange = vi.fn();
    renderWithProvider(<VoucherField hideToggle order={order} {...gbp} codes={[]} onCodesChange={onCodesChange} />);
    await user.type(input(), 'SAVE10{Enter}');
    await waitFor(() => expect(onCodesChange).toHaveBeenCalledWith(['SAVE10']));
    expect(chips()).toEqual([]);
  });

  it('codes set by the parent are checked (one request) and shown; clearing them removes the chip without a request', async () => {
    let set: (codes: string[]) => void = () => undefined;
    renderWithProvider(<Parent onSet={(fn) => (set = fn)} />);
    act(() => set(['PERCENT15']));
    await waitFor(() => expect(screen.getByText('15% off · −£6.00')).toBeTruthy());
    expect(chips()).toEqual(['Remove code PERCENT15']);
    expect(validations()).toBe(1);
    act(() => set([]));
    expect(chips()).toEqual([]);
    expect(validations()).toBe(1);
  });

  it('initialCode applies once through onCodesChange, and is skipped when the parent already has it', async () => {
    const onCodesChange = vi.fn();
    const { unmount } = renderWithProvider(<Parent initialCode="SAVE10" onCodesChange={onCodesChange} />);
    await waitFor(() => expect(onCodesChange).toHaveBeenCalledWith(['SAVE10']));
    expect(chips()).toEqual(['Remove code SAVE10']);
    unmount();
    onCodesChange.mockClear();
    renderWithProvider(<Parent start={['SAVE10']} initialCode="save10" onCodesChange={onCodesChange} />);
    await waitFor(() => expect(document.querySelector('.voucher-field__chip')?.getAttribute('data-state')).toBe('valid'));
    expect(onCodesChange).not.toHaveBeenCalled();
    expect(screen.queryByText(/already applied/)).toBeNull();
  });
});

describe('VoucherField, uncontrolled (`defaultCodes`)', () => {
  it('starts with the codes applied, re-checked in one request, and calls onCodesChange as it changes them', async () => {
    const user = userEvent.setup();
    const onCodesChange = vi.fn();
    renderWithProvider(<VoucherField order={order} {...gbp} defaultCodes={['SAVE10']} onCodesChange={onCodesChange} />);
    expect(chips()).toEqual(['Remove code SAVE10']);
    await waitFor(() => expect(screen.getByText(/£10\.00/)).toBeTruthy());
    expect(validations()).toBe(1);
    await user.click(screen.getByRole('button', { name: 'Remove code SAVE10' }));
    expect(onCodesChange).toHaveBeenLastCalledWith([]);
    expect(chips()).toEqual([]);
    expect(statusText()).toBe('Code removed');
  });

  it('a default code that no longer applies shows as a rejected chip with its reason', async () => {
    renderWithProvider(<VoucherField order={order} {...gbp} defaultCodes={['EXPIRED']} />);
    await waitFor(() => expect(document.querySelector('.voucher-field__chip')?.getAttribute('data-state')).toBe('invalid'));
    expect(screen.getByText('EXPIRED has expired')).toBeTruthy();
  });
});

describe('VoucherField, controlled: focus', () => {
  it('focus lands on the new chip’s Remove after apply, and back in the input after Remove, though the parent renders the list', async () => {
    const user = userEvent.setup();
    renderWithProvider(<Parent hideToggle />);
    await user.type(input(), 'SAVE10{Enter}');
    const remove = await screen.findByRole('button', { name: 'Remove code SAVE10' });
    await waitFor(() => expect(document.activeElement).toBe(remove));
    await user.click(remove);
    await waitFor(() => expect(document.activeElement).toBe(input()));
  });
});

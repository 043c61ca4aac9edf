import { screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { belowTop, fieldElement, mountField, startFieldSandbox, textbox } from '../support/fieldFrame.js';

// Issue 24: the field takes the room of what it shows, keeps the input and Apply on one row down to 280 px, and an
// answer that comes late (a slow network) moves nothing below it (no layout shift without recent input).
const { sandbox, start, stop, reset } = startFieldSandbox();
beforeAll(start);
afterEach(reset);
afterAll(stop);

const box = (element: Element) => element.getBoundingClientRect();
const height = (element: Element) => Math.round(box(element).height);
const frames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Layout-shift entries from now on, as Chromium reports them (hadRecentInput: within 500 ms of an input). */
function recordShifts() {
  const entries: Array<{ value: number; hadRecentInput: boolean }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) entries.push(entry as unknown as { value: number; hadRecentInput: boolean });
  });
  observer.observe({ type: 'layout-shift' });
  return {
    /** Shifts the shopper did not cause (what CLS counts). */
    async withoutInput() {
      await frames();
      for (const entry of observer.takeRecords()) entries.push(entry as unknown as { value: number; hadRecentInput: boolean });
      observer.disconnect();
      return entries.filter((e) => !e.hadRecentInput);
    },
    entries,
  };
}

describe('VoucherField layout: no reserved blank space', () => {
  it('collapsed, the field is the toggle line and nothing more; opening grows it', async () => {
    mountField();
    const toggle = screen.getByRole('button', { name: 'Have a promo code?' });
    expect(height(fieldElement())).toBe(height(toggle));
    const collapsed = belowTop();
    await userEvent.click(toggle);
    const open = fieldElement().querySelector('.voucher-field__panel')!;
    expect(belowTop() - collapsed).toBeGreaterThanOrEqual(height(open));
  });

  it('applied, the field is the chip row and nothing more', async () => {
    mountField({ initialCode: 'SAVE10' });
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    await frames();
    expect(height(fieldElement())).toBe(height(fieldElement().querySelector('.voucher-field__chips')!));
  });

  it('an answer on time collapses the open panel into the chip at once', async () => {
    mountField();
    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.keyboard('SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Remove code SAVE10' });
    await frames();
    expect(height(fieldElement())).toBe(height(fieldElement().querySelector('.voucher-field__chips')!));
  });
});

describe('VoucherField layout: one row', () => {
  for (const width of [280, 390, 1280]) {
    it(`at ${width} px: the label above, the input and Apply on one row to the column's end, the chip as wide`, async () => {
      mountField({ defaultOpen: true, hideToggle: true, stacking: true, defaultCodes: ['SAVE10'] }, { width });
      await screen.findByRole('button', { name: 'Remove code SAVE10' });
      const label = box(screen.getByText('Promo code', { selector: 'label' }));
      const input = box(textbox());
      const apply = box(screen.getByRole('button', { name: 'Apply' }));
      const field = box(fieldElement());
      const chip = box(screen.getByRole('listitem'));
      expect(label.bottom).toBeLessThanOrEqual(input.top);
      expect(apply.top).toBe(input.top);
      expect(apply.left).toBeGreaterThan(input.right);
      expect(Math.round(input.left)).toBe(Math.round(field.left));
      expect(Math.round(apply.right)).toBe(Math.round(field.right));
      expect(input.width).toBeGreaterThan(apply.width);
      expect([chip.left, chip.width].map(Math.round)).toEqual([field.left, field.width].map(Math.round));
    });
  }

  it('narrower than the row fits (a phone at 200% zoom): Apply wraps under the input and takes the whole line', () => {
    mountField({ defaultOpen: true, hideToggle: true }, { width: 200 });
    const input = box(textbox());
    const apply = box(screen.getByRole('button', { name: 'Apply' }));
    expect(apply.top).toBeGreaterThanOrEqual(input.bottom);
    expect(Math.round(apply.width)).toBe(Math.round(input.width));
  });
});

describe('VoucherField layout: an answer 1.5 s late moves nothing below the field', () => {
  it('a refusal takes the error line reserved while the code was checked', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 1500, path: '/client/v1/validations' });
    mountField();
    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.keyboard('EXPIRED{Enter}');
    await screen.findByRole('button', { name: 'Applying…' });
    await frames();
    const checking = belowTop();
    const shifts = recordShifts();
    await screen.findByText('EXPIRED has expired', { selector: '.voucher-field__error' }, { timeout: 5000 });
    expect(belowTop()).toBe(checking);
    expect(await shifts.withoutInput()).toEqual([]);
  });

  it('a code that applies keeps the open panel’s box under the chip until focus leaves the field', async () => {
    sandbox.setFaults({ kind: 'latency', ms: 1500, path: '/client/v1/validations' });
    mountField();
    await userEvent.click(screen.getByRole('button', { name: 'Have a promo code?' }));
    await userEvent.keyboard('SAVE10{Enter}');
    await screen.findByRole('button', { name: 'Applying…' });
    await frames();
    const checking = belowTop();
    const shifts = recordShifts();
    const remove = await screen.findByRole('button', { name: 'Remove code SAVE10' }, { timeout: 5000 });
    await waitFor(() => expect(document.activeElement).toBe(remove));
    await frames();
    expect(belowTop()).toBe(checking);
    expect(await shifts.withoutInput()).toEqual([]);
    // The shopper's next move (focus leaves): now the field is the chip row, a shift the shopper caused.
    await userEvent.click(screen.getByTestId('below'));
    await frames();
    expect(height(fieldElement())).toBe(height(fieldElement().querySelector('.voucher-field__chips')!));
  });

  it('a cart change that turns the applied code invalid rewrites the chip in place', async () => {
    const { update } = mountField({ initialCode: 'MIN50', order: { amount: 6000 }, debounceMs: 0 });
    await screen.findByRole('button', { name: 'Remove code MIN50' });
    await frames();
    const applied = belowTop();
    const shifts = recordShifts();
    update({ order: { amount: 4000 } });
    await waitFor(() => expect(screen.getByRole('listitem').getAttribute('data-state')).toBe('invalid'));
    await screen.findByText('Add £10.00 more to use MIN50', { selector: '.voucher-field__saving' });
    expect(belowTop()).toBe(applied);
    expect(await shifts.withoutInput()).toEqual([]);
  });
});

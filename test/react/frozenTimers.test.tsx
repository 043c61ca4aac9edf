import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useValidate, useVoucherify, VoucherField, voucherKeys } from 'voucherkit';
import { Providers, recordValidationRequests, renderWithProvider, setupSandboxServer, statusText, validations } from './harness.js';

setupSandboxServer();

// Timers are faked and never advanced: nothing on the path from Apply to the applied chip may wait for a task
// (the provider once passed every tracker change on one setTimeout later, so a new id never reached React here).
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const input = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });

/** Lets promises (MSW, the sandbox, React Query, React's act queue) run; never moves a fake clock. */
async function settle(until: () => boolean) {
  for (let turn = 0; turn < 100 && !until(); turn++) {
    await act(async () => {
      await Promise.resolve();
    });
  }
}

function TrackingId() {
  return <span data-testid="tracking-id">{useVoucherify().trackingId ?? 'none'}</span>;
}
const shownId = () => screen.getByTestId('tracking-id').textContent;

describe('a new shopper (no cookie, no identity) with timers never advanced', () => {
  it('the first code sends exactly one validation request and shows applied', async () => {
    expect(document.cookie).toBe('');
    const recorder = recordValidationRequests();
    renderWithProvider(<VoucherField hideToggle order={{ amount: 4000 }} currency="GBP" locale="en-GB" />);
    fireEvent.change(input(), { target: { value: 'SAVE10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await settle(() => screen.queryByRole('button', { name: 'Remove code SAVE10' }) !== null);
    expect(screen.getByRole('button', { name: 'Remove code SAVE10' })).toBeTruthy();
    expect(statusText()).toBe('SAVE10 applied: £10.00 off');
    const [body] = await recorder.bodies();
    recorder.stop();
    expect(recorder.requests).toHaveLength(1);
    expect(body).not.toHaveProperty('tracking_id');
    expect(validations()).toBe(1);
  });

  it('the tracker adopts the issued id at once, and the query re-keyed on it sends no second request', async () => {
    renderWithProvider(
      <>
        <TrackingId />
        <VoucherField hideToggle order={{ amount: 4000 }} currency="GBP" locale="en-GB" />
      </>,
    );
    expect(shownId()).toBe('none');
    fireEvent.change(input(), { target: { value: 'SAVE10' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await settle(() => shownId() !== 'none' && screen.queryByRole('button', { name: 'Remove code SAVE10' }) !== null);
    expect(shownId()).toMatch(/^track_/);
    expect(document.cookie).toContain('voucherify_tracking_id=track_');
    expect(statusText()).toBe('SAVE10 applied: £10.00 off');
    // More turns for anything the new key could still set off.
    await settle(() => false);
    expect(validations()).toBe(1);
  });

  it('useValidate: the answer is cached under the new id before it is adopted, and under the id it was asked with', async () => {
    const queryClient = new QueryClient();
    const order = { amount: 4000 };
    const wrapper = ({ children }: { children: ReactNode }) => <Providers queryClient={queryClient}>{children}</Providers>;
    const { result } = renderHook(() => ({ query: useValidate('SAVE10', { order }), voucherify: useVoucherify() }), { wrapper });
    await settle(() => result.current.voucherify.trackingId !== null);
    const trackingId = result.current.voucherify.trackingId;
    expect(trackingId).toMatch(/^track_/);
    expect(result.current.query.data).toMatchObject({ valid: true, trackingId });
    await settle(() => false);
    expect(validations()).toBe(1);
    expect(queryClient.getQueryData(voucherKeys.validate(['SAVE10'], { order }, null))).toMatchObject({ valid: true, trackingId });
  });
});

import { act, render, screen } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode, useState, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useVoucherInput, VoucherField } from 'voucherkit';
import { Providers, setupSandboxServer } from './harness.js';

setupSandboxServer();

afterEach(() => {
  vi.unstubAllEnvs();
});

function Bare(props: { inputProps?: Record<string, string>; label?: boolean }) {
  const voucher = useVoucherInput({ defaultOpen: true });
  const [, setTick] = useState(0);
  return (
    <div>
      {props.label && <label {...voucher.getLabelProps()}>Code</label>}
      <input {...voucher.getInputProps(props.inputProps)} />
      <button type="button" onClick={() => setTick((n) => n + 1)}>
        Render again
      </button>
    </div>
  );
}

const wrapper = ({ children }: { children: ReactNode }) => <Providers queryClient={new QueryClient()}>{children}</Providers>;
const labelWarnings = (warn: { mock: { calls: unknown[][] } }) => warn.mock.calls.filter(([text]) => String(text).includes('has no label'));

describe('useVoucherInput: the missing-label warning (development only)', () => {
  it('warns once when the input is rendered without a label, naming the fix', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<Bare />, { wrapper });
    act(() => screen.getByRole('button', { name: 'Render again' }).click());
    expect(labelWarnings(warn)).toHaveLength(1);
    expect(String(labelWarnings(warn)[0]?.[0])).toContain('getLabelProps()');
  });

  it('warns once under StrictMode too', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(
      <StrictMode>
        <Bare />
      </StrictMode>,
      { wrapper },
    );
    expect(labelWarnings(warn)).toHaveLength(1);
  });

  it('stays silent with getLabelProps, with aria-label or aria-labelledby, and with VoucherField', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<Bare label />, { wrapper });
    render(<Bare inputProps={{ 'aria-label': 'Promo code' }} />, { wrapper });
    render(<Bare inputProps={{ 'aria-labelledby': 'elsewhere' }} />, { wrapper });
    render(<VoucherField />, { wrapper });
    render(<VoucherField hideToggle />, { wrapper });
    expect(labelWarnings(warn)).toEqual([]);
  });

  it('stays silent in production', () => {
    vi.stubEnv('NODE_ENV', 'production');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    render(<Bare />, { wrapper });
    expect(labelWarnings(warn)).toEqual([]);
  });
});

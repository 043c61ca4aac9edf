import { darkThemeColors } from '../../stories/support/darkTheme.js';
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import { setupWorker } from 'msw/browser';
import type { CSSProperties } from 'react';
import { VoucherField, VoucherProvider, type VoucherFieldProps } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import 'voucherkit/styles.css';

/** One sandbox behind an MSW worker for a Chromium test file; `reset` between tests. */
export function startFieldSandbox() {
  const sandbox = createSandbox();
  const worker = setupWorker(...sandboxHandlers(sandbox));
  return {
    sandbox,
    start: () => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }),
    stop: () => worker.stop(),
    reset() {
      cleanup();
      sandbox.reset();
      document.cookie = 'voucherify_tracking_id=; Max-Age=0; Path=/';
    },
  };
}

/** The dark theme of the Appearance story: the field's `--voucherkit-*` custom properties alone. */
export const darkTheme = darkThemeColors;

export interface FrameOptions {
  /** The column's inline size in CSS px (the field's container). */
  width?: number;
  dark?: boolean;
}

/**
 * Renders the field in a column of `width` px, in DejaVu Sans 16 px (a Debian font, the same in every run), above
 * a stand-in for the order summary (`below`), whose position tells whether the field moved the page.
 */
export function mountField(field: VoucherFieldProps = {}, { width = 390, dark = false }: FrameOptions = {}) {
  const queryClient = new QueryClient();
  const frame: CSSProperties = {
    boxSizing: 'content-box',
    width,
    padding: 16,
    font: "16px/1.5 'DejaVu Sans', sans-serif",
    color: dark ? '#f3f4f6' : '#1f2328',
    background: dark ? '#0f172a' : '#ffffff',
    ...(dark ? darkTheme : {}),
  };
  const ui = (props: VoucherFieldProps) => (
    <main>
      <div data-testid="frame" style={frame}>
        <form aria-label="Checkout" onSubmit={(event) => event.preventDefault()}>
          <VoucherProvider
            clientApplicationId={SANDBOX_KEYS.clientApplicationId}
            clientToken={SANDBOX_KEYS.clientToken}
            queryClient={queryClient}
            currency="GBP"
            locale="en-GB"
          >
            <VoucherField order={{ amount: 4000 }} {...props} />
          </VoucherProvider>
        </form>
        <p data-testid="below" style={{ margin: '16px 0 0', borderTop: '1px solid #6e7781', paddingTop: 8 }}>
          Subtotal £40.00
        </p>
      </div>
    </main>
  );
  const result = render(ui(field));
  return { ...result, update: (props: VoucherFieldProps) => result.rerender(ui({ ...field, ...props })) };
}

export const textbox = () => screen.getByRole<HTMLInputElement>('textbox', { name: 'Promo code' });
export const fieldElement = () => document.querySelector<HTMLElement>('.voucher-field')!;
export const belowTop = () => Math.round(screen.getByTestId('below').getBoundingClientRect().top);

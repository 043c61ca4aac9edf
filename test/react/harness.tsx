import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, type RenderResult } from '@testing-library/react';
import { setupServer } from 'msw/node';
import type { ReactElement, ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { VoucherProvider, type VoucherProviderProps } from 'voucherkit';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxHandlers } from 'voucherkit/sandbox/msw';
import { recordSandbox } from '../support/recordSandbox.js';

/** One sandbox per test file, answering through MSW exactly as api.voucherify.io would. */
export const sandbox = createSandbox();
export const server = setupServer(...sandboxHandlers(sandbox));

export const COOKIE = 'voucherify_tracking_id';

export function clearCookies(): void {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
}

/** Starts MSW for the file and resets the sandbox, cookies and the DOM after each test. */
export function setupSandboxServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    cleanup();
    server.resetHandlers();
    sandbox.reset();
    clearCookies();
  });
  afterAll(() => server.close());
}

/** Validation requests the sandbox received so far. */
export const validations = () => sandbox.state.requests.filter((r) => r.path === '/client/v1/validations').length;

type ProviderOverrides = Partial<Omit<VoucherProviderProps, 'children'>>;

export function Providers({ children, ...props }: ProviderOverrides & { children?: ReactNode }) {
  return (
    <VoucherProvider clientApplicationId={SANDBOX_KEYS.clientApplicationId} clientToken={SANDBOX_KEYS.clientToken} {...props}>
      {children}
    </VoucherProvider>
  );
}

/** Renders `ui` inside a provider with its own fresh QueryClient. */
export function renderWithProvider(ui: ReactElement, props: ProviderOverrides = {}): RenderResult & { queryClient: QueryClient } {
  const queryClient = props.queryClient ?? new QueryClient();
  const result = render(ui, {
    wrapper: ({ children }) => (
      <Providers queryClient={queryClient} {...props}>
        {children}
      </Providers>
    ),
  });
  return { ...result, queryClient };
}

export const statusText = () => (screen.getByRole('status').textContent ?? '').trim();

/** Every validation request MSW sees from now on (cloned, so bodies stay readable), until the returned stop(). */
export function recordValidationRequests(): { requests: Request[]; bodies: () => Promise<Array<Record<string, unknown>>>; stop(): void } {
  const recorder = recordSandbox(sandbox, { path: '/client/v1/validations' });
  const stop = recorder.listen(server.events);
  return { requests: recorder.requests, bodies: recorder.bodies, stop };
}

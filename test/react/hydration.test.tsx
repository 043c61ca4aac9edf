import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useVoucherify, VoucherProvider, type VoucherProviderProps } from 'voucherkit';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { clearCookies, COOKIE } from './harness.js';

// Server markup hydrated in the browser: the first client render must match what the server rendered,
// whatever the cookie holds, so React reports no mismatch.

const STORED = 'track_9B0kB92+bJa8a+PegaWREw==';
const keys = { clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken };

function TrackingId() {
  return <output>{useVoucherify().trackingId ?? 'none'}</output>;
}

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
  clearCookies();
});

async function hydrate(props: Partial<VoucherProviderProps>) {
  const ui = (
    <VoucherProvider {...keys} {...props}>
      <TrackingId />
    </VoucherProvider>
  );
  const serverHtml = renderToString(ui);
  const container = document.createElement('div');
  container.innerHTML = serverHtml;
  document.body.append(container);
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const recoverable: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(container, ui, { onRecoverableError: (error) => recoverable.push(error) });
  });
  return { serverHtml, container, errors: errors.mock.calls, recoverable };
}

describe('hydration of the server-rendered tracking id', () => {
  it('consent false with initialTrackingId: server and client both render no id, without a mismatch', async () => {
    document.cookie = `${COOKIE}=${encodeURIComponent(STORED)}; Path=/`;
    const { serverHtml, container, errors, recoverable } = await hydrate({ consent: false, initialTrackingId: STORED });
    expect(serverHtml).toBe('<output>none</output>');
    expect(recoverable).toEqual([]);
    expect(errors).toEqual([]);
    expect(container.textContent).toBe('none');
    expect(document.cookie).toBe('');
  });

  it('consent true with initialTrackingId: server and client both render the id, without a mismatch', async () => {
    const { serverHtml, container, errors, recoverable } = await hydrate({ initialTrackingId: STORED });
    expect(serverHtml).toBe(`<output>${STORED}</output>`);
    expect(recoverable).toEqual([]);
    expect(errors).toEqual([]);
    expect(container.textContent).toBe(STORED);
  });
});

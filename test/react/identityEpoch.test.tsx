import { QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { useValidate, useVoucherify, useVoucherInput, type ApplyOutcome } from 'voucherkit';
import { COOKIE, Providers, recordValidationRequests, sandbox, setupSandboxServer } from './harness.js';

setupSandboxServer();

// "A late answer crosses a sign-in", through React Query: the VIP applies a code, someone else signs in before the
// answer arrives. The VIP's `track_` id must not become the next shopper's, in the tracker, the cookie or the cache.
const VIP = 'vip@example.com';
const NEXT = 'next@example.com';
const order = { amount: 4000 };

function setup<T>(use: () => T) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <Providers queryClient={queryClient}>{children}</Providers>;
  const hook = renderHook(() => ({ voucherify: useVoucherify(), value: use() }), { wrapper });
  return { ...hook, queryClient };
}

const cookie = () =>
  decodeURIComponent(
    document.cookie
      .split('; ')
      .find((part) => part.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1) ?? '',
  );
const sentIds = async (recorder: ReturnType<typeof recordValidationRequests>) => (await recorder.bodies()).map((body) => body.tracking_id ?? null);

describe('a late answer crosses a sign-in (React)', () => {
  it('the VIP’s late answer is not adopted: useVoucherify().trackingId and the cookie are the next shopper’s', async () => {
    const recorder = recordValidationRequests();
    const { result } = setup(() => useVoucherInput({ order }));
    act(() => result.current.voucherify.setIdentity(VIP));
    // Only the VIP's request is slow: the next shopper's answers first, the VIP's arrives after it.
    sandbox.setFaults({ kind: 'latency', ms: 150, times: 1, path: '/client/v1/validations' });
    let late!: Promise<ApplyOutcome>;
    act(() => void (late = result.current.value.apply('VIPONLY')));
    await waitFor(() => expect(recorder.requests).toHaveLength(1));
    act(() => result.current.voucherify.setIdentity(NEXT));
    const outcome = await act(() => late);
    const vipId = outcome.result?.trackingId;
    expect(vipId).toMatch(/^track_/);
    // The code applied from the VIP's answer is checked again for the next shopper, who may not use it.
    await waitFor(() => expect(result.current.value.status).toBe('rejected'));
    expect(await sentIds(recorder)).toEqual([VIP, NEXT]);
    await waitFor(() => expect(result.current.voucherify.trackingId).toMatch(/^track_/));
    expect(result.current.voucherify.trackingId).not.toBe(vipId);
    expect(result.current.voucherify.identity).toBe(NEXT);
    expect(cookie()).not.toBe(vipId);
    recorder.stop();
  });

  it('after a sign-in the same code for the same cart sends a new request, never the VIP’s cached answer', async () => {
    const recorder = recordValidationRequests();
    const { result } = setup(() => useVoucherInput({ order }));
    act(() => result.current.voucherify.setIdentity(VIP));
    sandbox.setFaults({ kind: 'latency', ms: 150, times: 1, path: '/client/v1/validations' });
    let late!: Promise<ApplyOutcome>;
    act(() => void (late = result.current.value.apply('SAVE10')));
    await waitFor(() => expect(recorder.requests).toHaveLength(1));
    act(() => result.current.voucherify.setIdentity(NEXT));
    const vipId = (await act(() => late)).result?.trackingId;
    await waitFor(() => expect(recorder.requests).toHaveLength(2));
    await waitFor(() => expect(result.current.value.result?.trackingId).toMatch(/^track_/));
    expect(await sentIds(recorder)).toEqual([VIP, NEXT]);
    // What the field shows for SAVE10 now is the next shopper's answer.
    expect(result.current.value.result?.trackingId).not.toBe(vipId);
    recorder.stop();
  });

  it('after a sign-out the same code for the same cart sends a new request, not the previous shopper’s cached answer', async () => {
    const recorder = recordValidationRequests();
    const { result, rerender } = setup(() => useValidate('SAVE10', { order }));
    await waitFor(() => expect(result.current.value.data?.valid).toBe(true));
    const first = result.current.value.data?.trackingId;
    act(() => result.current.voucherify.setIdentity(VIP));
    await waitFor(() => expect(recorder.requests).toHaveLength(2));
    await waitFor(() => expect(result.current.voucherify.trackingId).toMatch(/^track_/));
    act(() => result.current.voucherify.clearIdentity());
    rerender();
    await waitFor(() => expect(recorder.requests).toHaveLength(3));
    expect(await sentIds(recorder)).toEqual([null, VIP, null]);
    await waitFor(() => expect(result.current.value.data?.trackingId).toMatch(/^track_/));
    expect(result.current.value.data?.trackingId).not.toBe(first);
    recorder.stop();
  });

  it('unchanged identity: the answer is adopted and the same code for the same cart costs no second request', async () => {
    const recorder = recordValidationRequests();
    const { result } = setup(() => useVoucherInput({ order }));
    act(() => result.current.voucherify.setIdentity(VIP));
    const outcome = await act(() => result.current.value.apply('VIPONLY'));
    expect(outcome.status).toBe('applied');
    await waitFor(() => expect(result.current.voucherify.trackingId).toBe(outcome.result?.trackingId));
    expect(cookie()).toBe(outcome.result?.trackingId);
    expect(result.current.value.status).toBe('applied');
    expect(recorder.requests).toHaveLength(1);
    recorder.stop();
  });
});

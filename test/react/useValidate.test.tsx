import { QueryClient } from '@tanstack/react-query';
import { act, render, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import {
  createTracker,
  createVoucherifyClient,
  useValidate,
  useVoucherify,
  validateQueryOptions,
  voucherKeys,
  type Order,
  type UseValidateOptions,
} from 'voucherkit';
import { orderFingerprint } from 'voucherkit/core';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';
import { COOKIE, Providers, recordValidationRequests, sandbox, setupSandboxServer, validations } from './harness.js';

setupSandboxServer();

function setup(code: string | string[] | null, options: UseValidateOptions) {
  const queryClient = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <Providers queryClient={queryClient}>{children}</Providers>;
  const hook = renderHook(
    (props: { code: string | string[] | null; options: UseValidateOptions }) => ({
      query: useValidate(props.code, props.options),
      voucherify: useVoucherify(),
    }),
    { initialProps: { code, options }, wrapper },
  );
  return { ...hook, queryClient };
}

describe('voucherKeys', () => {
  it("is ['voucherkit', 'validate', codes, orderFingerprint, trackingId, epoch]", () => {
    const order: Order = { amount: 4000, items: [{ product_id: 'p', quantity: 1 }] };
    expect(voucherKeys.validate(['SAVE10'], { order }, 'track_x')).toEqual(['voucherkit', 'validate', ['SAVE10'], orderFingerprint(order), 'track_x', 0]);
    expect(voucherKeys.validate(['SAVE10'], { order }, null, 2)).not.toEqual(voucherKeys.validate(['SAVE10'], { order }, null));
    expect(voucherKeys.validate(['A'], { order }, null)).toEqual(
      voucherKeys.validate(['A'], { order: { items: [{ quantity: 1, product_id: 'p' }], amount: 4000 } }, null),
    );
    expect(voucherKeys.validate(['A'], { order, customer: { source_id: 'x' } })).not.toEqual(voucherKeys.validate(['A'], { order }));
    expect(voucherKeys.validate(['A'], { order })[0]).toBe(voucherKeys.all[0]);
  });
});

describe('useValidate', () => {
  it('validates, adopts the tracking id into the tracker and the cookie, and costs no second request for it', async () => {
    const { result } = setup('SAVE10', { order: { amount: 4000 } });
    await waitFor(() => expect(result.current.query.data?.valid).toBe(true));
    const trackingId = result.current.query.data?.trackingId;
    expect(trackingId).toMatch(/^track_/);
    await waitFor(() => expect(result.current.voucherify.trackingId).toBe(trackingId));
    expect(document.cookie).toContain(`${COOKIE}=${encodeURIComponent(trackingId ?? '')}`);
    expect(result.current.query.data?.order).toMatchObject({ totalDiscountAmount: 1000, totalAmount: 3000 });
    expect(validations()).toBe(1);
  });

  it('the same code and an equal cart (a new object) cost zero new requests, also for a second component', async () => {
    const { result, rerender, queryClient } = setup('SAVE10', { order: { amount: 4000 } });
    await waitFor(() => expect(result.current.query.isSuccess).toBe(true));
    rerender({ code: 'SAVE10', options: { order: { amount: 4000 } } });
    function Second() {
      useValidate('SAVE10', { order: { amount: 4000 } });
      return null;
    }
    render(
      <Providers queryClient={queryClient}>
        <Second />
      </Providers>,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(validations()).toBe(1);
  });

  it('a cart change re-validates once, debounced, keeping the previous result meanwhile', async () => {
    const { result, rerender } = setup('MIN50', { order: { amount: 6000 }, debounceMs: 100 });
    await waitFor(() => expect(result.current.query.data?.valid).toBe(true));
    for (const amount of [5000, 4500, 4000]) rerender({ code: 'MIN50', options: { order: { amount }, debounceMs: 100 } });
    expect(result.current.query.data?.valid).toBe(true);
    await waitFor(() => expect(result.current.query.data?.valid).toBe(false));
    const data = result.current.query.data;
    if (data?.valid !== false) throw new Error('expected a rejection');
    expect(data.rejection.key).toBe('order_rules_violated');
    expect(validations()).toBe(2);
  });

  it('returns no data once the codes are [] (after Remove), and none under a later rejected code', async () => {
    const { result, rerender } = setup('SAVE10', { order: { amount: 4000 } });
    await waitFor(() => expect(result.current.query.data?.valid).toBe(true));
    rerender({ code: [], options: { order: { amount: 4000 } } });
    expect(result.current.query.data).toBeUndefined();
    expect(result.current.query.isPlaceholderData).toBe(false);
    rerender({ code: ['EXPIRED'], options: { order: { amount: 4000 } } });
    expect(result.current.query.data).toBeUndefined();
    await waitFor(() => expect(result.current.query.data?.valid).toBe(false));
    expect(result.current.query.data?.order?.totalDiscountAmount ?? 0).toBe(0);
  });

  it('keeps the previous result as flagged placeholder data only while the same codes re-validate for a new order', async () => {
    const { result, rerender } = setup('SAVE10', { order: { amount: 4000 }, debounceMs: 0 });
    await waitFor(() => expect(result.current.query.data?.valid).toBe(true));
    sandbox.setFaults({ kind: 'latency', ms: 200, times: 1 });
    rerender({ code: 'SAVE10', options: { order: { amount: 5000 }, debounceMs: 0 } });
    await waitFor(() => expect(result.current.query.isFetching).toBe(true));
    expect(result.current.query.isPlaceholderData).toBe(true);
    expect(result.current.query.data?.order?.amount).toBe(4000);
    await waitFor(() => expect(result.current.query.data?.order?.amount).toBe(5000));
    expect(result.current.query.isPlaceholderData).toBe(false);
    // Another code for the same order: nothing shown until its own answer comes.
    sandbox.setFaults({ kind: 'latency', ms: 200, times: 1 });
    rerender({ code: 'PERCENT15', options: { order: { amount: 5000 }, debounceMs: 0 } });
    await waitFor(() => expect(result.current.query.isFetching).toBe(true));
    expect(result.current.query.data).toBeUndefined();
    expect(result.current.query.isPlaceholderData).toBe(false);
    await waitFor(() => expect(result.current.query.data?.redeemables[0]?.code).toBe('PERCENT15'));
  });

  it('a superseded request is aborted and its late answer never replaces the newer one', async () => {
    const recorder = recordValidationRequests();
    sandbox.setFaults({ kind: 'latency', ms: 300, times: 1 });
    const { result, rerender } = setup('MIN50', { order: { amount: 6000 }, debounceMs: 0 });
    await waitFor(() => expect(recorder.requests).toHaveLength(1));
    rerender({ code: 'MIN50', options: { order: { amount: 4000 }, debounceMs: 0 } });
    await waitFor(() => expect(result.current.query.data?.valid).toBe(false));
    await waitFor(() => expect(recorder.requests[0]?.signal.aborted).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(result.current.query.data?.valid).toBe(false);
    expect(result.current.query.data?.order?.amount).toBe(4000);
    recorder.stop();
  });

  it('an invalid code is data, fetched once and never retried', async () => {
    const { result } = setup('EXPIRED', { order: { amount: 4000 } });
    await waitFor(() => expect(result.current.query.isSuccess).toBe(true));
    expect(result.current.query.data?.valid).toBe(false);
    expect(result.current.query.isError).toBe(false);
    expect(validations()).toBe(1);
  });

  it('a failed check is a VoucherifyError; React Query does not retry on top of the core client', async () => {
    sandbox.setFaults({ kind: 'status', status: 500 });
    const { result } = setup('SAVE10', { order: { amount: 4000 } });
    await waitFor(() => expect(result.current.query.isError).toBe(true));
    expect(result.current.query.error?.kind).toBe('api');
    expect(result.current.query.error?.status).toBe(500);
    expect(validations()).toBe(1);
  });

  it('sends nothing without a code or when disabled; stacks several codes', async () => {
    const { result, rerender } = setup(null, { order: { amount: 10000 } });
    rerender({ code: '  ', options: { order: { amount: 10000 } } });
    rerender({ code: 'SAVE10', options: { order: { amount: 10000 }, enabled: false } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(validations()).toBe(0);
    expect(result.current.query.fetchStatus).toBe('idle');
    rerender({ code: ['SAVE10', 'PERCENT15'], options: { order: { amount: 10000 } } });
    await waitFor(() => expect(result.current.query.data?.valid).toBe(true));
    expect(result.current.query.data?.redeemables.map((r) => [r.code, r.status, r.discountAmount])).toEqual([
      ['SAVE10', 'APPLICABLE', 1000],
      ['PERCENT15', 'APPLICABLE', 1350],
    ]);
  });

  it('validateQueryOptions serves prefetching: a prefetched validation is not fetched again by the hook', async () => {
    const client = createVoucherifyClient({
      clientApplicationId: SANDBOX_KEYS.clientApplicationId,
      clientToken: SANDBOX_KEYS.clientToken,
      tracker: createTracker(),
    });
    const queryClient = new QueryClient();
    await queryClient.prefetchQuery(validateQueryOptions(client, { codes: ['SAVE10'], order: { amount: 4000 } }));
    expect(validations()).toBe(1);
    const { result } = renderHook(() => useValidate('SAVE10', { order: { amount: 4000 } }), {
      wrapper: ({ children }) => (
        <Providers client={client} queryClient={queryClient}>
          {children}
        </Providers>
      ),
    });
    await waitFor(() => expect(result.current.data?.valid).toBe(true));
    await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
    expect(validations()).toBe(1);
  });

  it('throws outside the provider, naming the hook and the fix', () => {
    expect(() => renderHook(() => useValidate('SAVE10'))).toThrow(/useValidate\(\) must be used inside <VoucherProvider>/);
  });
});

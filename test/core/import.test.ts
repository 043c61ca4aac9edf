import { describe, expect, expectTypeOf, it } from 'vitest';

// The names the issue and ARCHITECTURE.md promise from 'voucherkit/core'.
const documented = [
  'createVoucherifyClient',
  'createTracker',
  'createCookieStore',
  'VoucherifyError',
  'isVoucherifyError',
  'calculateDiscount',
  'calculatePrice',
  'formatDiscount',
  'formatMoney',
  'normalizeCode',
  'isTrackingId',
  'orderFingerprint',
  'DEFAULT_TRACKING_COOKIE',
] as const;
// Issue 13: the schemas moved to their own entry; the transport and result folding (`retryAfterMs`,
// `fromStackableValidation`, `fromLegacyValidation`) are internals now (src/core/internal.ts).
const schemas = ['stackableValidationSchema', 'legacyValidationSchema', 'eventResponseSchema', 'discountSchema', 'apiErrorSchema'] as const;

describe("import('voucherkit/core') in Node with no DOM", () => {
  it('loads without window or document and exposes the documented names', async () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
    const core = await import('voucherkit/core');
    for (const name of documented) expect(core, name).toHaveProperty(name);
    expect(typeof core.createVoucherifyClient).toBe('function');
    expect(new core.VoucherifyError({ kind: 'network', message: 'x' })).toBeInstanceOf(Error);
    expect(core.calculateDiscount(4999, { discount: { type: 'PERCENT', percent_off: 10 } })).toBe(500);
    expect(core.DEFAULT_TRACKING_COOKIE).toBe('voucherify_tracking_id');
    const contract = await import('voucherkit/schemas');
    for (const name of schemas) expect(contract, name).toHaveProperty(name);
  });

  it('has named exports only, and no React hooks', async () => {
    const core = await import('voucherkit/core');
    expect(core).not.toHaveProperty('default');
    expect(Object.keys(core).some((name) => /^use[A-Z]/.test(name))).toBe(false);
  });

  it('a client and tracker can be created and used on the server', async () => {
    const { createTracker, createVoucherifyClient } = await import('voucherkit/core');
    const tracker = createTracker();
    const client = createVoucherifyClient({ clientApplicationId: 'id', clientToken: 'token', tracker, origin: 'https://shop.example' });
    expect(client.tracker).toBe(tracker);
    expect(tracker.getSnapshot()).toEqual({ identity: null, trackingId: null, consent: true, outgoingId: null, epoch: 0 });
  });

  it('the types guide a newcomer: results narrow on `valid`, errors on `kind`', async () => {
    const core = await import('voucherkit/core');
    type Result = Awaited<ReturnType<ReturnType<typeof core.createVoucherifyClient>['validate']>>;
    expectTypeOf<Extract<Result, { valid: true }>>().toHaveProperty('discount');
    expectTypeOf<Extract<Result, { valid: false }>>().toHaveProperty('rejection');
    expectTypeOf<Extract<Result, { valid: false }>['rejection']['key']>().toExtend<string>();
    expectTypeOf<InstanceType<typeof core.VoucherifyError>['kind']>().toEqualTypeOf<
      'network' | 'timeout' | 'rate_limited' | 'auth' | 'invalid_response' | 'api' | 'redeem_guard'
    >();
    expectTypeOf(core.calculateDiscount).returns.toEqualTypeOf<number>();
    expectTypeOf(core.normalizeCode).returns.toEqualTypeOf<
      { ok: true; code: string } | { ok: false; reason: 'empty' | 'too_long'; code: string; maxLength: number }
    >();
  });
});

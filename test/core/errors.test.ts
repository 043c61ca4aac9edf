import { describe, expect, it } from 'vitest';
import { isVoucherifyError, VoucherifyError } from 'voucherkit/core';

describe('VoucherifyError', () => {
  const error = new VoucherifyError({
    kind: 'rate_limited',
    message: 'Too many requests hit the API too quickly.',
    status: 429,
    key: 'too_many_requests',
    details: 'slow down',
    requestId: 'v-0be548ae620abb0a73',
    retryAfterMs: 2000,
    customMessage: 'Please wait a moment',
    cause: new Error('X-Client-Token: secret-token'),
  });

  it('is a runtime class: instanceof works for VoucherifyError and Error', () => {
    expect(error).toBeInstanceOf(VoucherifyError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('VoucherifyError');
    expect(error.stack).toContain('VoucherifyError');
  });

  it('carries every field it was built from', () => {
    expect(error).toMatchObject({
      kind: 'rate_limited',
      message: 'Too many requests hit the API too quickly.',
      status: 429,
      key: 'too_many_requests',
      details: 'slow down',
      requestId: 'v-0be548ae620abb0a73',
      retryAfterMs: 2000,
      customMessage: 'Please wait a moment',
    });
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('has no cause when none is given', () => {
    expect('cause' in new VoucherifyError({ kind: 'network', message: 'x' })).toBe(false);
  });

  it('toJSON is a plain object without the cause, headers or keys', () => {
    const json = error.toJSON();
    expect(json).toEqual({
      name: 'VoucherifyError',
      kind: 'rate_limited',
      message: 'Too many requests hit the API too quickly.',
      status: 429,
      key: 'too_many_requests',
      details: 'slow down',
      requestId: 'v-0be548ae620abb0a73',
      retryAfterMs: 2000,
      customMessage: 'Please wait a moment',
    });
    const text = JSON.stringify(error);
    expect(text).not.toContain('secret-token');
    expect(text).not.toMatch(/X-Client-Token|X-App-Token|headers/i);
  });

  it('isVoucherifyError accepts the class and a copy from another bundle, and rejects look-alikes', () => {
    expect(isVoucherifyError(error)).toBe(true);
    // A second copy of the library: same name and shape, a different class.
    class ForeignVoucherifyError extends Error {
      override name = 'VoucherifyError';
      kind = 'network';
    }
    expect(isVoucherifyError(new ForeignVoucherifyError('x'))).toBe(true);
    expect(isVoucherifyError(new Error('VoucherifyError'))).toBe(false);
    expect(isVoucherifyError({ name: 'VoucherifyError', kind: 'network', message: 'x' })).toBe(false);
    expect(isVoucherifyError(null)).toBe(false);
    expect(isVoucherifyError('VoucherifyError')).toBe(false);
  });
});

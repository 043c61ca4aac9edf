// The demo's keys: which environment variables point it at a real project, and which fall back to the sandbox.
import { describe, expect, it } from 'vitest';
import { readDemoEnv } from '../../examples/checkout/server/demoEnv.js';

describe('the demo configuration', () => {
  const keys = { VOUCHERIFY_APP_ID: 'app', VOUCHERIFY_SECRET_KEY: 'secret', VOUCHERIFY_CLIENT_APP_ID: 'client', VOUCHERIFY_CLIENT_TOKEN: 'token' };

  it('uses the sandbox when no key is set', () => {
    expect(readDemoEnv({ VOUCHERIFY_API_URL: 'https://us1.api.voucherify.io' })).toBeNull();
  });

  it('uses a real project when all four keys are set, on the default host unless told otherwise', () => {
    expect(readDemoEnv(keys)).toEqual({
      mode: 'voucherify',
      apiUrl: 'https://api.voucherify.io',
      applicationId: 'app',
      secretKey: 'secret',
      clientApplicationId: 'client',
      clientToken: 'token',
    });
    expect(readDemoEnv({ ...keys, VOUCHERIFY_API_URL: 'https://us1.api.voucherify.io' })?.apiUrl).toBe('https://us1.api.voucherify.io');
  });

  it('refuses a partial set instead of silently falling back to the sandbox', () => {
    expect(() => readDemoEnv({ VOUCHERIFY_APP_ID: 'app', VOUCHERIFY_SECRET_KEY: ' ' })).toThrow(
      'also set VOUCHERIFY_CLIENT_APP_ID, VOUCHERIFY_CLIENT_TOKEN, VOUCHERIFY_SECRET_KEY',
    );
  });
});

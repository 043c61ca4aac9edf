// @vitest-environment jsdom
import { expect, test } from 'vitest';

// jsdom defines `window`, like a browser: voucherkit/server must refuse to load at all.
test('importing voucherkit/server where window exists throws a clear error', async () => {
  expect(typeof window).toBe('object');
  await expect(import('voucherkit/server')).rejects.toThrow(/refuses to run in a browser.*secret key/s);
});

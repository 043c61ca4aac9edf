import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryPolicy, retryAfterMs } from '../../src/core/internal.js';

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('reads Retry-After in seconds', () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '2' }), now)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'Retry-After': '0' }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'Retry-After': '1.5' }), now)).toBe(1500);
  });

  it('reads Retry-After as an HTTP date', () => {
    const at = new Date(now + 30_000).toUTCString();
    expect(retryAfterMs(new Headers({ 'Retry-After': at }), now)).toBe(30_000);
  });

  it('never returns a negative wait for a date in the past or a negative number', () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': new Date(now - 60_000).toUTCString() }), now)).toBe(0);
    expect(retryAfterMs(new Headers({ 'Retry-After': '-5' }), now)).toBe(0);
  });

  it('falls back to X-Rate-Limit-Retry (Unix seconds)', () => {
    const epoch = String(now / 1000 + 5);
    expect(retryAfterMs(new Headers({ 'X-Rate-Limit-Retry': epoch }), now)).toBe(5000);
  });

  it('prefers Retry-After over X-Rate-Limit-Retry', () => {
    const headers = new Headers({ 'Retry-After': '1', 'X-Rate-Limit-Retry': String(now / 1000 + 60) });
    expect(retryAfterMs(headers, now)).toBe(1000);
  });

  it('uses X-Rate-Limit-Retry when Retry-After is garbage', () => {
    const headers = new Headers({ 'Retry-After': 'soon', 'X-Rate-Limit-Retry': String(now / 1000 + 3) });
    expect(retryAfterMs(headers, now)).toBe(3000);
  });

  it('is undefined when nothing usable is sent', () => {
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'Retry-After': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'Retry-After': '   ' }), now)).toBeUndefined();
    expect(retryAfterMs(new Headers({ 'X-Rate-Limit-Retry': 'never' }), now)).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  it('is full jitter within [0, min(max, base · 2^attempt)]', () => {
    const policy = { retries: 2, baseDelayMs: 100, maxDelayMs: 250 };
    expect(backoffDelay(0, policy, () => 0)).toBe(0);
    expect(backoffDelay(0, policy, () => 0.999)).toBe(99);
    expect(backoffDelay(1, policy, () => 0.5)).toBe(100);
    expect(backoffDelay(5, policy, () => 0.999)).toBe(249); // capped
  });

  it('defaults to two retries', () => {
    expect(defaultRetryPolicy.retries).toBe(2);
  });
});

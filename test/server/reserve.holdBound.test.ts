import { describe, expect, test } from 'vitest';
import { MAX_RESERVATION_TTL } from 'voucherkit/server';
import { sandboxServer } from './sandboxFetch.js';

// Voucherify documents no maximum for a session's ttl. A hold of 2e8 days was sent and answered with an
// Invalid Date for `expiresAt` (past the year 275760), and any long hold keeps one use of a limited code per
// abandoned cart. Ours is 30 days, the same in every unit; beyond it is a TypeError before any call.

const order = { source_id: 'ord_hold', amount: 5000 };

describe('reserve: the hold is bound', () => {
  test('the bound is 30 days', () => {
    expect(MAX_RESERVATION_TTL).toEqual({ value: 30, unit: 'DAYS' });
  });

  test.each([
    [{ value: 2e8, unit: 'DAYS' }],
    [{ value: 31, unit: 'DAYS' }],
    [{ value: 721, unit: 'HOURS' }],
    [{ value: 43_201, unit: 'MINUTES' }],
    [{ value: 2_592_001, unit: 'SECONDS' }],
    [{ value: Number.MAX_SAFE_INTEGER, unit: 'SECONDS' }],
  ] as const)('%o is a TypeError naming ttl and the bound, before any call', async (ttl) => {
    const { sent, server } = sandboxServer();
    const refused = server.reserve({ code: 'SAVE10', trackingId: null, order, ttl });
    await expect(refused).rejects.toThrow(TypeError);
    await expect(refused).rejects.toThrow(/`ttl`.*30 days/);
    expect(sent).toEqual([]);
  });

  test.each([
    [{ value: 30, unit: 'DAYS' }, 30 * 86_400_000],
    [{ value: 720, unit: 'HOURS' }, 30 * 86_400_000],
    [{ value: 2_592_000, unit: 'SECONDS' }, 30 * 86_400_000],
    [{ value: 7, unit: 'DAYS' }, 7 * 86_400_000],
  ] as const)('%o is held, and expiresAt is a real date that far ahead', async (ttl, ms) => {
    const { sent, server } = sandboxServer();
    const before = Date.now();
    const reservation = await server.reserve({ code: 'SAVE10', trackingId: null, order, ttl });
    expect(reservation.valid).toBe(true);
    expect(sent.at(-1)!.body!.session).toMatchObject({ ttl: ttl.value, ttl_unit: ttl.unit });
    expect(reservation.expiresAt.getTime()).toBeGreaterThanOrEqual(before + ms);
    expect(reservation.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + ms);
  });
});

import { describe, expect, test } from 'vitest';
import { sandboxServer } from './sandboxFetch.js';

// `.` and `..` survive encodeURIComponent, and URL resolution turns them into "this folder" / "up one":
// `customers.get('..')` would send GET /v1/. Every path parameter refuses them before any call.
const escaping = ['', ' ', '.', '..'];

describe('path parameters stay inside their segment', () => {
  test.each(escaping)('customers.get and customers.update refuse %j with a TypeError naming the parameter, sending nothing', async (id) => {
    const { server, sent } = sandboxServer();
    await expect(server.customers.get(id)).rejects.toThrow(TypeError);
    await expect(server.customers.get(id)).rejects.toThrow(/customers\.get/);
    await expect(server.customers.update(id, { name: 'Ada' })).rejects.toThrow(/customers\.update/);
    expect(sent).toEqual([]);
  });

  test.each(escaping)('rollback and getRedemption refuse %j with a TypeError, sending nothing', async (id) => {
    const { server, sent } = sandboxServer();
    await expect(server.rollback(id)).rejects.toThrow(TypeError);
    await expect(server.rollback(id)).rejects.toThrow(/rollback/);
    await expect(server.getRedemption(id)).rejects.toThrow(/getRedemption/);
    expect(sent).toEqual([]);
  });

  test.each(escaping)('redeemVoucher refuses the code %j with a TypeError, sending nothing', async (code) => {
    const { server, sent } = sandboxServer();
    await expect(server.redeemVoucher(code, { trackingId: null })).rejects.toThrow(TypeError);
    expect(sent).toEqual([]);
  });

  test('a tracking id with / + = and dots that are not a whole segment keep working, encoded', async () => {
    const { server, sent } = sandboxServer();
    const trackingId = 'track_a.b/c+d==';
    const created = await server.customers.upsert({ source_id: trackingId });
    expect((await server.customers.get(trackingId)).id).toBe(created.id);
    expect(sent.at(-1)!.url.pathname).toBe('/v1/customers/track_a.b%2Fc%2Bd%3D%3D');
    await expect(server.customers.get('...')).rejects.toMatchObject({ status: 404 });
    expect(sent.at(-1)!.url.pathname).toBe('/v1/customers/...');
  });
});

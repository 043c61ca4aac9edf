import { describe, expect, it } from 'vitest';
import { isVoucherifyError } from 'voucherkit/core';
import { sandboxClient } from './sandboxClient.js';

describe('track (POST /client/v1/events, against the sandbox)', () => {
  it('sends the adopted id as customer.source_id and the event, and the sandbox records it', async () => {
    const { client, body, sandbox } = sandboxClient();
    const { trackingId } = await client.validate({ code: 'SAVE10' });
    const event = await client.track('cart_abandoned', { metadata: { cart: 'c1' } });
    expect(await body()).toEqual({ event: 'cart_abandoned', metadata: { cart: 'c1' }, customer: { source_id: trackingId } });
    expect(event).toMatchObject({ object: 'event', type: 'cart_abandoned', customer: { source_id: trackingId } });
    expect(sandbox.state.events).toHaveLength(1);
  });

  it('metadata defaults to {} and the raw identity is used before a hashed id exists', async () => {
    const { client, body, tracker } = sandboxClient();
    tracker.setIdentity('vip@example.com');
    await client.track('newsletter_signup');
    expect(await body()).toEqual({ event: 'newsletter_signup', metadata: {}, customer: { source_id: 'vip@example.com' } });
  });

  it('a named customer is sent as given', async () => {
    const { client, body } = sandboxClient();
    await client.track('cart_abandoned', { customer: { source_id: 'cust-1', email: 'a@example.com' } });
    expect((await body()).customer).toEqual({ source_id: 'cust-1', email: 'a@example.com' });
  });

  it('without any customer it is a TypeError and nothing is sent', async () => {
    const { client, requests } = sandboxClient();
    await expect(client.track('cart_abandoned')).rejects.toThrow(TypeError);
    await expect(client.track('cart_abandoned')).rejects.toThrow(/setIdentity|params\.customer/);
    expect(requests).toHaveLength(0);
  });

  it('is a write: a 503 is not retried', async () => {
    const { client, sandbox } = sandboxClient();
    sandbox.setFaults({ kind: 'status', status: 503, path: '/client/v1/events' });
    const error = await client.track('cart_abandoned', { customer: { source_id: 'cust-1' } }).catch((e: unknown) => e);
    expect(isVoucherifyError(error) && error.status).toBe(503);
    expect(sandbox.state.requests.filter((r) => r.path === '/client/v1/events')).toHaveLength(1);
  });
});

describe('qualifications (POST /client/v1/qualifications, against the sandbox)', () => {
  it('sends the id as tracking_id and customer.source_id and returns the qualifying redeemables', async () => {
    const { client, body } = sandboxClient();
    const { trackingId } = await client.validate({ code: 'SAVE10' });
    const result = await client.qualifications({ order: { amount: 5000 }, scenario: 'ALL' });
    expect(await body()).toEqual({ order: { amount: 5000 }, scenario: 'ALL', customer: { source_id: trackingId }, tracking_id: trackingId });
    expect(result.redeemables.data.map((r) => r.id)).toContain('SAVE10');
  });

  it('with no id yet it names no customer, and adopts the id it is given', async () => {
    const { client, body, tracker } = sandboxClient();
    const result = await client.qualifications({ order: { amount: 5000 } });
    expect(await body()).toEqual({ order: { amount: 5000 } });
    expect(tracker.getSnapshot().trackingId).toBe(result.tracking_id ?? null);
  });
});

describe('listPromotionTiers (GET /client/v1/promotions/tiers, against the sandbox)', () => {
  it('sends its filters as query parameters and parses the page', async () => {
    const { client, query } = sandboxClient();
    const page = await client.listPromotionTiers({ isAvailable: true, limit: 5, page: 2, order: '-created_at' });
    expect(Object.fromEntries(query())).toEqual({ is_available: 'true', limit: '5', page: '2', order: '-created_at' });
    expect(Array.isArray(page.tiers)).toBe(true);
  });

  it('sends no query without filters', async () => {
    const { client, requests } = sandboxClient();
    await client.listPromotionTiers();
    expect(requests[0]?.url).toBe('https://api.voucherify.io/client/v1/promotions/tiers');
  });
});

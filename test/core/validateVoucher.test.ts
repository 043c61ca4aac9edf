import { describe, expect, it } from 'vitest';
import { calculateDiscount } from 'voucherkit/core';
import { sandboxClient } from './sandboxClient.js';

// GET /client/v1/validate, deprecated by Voucherify but still used by old projects. The official SDK drops
// the identity in its string form; here every form sends the tracking id.
describe('validateVoucher (deprecated GET /client/v1/validate, against the sandbox)', () => {
  it('is a GET with the client keys and no body', async () => {
    const { client, requests, inits } = sandboxClient();
    await client.validateVoucher('SAVE10');
    const request = requests[0];
    expect(request?.method).toBe('GET');
    expect(new URL(request?.url ?? '').pathname).toBe('/client/v1/validate');
    expect(request?.headers.get('X-Client-Token')).toBeTruthy();
    expect(request?.headers.has('X-App-Token')).toBe(false);
    expect(request?.headers.has('Content-Type')).toBe(false);
    expect(inits[0]?.body).toBeUndefined();
    expect(inits[0]?.credentials).toBe('omit');
  });

  it('the code-only form sends the adopted tracking id', async () => {
    const { client, query } = sandboxClient();
    const first = await client.validateVoucher('SAVE10');
    await client.validateVoucher('SAVE10');
    expect(query().get('code')).toBe('SAVE10');
    expect(query().get('tracking_id')).toBe(first.trackingId);
  });

  it('the form with params sends it too, and as customer[source_id]', async () => {
    const { client, query } = sandboxClient();
    const first = await client.validateVoucher('SAVE10');
    await client.validateVoucher('SAVE10', { order: { amount: 5000 } });
    expect(query().get('tracking_id')).toBe(first.trackingId);
    expect(query().get('customer[source_id]')).toBe(first.trackingId);
  });

  it('an identity is sent in the code-only form', async () => {
    const { client, query, tracker } = sandboxClient();
    tracker.setIdentity('vip@example.com');
    const result = await client.validateVoucher('VIPONLY');
    expect(query().get('tracking_id')).toBe('vip@example.com');
    expect(result.valid).toBe(true);
    expect(tracker.getSnapshot().trackingId).toBe(result.trackingId);
  });

  it('a per-call trackingId is sent', async () => {
    const { client, query } = sandboxClient();
    await client.validateVoucher('VIPONLY', { trackingId: 'vip@example.com' });
    expect(query().get('tracking_id')).toBe('vip@example.com');
  });

  it('encodes the order, items, customer and metadata as deepObject (`item[0][price]`)', async () => {
    const { client, query, requests } = sandboxClient();
    await client.validateVoucher('SAVE10', {
      order: {
        amount: 5000,
        items: [
          { product_id: 'prod_1', quantity: 2, price: 2000 },
          { sku_id: 'sku_1', quantity: 1, price: 1000, metadata: { color: 'red' } },
        ],
        metadata: { currency: 'EUR' },
      },
      customer: { source_id: 'cust-1', metadata: { tier: 'gold' } },
      metadata: { channel: 'web' },
    });
    const q = query();
    expect(q.get('amount')).toBe('5000');
    expect(q.get('item[0][product_id]')).toBe('prod_1');
    expect(q.get('item[0][quantity]')).toBe('2');
    expect(q.get('item[0][price]')).toBe('2000');
    expect(q.get('item[1][sku_id]')).toBe('sku_1');
    expect(q.get('item[1][metadata][color]')).toBe('red');
    expect(q.get('order[metadata][currency]')).toBe('EUR');
    expect(q.get('customer[source_id]')).toBe('cust-1');
    expect(q.get('customer[metadata][tier]')).toBe('gold');
    expect(q.get('metadata[channel]')).toBe('web');
    // Sessions are the server's (`reserve`); the browser client never sends one.
    expect(q.get('session_type')).toBeNull();
    // Brackets are percent-encoded on the wire, as qs does for the official SDK.
    expect(requests[0]?.url).toContain('item%5B0%5D%5Bprice%5D=2000');
  });

  it('a special-character code is encoded and comes back intact', async () => {
    const { client, query } = sandboxClient();
    const code = 'A&B=C?D #<b>';
    const result = await client.validateVoucher(code);
    expect(query().get('code')).toBe(code);
    expect(result).toMatchObject({ valid: false, code, rejection: { key: 'not_found' } });
  });

  it('a valid code folds into the same ValidationResult as validate, and the math agrees', async () => {
    const { client } = sandboxClient();
    const result = await client.validateVoucher('PERCENT15', { order: { amount: 4000 } });
    if (!result.valid) throw new Error(result.rejection.key);
    expect(result).toMatchObject({ code: 'PERCENT15', codes: ['PERCENT15'], discount: { type: 'PERCENT', percent_off: 15 } });
    expect(result.order).toMatchObject({ amount: 4000, totalDiscountAmount: 600, totalAmount: 3400 });
    expect(calculateDiscount(4000, result)).toBe(600);
  });

  it.each([
    ['EXPIRED', 'voucher_expired'],
    ['NOTYET', 'voucher_not_active'],
    ['DISABLED', 'voucher_disabled'],
    ['USEDUP', 'quantity_exceeded'],
    ['MIN50', 'order_rules_violated'],
    ['VIPONLY', 'customer_rules_violated'],
    ['NO-SUCH-CODE', 'not_found'],
  ])('%s resolves as invalid with %s', async (code, key) => {
    const { client } = sandboxClient();
    await expect(client.validateVoucher(code, { order: { amount: 4000 } })).resolves.toMatchObject({ valid: false, code, rejection: { key } });
  });
});

import { describe, expect, it } from 'vitest';
import { calculateDiscount, createVoucherifyClient, normalizeCode } from 'voucherkit/core';
import { createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { sandboxClient } from './sandboxClient.js';
import { recordSandbox } from '../support/recordSandbox.js';
import { rejection } from '../support/rejection.js';

const isHashedId = (value: unknown) => typeof value === 'string' && value.startsWith('track_');

describe('requests: keys, headers, credentials (against the sandbox)', () => {
  it('sends the client keys as X-Client-Application-Id / X-Client-Token, never a server key, and omits credentials', async () => {
    const { client, requests, inits } = sandboxClient();
    await client.validate({ code: 'SAVE10', order: { amount: 4000 } });
    const request = requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.voucherify.io/client/v1/validations');
    expect(request?.headers.get('X-Client-Application-Id')).toBe(SANDBOX_KEYS.clientApplicationId);
    expect(request?.headers.get('X-Client-Token')).toBe(SANDBOX_KEYS.clientToken);
    expect(request?.headers.has('X-App-Token')).toBe(false);
    expect(request?.headers.has('X-App-Id')).toBe(false);
    expect(request?.headers.get('Content-Type')).toBe('application/json');
    expect(request?.headers.get('Accept')).toBe('application/json');
    expect(inits[0]?.credentials).toBe('omit');
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('sends the origin header where the runtime does not (Node, edge)', async () => {
    const { client, inits } = sandboxClient({ client: { origin: 'https://shop.example' } });
    await client.validate({ code: 'SAVE10' });
    expect((inits[0]?.headers as Record<string, string>).origin).toBe('https://shop.example');
  });

  it('wrong keys are kind "auth" from the sandbox, with its status', async () => {
    const { client } = sandboxClient({ client: { clientApplicationId: 'wrong', clientToken: 'wrong' } });
    const error = await rejection(client.validate({ code: 'SAVE10' }));
    expect(error.kind).toBe('auth');
    expect([401, 403]).toContain(error.status);
  });

  it('an origin outside the allow-list is kind "auth"', async () => {
    const { client } = sandboxClient({
      sandbox: createSandbox({ allowedOrigins: ['https://shop.example'] }),
      client: { origin: 'https://evil.example' },
    });
    expect((await rejection(client.validate({ code: 'SAVE10' }))).kind).toBe('auth');
  });
});

describe('validate: body and tracking id', () => {
  it('sends redeemables and the order; with no id yet, no tracking_id and no customer; then adopts the issued id', async () => {
    const { client, body, tracker, memory } = sandboxClient();
    const order = { amount: 4000, items: [{ product_id: 'prod_1', quantity: 2, price: 2000 }] };
    const result = await client.validate({ code: 'SAVE10', order });
    expect(await body()).toEqual({ redeemables: [{ object: 'voucher', id: 'SAVE10' }], order });
    expect(isHashedId(result.trackingId)).toBe(true);
    expect(tracker.getSnapshot().trackingId).toBe(result.trackingId);
    expect(memory.value).toBe(result.trackingId);
  });

  it('the adopted id travels as tracking_id and customer.source_id on the next call, and stays stable', async () => {
    const { client, body } = sandboxClient();
    const first = await client.validate({ code: 'SAVE10', order: { amount: 4000 } });
    const second = await client.validate({ code: 'PERCENT15', order: { amount: 4000 } });
    const sent = await body();
    expect(sent.tracking_id).toBe(first.trackingId);
    expect(sent.customer).toEqual({ source_id: first.trackingId });
    expect(second.trackingId).toBe(first.trackingId);
  });

  it('setIdentity sends the raw identity, adopts the hashed id, and never stores the identity', async () => {
    const { client, body, tracker, memory } = sandboxClient();
    tracker.setIdentity('vip@example.com');
    const result = await client.validate({ code: 'VIPONLY', order: { amount: 4000 } });
    const sent = await body();
    expect(sent.tracking_id).toBe('vip@example.com');
    expect(sent.customer).toEqual({ source_id: 'vip@example.com' });
    expect(result.valid).toBe(true);
    expect(isHashedId(result.trackingId)).toBe(true);
    expect(tracker.getSnapshot()).toMatchObject({ identity: 'vip@example.com', trackingId: result.trackingId });
    expect(memory.written).toEqual([result.trackingId]);
    // The hashed id stands for the same person on the next call.
    await expect(client.validate({ code: 'VIPONLY', order: { amount: 4000 } })).resolves.toMatchObject({ valid: true });
    expect((await body()).tracking_id).toBe(result.trackingId);
  });

  it('a customer with its own source_id is sent as given (the id fills in only when none is named)', async () => {
    const { client, body } = sandboxClient();
    await client.validate({ code: 'VIPONLY', customer: { source_id: 'vip@example.com', name: 'Ada' }, order: { amount: 4000 } });
    const sent = await body();
    expect(sent.customer).toEqual({ source_id: 'vip@example.com', name: 'Ada' });
    expect(sent).not.toHaveProperty('tracking_id');
  });

  it('a customer named by id gets no source_id added', async () => {
    const { client, body } = sandboxClient();
    await client.validate({ code: 'SAVE10', order: { amount: 4000 } });
    await client.validate({ code: 'SAVE10', customer: { id: 'cust_123' }, order: { amount: 4000 } }).catch(() => undefined);
    expect((await body()).customer).toEqual({ id: 'cust_123' });
  });

  it('a named customer that contradicts the anonymous id: one ambiguous answer, then the customer wins', async () => {
    const { client, body, requests, tracker } = sandboxClient();
    const anonymous = await client.validate({ code: 'SAVE10', order: { amount: 4000 } });
    const result = await client.validate({ code: 'VIPONLY', customer: { source_id: 'vip@example.com' }, order: { amount: 4000 } });
    expect(requests).toHaveLength(3);
    expect((await body(1)).tracking_id).toBe(anonymous.trackingId);
    expect(await body(2)).not.toHaveProperty('tracking_id');
    expect(result.valid).toBe(true);
    expect(tracker.getSnapshot().trackingId).toBe(result.trackingId);
    expect(result.trackingId).not.toBe(anonymous.trackingId);
  });

  it('a per-call trackingId overrides the tracker', async () => {
    const { client, body, tracker } = sandboxClient();
    tracker.setIdentity('someone@example.com');
    await client.validate({ code: 'VIPONLY', trackingId: 'vip@example.com', order: { amount: 4000 } });
    expect((await body()).tracking_id).toBe('vip@example.com');
  });

  it('stacks several codes in one request, in order', async () => {
    const { client, body } = sandboxClient();
    const result = await client.validate({ codes: ['SAVE10', 'PERCENT15'], order: { amount: 10000 } });
    expect((await body()).redeemables).toEqual([
      { object: 'voucher', id: 'SAVE10' },
      { object: 'voucher', id: 'PERCENT15' },
    ]);
    expect(result).toMatchObject({ valid: true, code: 'SAVE10', codes: ['SAVE10', 'PERCENT15'] });
    expect(result.redeemables.map((r) => r.status)).toEqual(['APPLICABLE', 'APPLICABLE']);
    expect(result.order?.totalAmount).toBe((result.order?.amount ?? 0) - (result.order?.totalDiscountAmount ?? 0));
  });

  it('forwards metadata and options (a session is refused: see sessionRefused.test.ts)', async () => {
    const { client, body } = sandboxClient();
    await client.validate({
      code: 'SAVE10',
      order: { amount: 4000 },
      metadata: { channel: 'web' },
      options: { expand: ['order'] },
    });
    expect(await body()).toMatchObject({
      metadata: { channel: 'web' },
      options: { expand: ['order'] },
    });
  });

  it('does not mutate the caller’s objects', async () => {
    const { client } = sandboxClient();
    await client.validate({ code: 'SAVE10', order: { amount: 4000 } });
    const customer = { name: 'Ada' };
    const order = { amount: 4000 };
    await client.validate({ code: 'SAVE10', customer, order });
    expect(customer).toEqual({ name: 'Ada' });
    expect(order).toEqual({ amount: 4000 });
  });
});

describe('validate: every seed code gives the right result, and the core math agrees with the server', () => {
  it.each([
    { code: 'SAVE10', amount: 4000, type: 'AMOUNT', discount: 1000 },
    { code: 'PERCENT15', amount: 4000, type: 'PERCENT', discount: 600 },
    { code: 'HALFCAP', amount: 10000, type: 'PERCENT', discount: 2000 },
    { code: 'FIXED20', amount: 4000, type: 'FIXED', discount: 2000 },
    { code: 'GIFT50', amount: 4000, type: null, discount: 4000 },
    { code: 'MIN50', amount: 6000, type: 'PERCENT', discount: 600 },
  ])('$code on $amount is valid with $discount off', async ({ code, amount, type, discount }) => {
    const { client } = sandboxClient();
    const result = await client.validate({ code, order: { amount } });
    if (!result.valid) throw new Error(`expected ${code} to apply: ${result.rejection.key}`);
    expect(result.discount?.type ?? null).toBe(type);
    expect(result.order).toMatchObject({ amount, totalDiscountAmount: discount, totalAmount: amount - discount });
    expect(calculateDiscount(amount, result)).toBe(discount);
  });

  it('FREEUNIT adds the free unit; calculateDiscount with its unit price matches the server', async () => {
    const { client } = sandboxClient();
    const result = await client.validate({ code: 'FREEUNIT', order: { amount: 4000 } });
    if (!result.valid) throw new Error(result.rejection.key);
    expect(result.discount).toMatchObject({ type: 'UNIT', unit_off: 1, unit_type: 'prod_gift_wrap' });
    const order = result.order;
    if (!order) throw new Error('no order totals');
    const unitPrice = order.amount - 4000; // the sandbox adds the missing unit to the order
    expect(calculateDiscount(order.amount, result, { unitPrice })).toBe(order.totalDiscountAmount);
  });

  it.each([
    { code: 'EXPIRED', key: 'voucher_expired' },
    { code: 'NOTYET', key: 'voucher_not_active' },
    { code: 'DISABLED', key: 'voucher_disabled' },
    { code: 'USEDUP', key: 'quantity_exceeded' },
    { code: 'MIN50', key: 'order_rules_violated' },
    { code: 'VIPONLY', key: 'customer_rules_violated' },
    { code: 'NO-SUCH-CODE', key: 'not_found' },
  ])('$code resolves as invalid with $key (a result, not an exception)', async ({ code, key }) => {
    const { client } = sandboxClient();
    const result = await client.validate({ code, order: { amount: 4000 } });
    expect(result).toMatchObject({ valid: false, code, rejection: { key } });
    if (!result.valid) expect(result.rejection.message).toBeTruthy();
    expect(isHashedId(result.trackingId)).toBe(true);
  });
});

describe('validate: bad codes get a clear answer and lose nothing', () => {
  it('an HTML code is only data: sent as typed, answered not_found, kept verbatim', async () => {
    const { client, body } = sandboxClient();
    const code = '<img src=x onerror=alert(1)>';
    const result = await client.validate({ code, order: { amount: 4000 } });
    expect((await body()).redeemables).toEqual([{ object: 'voucher', id: code }]);
    expect(result).toMatchObject({ valid: false, code, rejection: { key: 'not_found' } });
  });

  it('a 10,000-character code is stopped by normalizeCode before any request', () => {
    expect(normalizeCode('X'.repeat(10_000))).toMatchObject({ ok: false, reason: 'too_long' });
  });

  it('a 10,000-character code sent anyway is answered not_found, the code kept whole', async () => {
    const { client } = sandboxClient();
    const code = 'X'.repeat(10_000);
    const result = await client.validate({ code, order: { amount: 4000 } });
    expect(result).toMatchObject({ valid: false, rejection: { key: 'not_found' } });
    expect(result.code).toBe(code);
  });

  it('a control-character code sent raw is answered not_found with the code kept', async () => {
    const { client } = sandboxClient();
    const result = await client.validate({ code: 'SAVE10\u0000', order: { amount: 4000 } });
    expect(result).toMatchObject({ valid: false, code: 'SAVE10\u0000', rejection: { key: 'not_found' } });
  });

  it('a pasted code with control characters applies once normalised', async () => {
    const { client } = sandboxClient();
    const normalized = normalizeCode('\u200b SAVE10\r\n');
    if (!normalized.ok) throw new Error(normalized.reason);
    await expect(client.validate({ code: normalized.code, order: { amount: 4000 } })).resolves.toMatchObject({ valid: true, code: 'SAVE10' });
  });

  it('empty and whitespace-only codes are refused before any request', async () => {
    const { client, requests } = sandboxClient();
    await expect(client.validate({ code: '' })).rejects.toThrow(TypeError);
    await expect(client.validate({ code: ' \n\t ' })).rejects.toThrow(TypeError);
    expect(requests).toHaveLength(0);
  });
});

describe('the default tracker', () => {
  it('without a tracker the client keeps the issued id in memory and reuses it', async () => {
    const { fetch, requests } = recordSandbox(createSandbox());
    const client = createVoucherifyClient({ clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken, fetch });
    const first = await client.validate({ code: 'SAVE10' });
    await client.validate({ code: 'SAVE10' });
    expect(((await requests[1]?.json()) as { tracking_id?: string }).tracking_id).toBe(first.trackingId);
    expect(client.tracker.getSnapshot()).toEqual({ identity: null, trackingId: first.trackingId, consent: false, outgoingId: first.trackingId, epoch: 0 });
  });
});

import { VoucherifyClientSide, VoucherifyServerSide } from '@voucherify/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_KEYS, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';

// Voucherify's own SDK (2.9.0, unmodified) against the sandbox on loopback: the sandbox is faithful enough
// for the official client to work, both its client side (publishable keys) and its server side (secret keys).

let server: SandboxServer;

beforeAll(async () => {
  // The client-side redeem below needs client-side redemption, off by default as in a Voucherify project.
  server = await startSandboxServer({ port: 0, host: '127.0.0.1', sandbox: createSandbox({ clientRedemption: true }) });
});
afterAll(() => server.close());
beforeEach(() => server.sandbox.reset());

const order = { amount: 6000, items: [{ product_id: 'prod_tee', quantity: 2, price: 3000 }] };

const clientSide = () =>
  VoucherifyClientSide({
    clientApplicationId: SANDBOX_KEYS.clientApplicationId,
    clientSecretKey: SANDBOX_KEYS.clientToken,
    apiUrl: server.url,
    // Required by the SDK under Node; browsers set Origin themselves.
    origin: 'shop.example.com',
  });

const serverSide = () => VoucherifyServerSide({ applicationId: SANDBOX_KEYS.applicationId, secretKey: SANDBOX_KEYS.secretKey, apiUrl: server.url });

describe('@voucherify/sdk client side', () => {
  it('validate: the deprecated GET /client/v1/validate with items and an identity', async () => {
    const client = clientSide();
    client.setIdentity('ada@example.com');
    const result = await client.validate({ code: 'PERCENT15', amount: 6000, items: order.items });
    expect(result).toMatchObject({ valid: true, code: 'PERCENT15', discount: { type: 'PERCENT', percent_off: 15 } });
    expect(result.order).toMatchObject({ amount: 6000, total_discount_amount: 900, total_amount: 5100 });
    expect(result.tracking_id).toMatch(/^track_[A-Za-z0-9+/]+=*$/);
    expect(server.sandbox.state.trackingIds.get(result.tracking_id!)).toBe('ada@example.com');
  });

  it('validate: a rejected code is valid:false with its reason', async () => {
    const result = await clientSide().validate({ code: 'EXPIRED', amount: 6000 });
    expect(result).toMatchObject({ valid: false, code: 'EXPIRED', reason: 'voucher expired' });
  });

  it('validateStackable: POST /client/v1/validations with two codes', async () => {
    const result = await clientSide().validateStackable({
      redeemables: [
        { object: 'voucher', id: 'SAVE10' },
        { object: 'voucher', id: 'PERCENT15' },
      ],
      order,
      customer: { source_id: 'ada@example.com' },
    });
    expect(result.valid).toBe(true);
    expect(result.redeemables?.map((r) => [r.id, r.status])).toEqual([
      ['SAVE10', 'APPLICABLE'],
      ['PERCENT15', 'APPLICABLE'],
    ]);
    // 1000 off 6000, then 15% of the 5000 left.
    expect(result.order).toMatchObject({ total_discount_amount: 1750, total_amount: 4250 });
  });

  it('redeem: POST /client/v1/redeem sends the identity as customer.source_id and decrements the gift card', async () => {
    const client = clientSide();
    client.setIdentity('ada@example.com');
    const redemption = await client.redeem('GIFT50', { order: { amount: 2000 } });
    expect(redemption).toMatchObject({ result: 'SUCCESS', customer: { source_id: 'ada@example.com' } });
    expect(redemption.customer_id).toMatch(/^cust_/);
    expect(server.sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(3000);
  });

  it('track: POST /client/v1/events creates the customer', async () => {
    const client = clientSide();
    client.setIdentity('ada@example.com');
    const event = await client.track('checkout_started', {}, { step: 1 });
    expect(event).toMatchObject({ object: 'event', type: 'checkout_started', customer: { source_id: 'ada@example.com' } });
    expect(server.sandbox.state.events).toEqual([expect.objectContaining({ event: 'checkout_started', metadata: { step: 1 } })]);
  });

  it('surfaces a wrong client token as the SDK error with code 401', async () => {
    const client = VoucherifyClientSide({ clientApplicationId: 'sandbox-client-id', clientSecretKey: 'wrong', apiUrl: server.url, origin: 'shop.example.com' });
    await expect(client.validate('SAVE10')).rejects.toMatchObject({ code: 401, key: 'unauthorized' });
  });
});

describe('@voucherify/sdk server side', () => {
  it('validations.validateStackable: POST /v1/validations with a rule that fails', async () => {
    const result = await serverSide().validations.validateStackable({
      redeemables: [{ object: 'voucher', id: 'MIN50' }],
      order: { amount: 4000 },
    });
    expect(result.valid).toBe(false);
    expect(result.redeemables?.[0]).toMatchObject({ status: 'INAPPLICABLE', result: { error: { key: 'order_rules_violated' } } });
  });

  it('redemptions.redeemStackable: POST /v1/redemptions with the tracking id as source_id upserts the customer', async () => {
    const { tracking_id: trackingId } = await clientSide().validate({ code: 'SAVE10', amount: 6000, customer: { source_id: 'ada@example.com' } });
    const result = await serverSide().redemptions.redeemStackable({
      redeemables: [{ object: 'voucher', id: 'SAVE10' }],
      order,
      customer: { source_id: trackingId! },
    });
    expect(result.redemptions).toHaveLength(1);
    expect(result.parent_redemption).toMatchObject({ result: 'SUCCESS', related_object_type: 'redemption' });
    expect(result.order).toMatchObject({ total_amount: 5000 });
    expect(result.parent_redemption.customer_id).toMatch(/^cust_/);
    // The hashed id and the raw identity name the same customer.
    expect(server.sandbox.state.customers.size).toBe(1);
  });

  it('customers.get: by id and by source id', async () => {
    const { id } = (await serverSide().customers.create({ source_id: 'ada@example.com', name: 'Ada' })) as { id: string };
    const byId = await serverSide().customers.get(id);
    const bySource = await serverSide().customers.get('ada@example.com');
    expect(byId).toMatchObject({ id, name: 'Ada', object: 'customer' });
    expect(bySource).toMatchObject({ id });
  });

  it('customers.update: a partial update by source id', async () => {
    const { id } = (await serverSide().customers.create({ source_id: 'ada@example.com', name: 'Ada' })) as { id: string };
    const updated = await serverSide().customers.update({ source_id: 'ada@example.com', email: 'ada@example.com', metadata: { vip: true } });
    expect(updated).toMatchObject({ id, name: 'Ada', email: 'ada@example.com', metadata: { vip: true } });
  });

  it('vouchers.releaseValidationSession: DELETE /v1/vouchers/{code}/sessions/{sessionKey} frees the held use', async () => {
    server.sandbox.state.vouchers.set('ONCE', { code: 'ONCE', discount: { type: 'AMOUNT', amount_off: 100 }, redemption: { quantity: 1 } });
    const lock = { redeemables: [{ object: 'voucher' as const, id: 'ONCE' }], order, session: { type: 'LOCK' as const } };
    const held = await serverSide().validations.validateStackable(lock);
    const key = held.session?.key ?? '';
    expect(key).toMatch(/^ssn_/);
    expect((await serverSide().validations.validateStackable(lock)).valid).toBe(false);
    await expect(serverSide().vouchers.releaseValidationSession('ONCE', key)).resolves.toBeFalsy();
    expect((await serverSide().validations.validateStackable(lock)).valid).toBe(true);
    await expect(serverSide().vouchers.releaseValidationSession('ONCE', key)).rejects.toMatchObject({ code: 404, key: 'not_found' });
  });

  it('vouchers.get: GET /v1/vouchers/{code} shows a gift card balance after a partial redeem, and 404 for an unknown code', async () => {
    await serverSide().redemptions.redeemStackable({ redeemables: [{ object: 'voucher', id: 'GIFT50', gift: { credits: 1200 } }], order });
    const card = await serverSide().vouchers.get('GIFT50');
    expect(card).toMatchObject({ code: 'GIFT50', type: 'GIFT_VOUCHER', active: true, gift: { amount: 5000, balance: 3800 } });
    expect(card.redemption).toMatchObject({ redeemed_quantity: 1 });
    await expect(serverSide().vouchers.get('NOPE')).rejects.toMatchObject({ code: 404, key: 'not_found' });
  });

  it('customers.get: an unknown customer is the SDK error with code 404', async () => {
    await expect(serverSide().customers.get('nobody')).rejects.toMatchObject({ code: 404, key: 'not_found' });
  });

  const redeemTwo = () =>
    serverSide().redemptions.redeemStackable({
      redeemables: [
        { object: 'voucher', id: 'SAVE10' },
        { object: 'voucher', id: 'GIFT50' },
      ],
      order: { ...order, source_id: 'order-1' },
      customer: { source_id: 'ada@example.com' },
    });

  it('redemptions.rollbackStackable: POST /v1/redemptions/{parentRedemptionId}/rollbacks undoes parent and children', async () => {
    const redeemed = await redeemTwo();
    expect(server.sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(0);
    const result = await serverSide().redemptions.rollbackStackable(redeemed.parent_redemption.id, { metadata: { attempt: 1 } }, { reason: 'payment failed' });
    expect(result.parent_rollback).toMatchObject({ redemption: redeemed.parent_redemption.id, result: 'SUCCESS', reason: 'payment failed' });
    expect(result.rollbacks.map((r) => r.redemption)).toEqual(redeemed.redemptions.map((r) => r.id));
    expect(result.order).toMatchObject({ source_id: 'order-1', status: 'CANCELED' });
    expect(server.sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(5000);
    await expect(serverSide().redemptions.rollbackStackable(redeemed.parent_redemption.id)).rejects.toMatchObject({ code: 400, key: 'already_rolled_back' });
    await expect(serverSide().redemptions.rollbackStackable(redeemed.redemptions[0]!.id)).rejects.toMatchObject({
      code: 400,
      key: 'invalid_redemption_parent',
    });
  });

  it('redemptions.rollback: a stacked parent is the SDK error 400 invalid_redemption', async () => {
    const redeemed = await redeemTwo();
    await expect(serverSide().redemptions.rollback(redeemed.parent_redemption.id, { reason: 'refund' })).rejects.toMatchObject({
      code: 400,
      key: 'invalid_redemption',
      details: 'You can rollback only a single redemption. Use different endpoint for stacked redemption.',
    });
    expect(server.sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(0);
  });

  it('redemptions.list: GET /v1/redemptions with limit, page, customer, created_at and a voucher_code filter', async () => {
    const redeemed = await redeemTwo();
    const all = await serverSide().redemptions.list({ limit: 2, page: 1, customer: 'ada@example.com', created_at: { after: '2020-01-01T00:00:00Z' } });
    expect(all).toMatchObject({ object: 'list', data_ref: 'redemptions', total: 3 });
    expect(all.redemptions).toHaveLength(2);
    // The SDK's params type omits `filters`, but it sends them as they are.
    const filtered = await serverSide().redemptions.list({ filters: { voucher_code: { conditions: { $is: 'GIFT50' } } } } as never);
    expect(filtered.redemptions.map((r) => r.id)).toEqual([redeemed.redemptions[1]!.id]);
    await expect(serverSide().redemptions.list({ limit: 101 })).rejects.toMatchObject({ code: 400, key: 'invalid_payload' });
  });

  it('distributions.publications.create: POST /v1/publications publishes a personal welcome code', async () => {
    const publication = await serverSide().distributions.publications.create({ campaign: { name: 'welcome' }, customer: { source_id: 'ada@example.com' } });
    expect(publication).toMatchObject({ object: 'publication', result: 'SUCCESS', customer: { source_id: 'ada@example.com' } });
    const code = (publication as unknown as { voucher: { code: string; holder_id: string } }).voucher.code;
    expect(code).toMatch(/^WELCOME-/);
    expect(server.sandbox.state.vouchers.get(code)?.holder_id).toBe(publication.customer_id);
  });

  it('distributions.publications.create: a voucher another customer holds is the SDK error 400 voucher_already_published', async () => {
    await serverSide().distributions.publications.create({ voucher: 'SAVE10', customer: { source_id: 'ada@example.com' } });
    const error = await serverSide()
      .distributions.publications.create({ voucher: 'SAVE10', customer: { source_id: 'bob@example.com' } })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 400, key: 'voucher_already_published' });
  });

  it('join_once: SDK 2.9 sends it in the body, where the spec has no such field; the query parameter is what repeats a code', async () => {
    const sdk = serverSide();
    const customer = { source_id: 'ada@example.com' };
    const first = await sdk.distributions.publications.create({ join_once: true, campaign: { name: 'welcome' }, customer });
    const second = await sdk.distributions.publications.create({ join_once: true, campaign: { name: 'welcome' }, customer });
    const codeOf = (publication: unknown) => (publication as { voucher: { code: string } }).voucher.code;
    expect(codeOf(second)).not.toBe(codeOf(first));
    const direct = () =>
      fetch(`${server.url}/v1/publications?join_once=true`, {
        method: 'POST',
        headers: { 'X-App-Id': SANDBOX_KEYS.applicationId, 'X-App-Token': SANDBOX_KEYS.secretKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ campaign: { name: 'welcome' }, customer }),
      }).then((response) => response.json());
    const joined = codeOf(await direct());
    expect([codeOf(first), codeOf(second)]).toContain(joined);
    expect(codeOf(await direct())).toBe(joined);
  });
});

describe('@voucherify/sdk and promotion tiers', () => {
  // $200 of goods and a $5 shipping line.
  const bigCart = {
    items: [
      { product_id: 'prod_tv', quantity: 1, price: 20000 },
      { source_id: '5h1pp1ng', related_object: 'product' as const, quantity: 1, price: 500 },
    ],
  };

  it('server qualifications.checkEligibility: POST /v1/qualifications, paged with the created_at cursor', async () => {
    const first = await serverSide().qualifications.checkEligibility({ scenario: 'ALL', order: bigCart, options: { limit: 2, expand: ['redeemable'] } });
    expect(first.redeemables?.data?.map((entry) => entry.id)).toEqual(['promo_free_shipping', 'promo_10_off_over_100']);
    expect(first.redeemables?.data?.[0]).toMatchObject({
      object: 'promotion_tier',
      banner: 'Free shipping on orders over $50',
      campaign_id: 'camp_free_shipping',
    });
    expect(first.redeemables?.has_more).toBe(true);
    const next = await serverSide().qualifications.checkEligibility({
      scenario: 'ALL',
      order: bigCart,
      options: { limit: 2, starting_after: first.redeemables?.more_starting_after },
    });
    expect(next.redeemables?.data?.[0]?.id).toBe('promo_vip_25_exclusive');
  });

  it('client qualifications: POST /client/v1/qualifications, AUDIENCE_ONLY with the rule status', async () => {
    const result = await clientSide().qualifications({
      scenario: 'AUDIENCE_ONLY',
      order: { amount: 2000 },
      options: { filters: { resource_type: { conditions: { $in: ['promotion_tier'] } } } },
    });
    const tenOff = result.redeemables?.data?.find((entry) => entry.id === 'promo_10_off_over_100');
    expect(tenOff?.validation_rules_assignments?.data?.[0]).toMatchObject({ rule_id: 'val_order_over_100', validation_status: 'PARTIALLY_VALID' });
  });

  it('server validationRules.get: the threshold of a tier, GET /v1/validation-rules/{id}', async () => {
    const rule = await serverSide().validationRules.get('val_order_over_100');
    expect(rule).toMatchObject({ id: 'val_order_over_100', rules: { '1': { name: 'order.amount', conditions: { $more_than: [10000] } } } });
  });

  it('validateStackable and redeemStackable with promotion_tier redeemables', async () => {
    const redeemables = [
      { object: 'voucher' as const, id: 'SAVE10' },
      { object: 'promotion_tier' as const, id: 'promo_10_off_over_100' },
      { object: 'promotion_tier' as const, id: 'promo_free_shipping' },
    ];
    const validation = await clientSide().validateStackable({ redeemables, order: bigCart, customer: { source_id: 'ada@example.com' } });
    expect(validation.valid).toBe(true);
    expect(validation.order).toMatchObject({ total_discount_amount: 3450, total_amount: 17050 });
    const redemption = await serverSide().redemptions.redeemStackable({ redeemables, order: bigCart });
    expect(redemption.redemptions?.map((child) => child.related_object_type)).toEqual(['voucher', 'promotion_tier', 'promotion_tier']);
  });
});

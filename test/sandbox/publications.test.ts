import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_PUBLISH_DISABLED, createSandbox, SANDBOX_KEYS, SEED_CAMPAIGNS, type SandboxCampaign } from 'voucherkit/sandbox';
import { startCli, type CliProcess } from './cliProcess.js';
import { call } from './sandboxRequest.js';

// Personal codes: campaigns that generate a code per publication, POST /v1/publications with its body forms and
// errors, join_once, and the "Redemption only by code holder" rule.

const ada = { source_id: 'ada@example.com' };
const bob = { source_id: 'bob@example.com' };
const order = { amount: 4000 };
const publish = (sandbox: ReturnType<typeof createSandbox>, body: unknown, query = '') => call(sandbox, 'POST', `/v1/publications${query}`, body);

const referral: SandboxCampaign = {
  name: 'referral',
  code_config: { prefix: 'REF-', length: 6, charset: 'ABCDEFGH' },
  voucher: { discount: { type: 'AMOUNT', amount_off: 500 } },
};

describe('POST /v1/publications', () => {
  it('publishes a fresh WELCOME-#### code of the seed campaign to the customer, by name or id', async () => {
    const sandbox = createSandbox();
    const { status, body } = await publish(sandbox, { campaign: { name: 'welcome' }, customer: ada });
    expect(status).toBe(200);
    expect(body).toMatchObject({ object: 'publication', result: 'SUCCESS', channel: 'API', source_id: null, customer: { source_id: 'ada@example.com' } });
    expect(body.voucher.code).toMatch(/^WELCOME-[A-HJ-NP-Z2-9]{4}$/);
    expect(body.voucher).toMatchObject({ campaign: 'welcome', holder_id: body.customer_id, discount: { type: 'PERCENT', percent_off: 10 } });
    expect(body.vouchers_id).toEqual([`v_${body.voucher.code}`]);
    expect(sandbox.state.vouchers.get(body.voucher.code)?.sandbox_rules?.holder_only).toBe(true);
    // Example 3: the campaign as a string; and by its id.
    const byString = await publish(sandbox, { campaign: 'welcome', customer: bob, channel: 'myown', metadata: { year: 2022 } });
    expect(byString.body).toMatchObject({ channel: 'API', metadata: { year: 2022 } });
    expect(byString.body.voucher.code).not.toBe(body.voucher.code);
    const byId = await publish(sandbox, { campaign: { name: 'camp_welcome' }, customer: { source_id: 'cy@example.com' } });
    expect(byId.status).toBe(200);
    expect([...sandbox.state.publications.values()].map((p) => p.channel)).toEqual(['API', 'myown', 'API']);
  });

  it('publishes count codes as `vouchers`, count from 1 to 50', async () => {
    const sandbox = createSandbox({ campaigns: [referral] });
    const { status, body } = await publish(sandbox, { campaign: { name: 'referral', count: 50 }, customer: ada });
    expect(status).toBe(200);
    expect(body.voucher).toBeUndefined();
    expect(new Set(body.vouchers).size).toBe(50);
    for (const code of body.vouchers) expect(code).toMatch(/^REF-[A-H]{6}$/);
    for (const count of [0, 51, 1.5, '2']) {
      const refused = await publish(sandbox, { campaign: { name: 'referral', count }, customer: ada });
      expect(refused.status, String(count)).toBe(400);
      expect(refused.body).toMatchObject({ key: 'invalid_payload', details: expect.stringContaining('campaign.count') });
    }
    expect([...sandbox.state.vouchers.keys()].filter((code) => code.startsWith('REF-'))).toHaveLength(50);
  });

  it('answers missing_vouchers when neither a voucher nor a campaign is named, or the campaign is used up', async () => {
    const sandbox = createSandbox({ campaigns: [{ ...referral, vouchers_count: 2 }] });
    expect((await publish(sandbox, { customer: ada })).body).toMatchObject({
      code: 400,
      key: 'missing_vouchers',
      details: 'Either Campaign or Voucher is required',
    });
    expect((await publish(sandbox, { campaign: { name: 'referral', count: 2 }, customer: ada })).status).toBe(200);
    const full = await publish(sandbox, { campaign: 'referral', customer: bob });
    expect(full.status).toBe(400);
    expect(full.body).toMatchObject({ key: 'missing_vouchers', details: expect.stringContaining('no vouchers left') });
    expect(sandbox.state.publications.size).toBe(1);
  });

  it('answers voucher_already_published for a voucher another customer holds, and 404 for an unknown campaign', async () => {
    const sandbox = createSandbox();
    expect((await publish(sandbox, { voucher: 'SAVE10', customer: ada })).status).toBe(200);
    const again = await publish(sandbox, { voucher: 'SAVE10', customer: bob });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ key: 'voucher_already_published', resource_id: 'SAVE10' });
    expect(sandbox.state.vouchers.get('SAVE10')?.holder_id).toBe(sandbox.state.publications.values().next().value?.customer_id);
    const unknown = await publish(sandbox, { campaign: 'spring', customer: ada });
    expect(unknown).toMatchObject({ status: 404, body: { key: 'not_found', resource_type: 'campaign', resource_id: 'spring' } });
  });

  it('requires a customer with an id or a source_id', async () => {
    const sandbox = createSandbox();
    for (const customer of [undefined, {}, { name: 'Ada' }, { source_id: '' }, 'ada']) {
      const { status, body } = await publish(sandbox, { campaign: 'welcome', customer });
      expect(status).toBe(400);
      expect(body.key).toBe('invalid_customer');
    }
    expect(sandbox.state.vouchers.size).toBe(createSandbox().state.vouchers.size);
  });

  it('join_once=true answers the customer’s earlier publication of the campaign: the same code', async () => {
    const sandbox = createSandbox();
    const first = await publish(sandbox, { campaign: 'welcome', customer: ada }, '?join_once=true');
    const second = await publish(sandbox, { campaign: { name: 'welcome' }, customer: ada }, '?join_once=true');
    expect(second.status).toBe(200);
    expect(second.body.voucher.code).toBe(first.body.voucher.code);
    expect(second.body.id).toBe(first.body.id);
    // Another customer gets their own; without join_once a repeat is a second code.
    const other = await publish(sandbox, { campaign: 'welcome', customer: bob }, '?join_once=true');
    expect(other.body.voucher.code).not.toBe(first.body.voucher.code);
    const withoutJoinOnce = await publish(sandbox, { campaign: 'welcome', customer: ada });
    expect(withoutJoinOnce.body.voucher.code).not.toBe(first.body.voucher.code);
    expect((await publish(sandbox, { campaign: 'welcome', customer: ada }, '?join_once=yes')).status).toBe(400);
  });

  it('a repeated source_id: the same publication for the same customer and campaign, duplicate_source_id otherwise', async () => {
    const sandbox = createSandbox();
    const first = await publish(sandbox, { campaign: 'welcome', customer: ada, source_id: 'welcome-ada' });
    const repeat = await publish(sandbox, { campaign: 'welcome', customer: ada, source_id: 'welcome-ada' });
    expect(repeat.body).toMatchObject({ id: first.body.id, source_id: 'welcome-ada', voucher: { code: first.body.voucher.code } });
    const stolen = await publish(sandbox, { campaign: 'welcome', customer: bob, source_id: 'welcome-ada' });
    expect(stolen.status).toBe(400);
    expect(stolen.body).toMatchObject({ code: 400, key: 'duplicate_source_id', message: 'Duplicate source_id' });
    const otherTarget = await publish(sandbox, { voucher: 'SAVE10', customer: ada, source_id: 'welcome-ada' });
    expect(otherTarget.body.key).toBe('duplicate_source_id');
    // With a source_id, one voucher only (the spec's CreatePublicationBase).
    const many = await publish(sandbox, { campaign: { name: 'welcome', count: 2 }, customer: ada, source_id: 'two' });
    expect(many).toMatchObject({ status: 400, body: { key: 'invalid_payload' } });
    expect(sandbox.state.publications.size).toBe(1);
  });
});

describe('Redemption only by code holder', () => {
  async function welcomeCode(sandbox: ReturnType<typeof createSandbox>, customer: object): Promise<string> {
    const { body } = await publish(sandbox, { campaign: 'welcome', customer });
    return body.voucher.code as string;
  }

  it('validates and redeems for the holder only: another customer gets voucher_holder_mismatch', async () => {
    const sandbox = createSandbox();
    const code = await welcomeCode(sandbox, ada);
    const redeemables = [{ object: 'voucher', id: code }];
    const asBob = await call(sandbox, 'POST', '/client/v1/validations', { redeemables, order, customer: bob });
    expect(asBob.body.valid).toBe(false);
    expect(asBob.body.redeemables[0].result.error).toMatchObject({ code: 400, key: 'voucher_holder_mismatch', resource_id: code });
    expect(JSON.stringify(asBob.body)).not.toContain('ada@example.com');
    const anonymous = await call(sandbox, 'POST', '/client/v1/validations', { redeemables, order });
    expect(anonymous.body.redeemables[0].result.error.key).toBe('voucher_holder_mismatch');
    const redeemAsBob = await call(sandbox, 'POST', '/v1/redemptions', { redeemables, order, customer: bob });
    expect(redeemAsBob.status).toBe(400);
    expect(JSON.stringify(redeemAsBob.body)).toContain('voucher_holder_mismatch');
    const legacy = await call(sandbox, 'POST', `/v1/vouchers/${code}/redemption`, { order, customer: bob });
    expect(legacy).toMatchObject({ status: 400, body: { key: 'voucher_holder_mismatch' } });
    expect(sandbox.state.vouchers.get(code)?.redemption?.redeemed_quantity ?? 0).toBe(0);

    const asAda = await call(sandbox, 'POST', '/client/v1/validations', { redeemables, order, customer: ada });
    expect(asAda.body).toMatchObject({ valid: true, order: { total_discount_amount: 400 } });
    const redeemAsAda = await call(sandbox, 'POST', '/v1/redemptions', { redeemables, order, customer: ada });
    expect(redeemAsAda.status).toBe(200);
    expect(sandbox.state.vouchers.get(code)?.redemption?.redeemed_quantity).toBe(1);
  });

  it('the holder named by the tracking id the sandbox issued for them, or by customer id, is the holder', async () => {
    const sandbox = createSandbox();
    const code = await welcomeCode(sandbox, ada);
    const redeemables = [{ object: 'voucher', id: code }];
    const tracked = await call(sandbox, 'POST', '/client/v1/validations', { redeemables: [{ object: 'voucher', id: 'SAVE10' }], order, customer: ada });
    const byTrackingId = await call(sandbox, 'POST', '/client/v1/validations', { redeemables, order, tracking_id: tracked.body.tracking_id });
    expect(byTrackingId.body.valid).toBe(true);
    const holderId = sandbox.state.vouchers.get(code)!.holder_id!;
    const byId = await call(sandbox, 'POST', '/v1/validations', { redeemables, order, customer: { id: holderId } });
    expect(byId.body.valid).toBe(true);
  });

  it('a holder-only code nobody holds yet is refused to everyone', async () => {
    const sandbox = createSandbox({
      vouchers: [{ code: 'MINE', discount: { type: 'AMOUNT', amount_off: 100 }, sandbox_rules: { holder_only: true } }],
      campaigns: [],
    });
    const { body } = await call(sandbox, 'POST', '/client/v1/validations', { redeemables: [{ object: 'voucher', id: 'MINE' }], order, customer: ada });
    expect(body.redeemables[0].result.error).toMatchObject({ key: 'voucher_holder_mismatch', details: expect.stringContaining('not published') });
  });
});

describe('POST /client/v1/publish', () => {
  it('is refused by default with 403 client_publish_disabled, before the body is read, and publishes nothing', async () => {
    const sandbox = createSandbox();
    const { status, body } = await call(sandbox, 'POST', '/client/v1/publish', { campaign: 'welcome', customer: ada });
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 403, key: CLIENT_PUBLISH_DISABLED, details: expect.stringContaining('clientPublish') });
    expect((await call(sandbox, 'POST', '/client/v1/publish', 'not an object')).status).toBe(403);
    expect(sandbox.state.publications.size).toBe(0);
    expect(sandbox.state.customers.size).toBe(0);
  });

  it('publishes with createSandbox({ clientPublish: true }), join_once included', async () => {
    const sandbox = createSandbox({ clientPublish: true });
    const first = await call(sandbox, 'POST', '/client/v1/publish?join_once=true', { campaign: 'welcome', customer: ada });
    expect(first.status).toBe(200);
    const second = await call(sandbox, 'POST', '/client/v1/publish?join_once=true', { campaign: 'welcome', customer: ada });
    expect(second.body.voucher.code).toBe(first.body.voucher.code);
  });
});

describe('createSandbox({ campaigns })', () => {
  it('starts with the seed welcome campaign and resets to it', async () => {
    expect(SEED_CAMPAIGNS.map((campaign) => [campaign.name, campaign.description, campaign.holder_only])).toEqual([
      ['welcome', 'Get 10% off your first order', true],
    ]);
    const sandbox = createSandbox();
    await publish(sandbox, { campaign: 'welcome', customer: ada });
    sandbox.reset();
    expect(sandbox.state.publications.size).toBe(0);
    expect([...sandbox.state.vouchers.keys()].some((code) => code.startsWith('WELCOME-'))).toBe(false);
  });

  it.each([
    [[{ ...referral, name: '' }], TypeError, /campaigns\[0\]\.name/],
    [[referral, { ...referral }], RangeError, /"referral".*used by another campaign/],
    [[{ ...referral, code_config: { pattern: 'FIXED' } }], RangeError, /has no # to generate/],
    [[{ ...referral, code_config: { pattern: 'A-#' } }], RangeError, /makes 32 distinct codes, fewer than the 1000 it needs/],
    [[{ ...referral, code_config: { pattern: 'A-#####', charset: 'A' } }], RangeError, /charset needs 2 to 256/],
    [[{ ...referral, code_config: { length: 0 } }], RangeError, /code_config\.length must be an integer from 1 to 64/],
    [[{ ...referral, vouchers_count: 0 }], RangeError, /vouchers_count/],
    [[{ ...referral, code_config: { pattern: 'A-#' }, vouchers_count: 20 }], undefined, undefined],
    [[{ ...referral, voucher: { discount: { type: 'SHIPPING' } } }], RangeError, /campaign "referral": voucher: .*SHIPPING/],
    [[{ ...referral, voucher: {} }], TypeError, /campaign "referral": voucher: it needs a `discount` or a `gift`/],
    [[{ ...referral, holder_only: 'yes' }], TypeError, /holder_only must be a boolean/],
  ])('checks a campaign on the way in: %#', (campaigns, type, message) => {
    if (!type) return void expect(() => createSandbox({ campaigns: campaigns as SandboxCampaign[] })).not.toThrow();
    expect(() => createSandbox({ campaigns: campaigns as SandboxCampaign[] })).toThrow(type);
    expect(() => createSandbox({ campaigns: campaigns as SandboxCampaign[] })).toThrow(message);
  });
});

describe('the voucherkit-sandbox process and --client-publish', () => {
  let cli: CliProcess | undefined;
  afterEach(async () => {
    await cli?.stop();
    cli = undefined;
  });
  const publishOver = (port: number) =>
    fetch(`http://127.0.0.1:${port}/client/v1/publish`, {
      method: 'POST',
      headers: {
        'X-Client-Application-Id': SANDBOX_KEYS.clientApplicationId,
        'X-Client-Token': SANDBOX_KEYS.clientToken,
        'Content-Type': 'application/json',
        Origin: 'https://shop.example.com',
      },
      body: JSON.stringify({ campaign: 'welcome', customer: ada }),
    });

  it('refuses client-side publishing without the flag', async () => {
    cli = await startCli();
    const response = await publishOver(cli.port);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ key: 'client_publish_disabled' });
  }, 30_000);

  it('publishes client-side with --client-publish', async () => {
    cli = await startCli(['--client-publish']);
    const response = await publishOver(cli.port);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: 'publication', voucher: { code: expect.stringMatching(/^WELCOME-/) } });
  }, 30_000);
});

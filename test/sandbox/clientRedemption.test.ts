import { afterEach, describe, expect, it } from 'vitest';
import { CLIENT_REDEMPTION_DISABLED, createSandbox, SANDBOX_KEYS } from 'voucherkit/sandbox';
import { startCli, type CliProcess } from './cliProcess.js';
import { call } from './sandboxRequest.js';

// A Voucherify project refuses redemption with the publishable keys unless its owner turns it on; so does the
// sandbox, with its own error key (Voucherify does not document the one it sends).

const order = { amount: 4000 };
const stacked = { redeemables: [{ object: 'voucher', id: 'GIFT50' }], order, customer: { source_id: 'ada@example.com' } };

describe('client-side redemption', () => {
  it('refuses POST /client/v1/redemptions by default with a 403 error object, and redeems nothing', async () => {
    const sandbox = createSandbox();
    const { status, body } = await call(sandbox, 'POST', '/client/v1/redemptions', stacked);
    expect(status).toBe(403);
    expect(body).toEqual({
      code: 403,
      key: 'client_redemption_disabled',
      message: expect.any(String),
      details: expect.stringContaining('clientRedemption'),
      request_id: expect.stringMatching(/^v-/),
    });
    expect(CLIENT_REDEMPTION_DISABLED).toBe('client_redemption_disabled');
    expect(sandbox.state.redemptions.size).toBe(0);
    expect(sandbox.state.customers.size).toBe(0);
    expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(5000);
  });

  it('refuses the deprecated POST /client/v1/redeem by default, before reading the body', async () => {
    const sandbox = createSandbox();
    const { status, body } = await call(sandbox, 'POST', '/client/v1/redeem?code=SAVE10', { order });
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 403, key: 'client_redemption_disabled' });
    // The project setting decides whatever the body holds: even a malformed one gets the 403.
    expect((await call(sandbox, 'POST', '/client/v1/redeem?code=SAVE10', 'not an object')).status).toBe(403);
    expect(sandbox.state.vouchers.get('SAVE10')?.redemption?.redeemed_quantity ?? 0).toBe(0);
  });

  it('still checks the keys first: a wrong client token is 401, not 403', async () => {
    const { status } = await call(createSandbox(), 'POST', '/client/v1/redemptions', stacked, {
      'X-Client-Application-Id': SANDBOX_KEYS.clientApplicationId,
      'X-Client-Token': 'wrong',
      'Content-Type': 'application/json',
    });
    expect(status).toBe(401);
  });

  it('leaves validation and the server API alone', async () => {
    const sandbox = createSandbox();
    expect((await call(sandbox, 'POST', '/client/v1/validations', stacked)).status).toBe(200);
    expect((await call(sandbox, 'POST', '/v1/redemptions', stacked)).status).toBe(200);
  });

  it('redeems with createSandbox({ clientRedemption: true })', async () => {
    const sandbox = createSandbox({ clientRedemption: true });
    const { status, body } = await call(sandbox, 'POST', '/client/v1/redemptions', stacked);
    expect(status).toBe(200);
    expect(body.parent_redemption).toMatchObject({ result: 'SUCCESS', channel: { channel_type: 'USER' } });
    expect((await call(sandbox, 'POST', '/client/v1/redeem?code=SAVE10', { order })).status).toBe(200);
    expect(sandbox.state.vouchers.get('GIFT50')?.gift?.balance).toBe(1000);
  });
});

describe('the voucherkit-sandbox process and --client-redemption', () => {
  let cli: CliProcess | undefined;
  afterEach(async () => {
    await cli?.stop();
    cli = undefined;
  });

  const redeemOver = (port: number) =>
    fetch(`http://127.0.0.1:${port}/client/v1/redemptions`, {
      method: 'POST',
      headers: {
        'X-Client-Application-Id': SANDBOX_KEYS.clientApplicationId,
        'X-Client-Token': SANDBOX_KEYS.clientToken,
        'Content-Type': 'application/json',
        Origin: 'https://shop.example.com',
      },
      body: JSON.stringify(stacked),
    });

  it('refuses client-side redemption without the flag', async () => {
    cli = await startCli();
    const response = await redeemOver(cli.port);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ key: 'client_redemption_disabled' });
  }, 30_000);

  it('redeems client-side with --client-redemption', async () => {
    cli = await startCli(['--client-redemption']);
    const response = await redeemOver(cli.port);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ parent_redemption: { result: 'SUCCESS' } });
  }, 30_000);
});

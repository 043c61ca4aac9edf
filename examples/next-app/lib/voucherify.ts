import { createRedeemOnce, createVoucherifyServer, type RedeemOnce, type VoucherifyServer } from 'voucherkit/server';

let server: { voucherify: VoucherifyServer; redeemOnce: RedeemOnce } | undefined;

/**
 * The server client and its once-per-order redeem, made on first use: `next build` imports route modules, and the
 * secret key is only in the environment at run time. One store per process; use a shared one (Redis) with replicas.
 *
 * @example
 * const { voucherify, redeemOnce } = voucherifyServer()
 */
export function voucherifyServer() {
  server ??= (() => {
    const voucherify = createVoucherifyServer({
      applicationId: requireEnv('VOUCHERIFY_APP_ID'),
      secretKey: requireEnv('VOUCHERIFY_SECRET_KEY'), // server env only: never a NEXT_PUBLIC_ variable
      apiUrl: process.env.VOUCHERIFY_API_URL || undefined,
    });
    return { voucherify, redeemOnce: createRedeemOnce(voucherify) };
  })();
  return server;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (see .env)`);
  return value;
}

#!/usr/bin/env node
// voucherkit-sandbox: serves the sandbox on loopback and prints its URL, keys and codes. Node only.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createSandbox } from './createSandbox.js';
import { SANDBOX_KEYS } from './state/sandboxKeys.js';
import { SEED_CODES } from './state/seedVouchers.js';
import { startSandboxServer } from './startSandboxServer.js';
import type { SandboxVoucher } from './types.js';

const usage = `Usage: voucherkit-sandbox [--port 4010] [--host 127.0.0.1] [--seed vouchers.json] [--allowed-origin <origin>]...
                          [--client-redemption]

  --port            port to listen on; 0 picks a free one (default 4010)
  --host            interface to bind (default 127.0.0.1: loopback only)
  --seed            a JSON file with an array of vouchers (or { "vouchers": [...] }) in Voucherify's voucher
                    shape, replacing the built-in codes
  --allowed-origin  an origin allowed on /client/v1 (repeatable; default: any)
  --client-redemption
                    let the publishable keys redeem (POST /client/v1/redemptions, /client/v1/redeem); off by
                    default, as in a Voucherify project, and then answered 403 client_redemption_disabled
  --help            this text`;

/** A one-line description of a voucher from a seed file. */
function describe(voucher: SandboxVoucher): string {
  if (voucher.gift) return `gift card, balance ${voucher.gift.balance}`;
  const discount = voucher.discount;
  if (!discount) return 'no discount';
  switch (discount.type) {
    case 'AMOUNT':
      return `AMOUNT: ${discount.amount_off ?? 0} off`;
    case 'PERCENT':
      return `PERCENT: ${discount.percent_off ?? 0}% off${discount.amount_limit ? `, capped at ${discount.amount_limit}` : ''}`;
    case 'UNIT':
      return `UNIT: ${discount.unit_off ?? 0} × ${discount.unit_type ?? 'unit'} free`;
    case 'FIXED':
      return `FIXED: order price set to ${discount.fixed_amount ?? 0}`;
  }
}

async function readSeed(file: string): Promise<SandboxVoucher[]> {
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  const list = Array.isArray(parsed) ? parsed : (parsed as { vouchers?: unknown } | null)?.vouchers;
  if (!Array.isArray(list)) throw new Error(`${file}: expected an array of vouchers or { "vouchers": [...] }`);
  list.forEach((voucher: unknown, index) => {
    const v = voucher as Partial<SandboxVoucher> | null;
    if (!v || typeof v.code !== 'string' || (!v.discount && !v.gift)) {
      throw new Error(`${file}: vouchers[${index}] needs a string "code" and a "discount" or a "gift"`);
    }
  });
  return list as SandboxVoucher[];
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'client-redemption': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got ${values.port}`);
  const vouchers = values.seed ? await readSeed(values.seed) : undefined;
  const sandbox = createSandbox({
    ...(vouchers ? { vouchers } : {}),
    ...(values['allowed-origin'] ? { allowedOrigins: values['allowed-origin'] } : {}),
    clientRedemption: values['client-redemption'],
  });
  const server = await startSandboxServer({ port, host: values.host, sandbox });
  const codes = vouchers ? vouchers.map((voucher) => ({ code: voucher.code, description: describe(voucher) })) : SEED_CODES;
  const width = Math.max('(other)'.length, ...codes.map(({ code }) => code.length));
  console.log(`voucherkit sandbox listening on ${server.url}
  apiUrl                 ${server.url}
  clientApplicationId    ${SANDBOX_KEYS.clientApplicationId}
  clientToken            ${SANDBOX_KEYS.clientToken}
  applicationId          ${SANDBOX_KEYS.applicationId}
  secretKey              ${SANDBOX_KEYS.secretKey}
  allowed origins        ${(values['allowed-origin'] ?? ['*']).join(', ')}
  client-side redemption ${values['client-redemption'] ? 'on' : 'off (--client-redemption turns it on)'}

codes:
${codes.map(({ code, description }) => `  ${code.padEnd(width)}  ${description}`).join('\n')}
  ${'(other)'.padEnd(width)}  Rejected: not_found

Ctrl-C stops.`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`voucherkit-sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

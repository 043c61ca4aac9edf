import { codeCharset, codePattern, codeSpace } from './codeConfig.js';
import type { SandboxCampaign } from '../types.js';
import { assertSandboxVouchers } from './voucherShape.js';

/** Fewer possible codes than this and an unlimited campaign would soon draw only codes already taken. */
const MIN_OPEN_CODE_SPACE = 1000;
const MAX_GENERATED_LENGTH = 64;

const isString = (value: unknown): value is string => typeof value === 'string';

/** The campaign's `id`: its own, or `camp_` + its name. */
export function campaignId(campaign: SandboxCampaign): string {
  return campaign.id ?? `camp_${campaign.name}`;
}

/**
 * Refuses, when the sandbox is created, a campaign it could not serve: no name or a repeated name or id, a
 * `code_config` with no `#` to generate or too few possible codes, a charset of fewer than two characters, a
 * voucher template `createSandbox({ vouchers })` would refuse. The error names the campaign and the field.
 *
 * @example
 * assertSandboxCampaigns([{ name: 'x', code_config: { pattern: 'FIXED' }, voucher: { discount: { type: 'PERCENT', percent_off: 10 } } }])
 * // RangeError: createSandbox: campaign "x": code_config.pattern "FIXED" has no # to generate
 */
export function assertSandboxCampaigns(campaigns: readonly SandboxCampaign[]): void {
  if (!Array.isArray(campaigns)) throw new TypeError('createSandbox: campaigns must be an array');
  const names = new Set<string>();
  campaigns.forEach((campaign: SandboxCampaign | null, index) => {
    if (!campaign || typeof campaign !== 'object' || !isString(campaign.name) || campaign.name.trim() === '') {
      throw new TypeError(`createSandbox: campaigns[${index}].name must be a non-empty string`);
    }
    const where = `createSandbox: campaign ${JSON.stringify(campaign.name)}`;
    if (campaign.id !== undefined && (!isString(campaign.id) || campaign.id === '')) throw new TypeError(`${where}: id must be a non-empty string`);
    for (const name of new Set([campaign.name, campaignId(campaign)])) {
      if (names.has(name)) throw new RangeError(`${where}: the name or id ${JSON.stringify(name)} is used by another campaign`);
      names.add(name);
    }
    const config = campaign.code_config as SandboxCampaign['code_config'] | undefined;
    if (!config || typeof config !== 'object') throw new TypeError(`${where}: code_config must be an object ({ pattern } or { length, prefix?, postfix? })`);
    for (const field of ['pattern', 'charset', 'prefix', 'postfix'] as const) {
      if (config[field] !== undefined && !isString(config[field])) throw new TypeError(`${where}: code_config.${field} must be a string`);
    }
    if (config.length !== undefined && (!Number.isInteger(config.length) || config.length < 1 || config.length > MAX_GENERATED_LENGTH)) {
      throw new RangeError(`${where}: code_config.length must be an integer from 1 to ${MAX_GENERATED_LENGTH}, got ${String(config.length)}`);
    }
    const pattern = codePattern(config);
    const slots = [...pattern].filter((character) => character === '#').length;
    if (slots === 0) throw new RangeError(`${where}: code_config.pattern ${JSON.stringify(pattern)} has no # to generate`);
    if (slots > MAX_GENERATED_LENGTH) throw new RangeError(`${where}: code_config.pattern has ${slots} #, at most ${MAX_GENERATED_LENGTH}`);
    if (config.charset !== undefined && (codeCharset(config).length < 2 || codeCharset(config).length > 256 || config.charset.includes('#'))) {
      throw new RangeError(`${where}: code_config.charset needs 2 to 256 distinct characters and no #`);
    }
    const count = campaign.vouchers_count;
    if (count !== undefined && (!Number.isSafeInteger(count) || count < 1)) {
      throw new RangeError(`${where}: vouchers_count must be a whole number, 1 or more, got ${String(count)}`);
    }
    const needed = count ?? MIN_OPEN_CODE_SPACE;
    if (codeSpace(config) < needed) {
      throw new RangeError(`${where}: code_config makes ${codeSpace(config)} distinct codes, fewer than the ${needed} it needs; add # or characters`);
    }
    if (campaign.holder_only !== undefined && typeof campaign.holder_only !== 'boolean') throw new TypeError(`${where}: holder_only must be a boolean`);
    if (!campaign.voucher || typeof campaign.voucher !== 'object') throw new TypeError(`${where}: voucher must be an object with a discount or a gift`);
    try {
      assertSandboxVouchers([{ ...campaign.voucher, code: pattern }]);
    } catch (error) {
      const Refusal = error instanceof TypeError ? TypeError : RangeError;
      throw new Refusal(`${where}: voucher: ${(error as Error).message.replace(/^createSandbox: voucher "(?:[^"\\]|\\.)*": /, '')}`, { cause: error });
    }
  });
}

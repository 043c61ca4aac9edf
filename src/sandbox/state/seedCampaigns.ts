import type { SandboxCampaign } from '../types.js';

/**
 * The campaigns every sandbox starts with: `welcome`, "Get 10% off your first order", one `WELCOME-####` code per
 * customer, usable once and only by the customer it was published to.
 *
 * @example
 * createSandbox({ campaigns: [...SEED_CAMPAIGNS, { name: 'referral', code_config: { pattern: 'REF-######' }, voucher: { discount: { type: 'AMOUNT', amount_off: 500 } } }] })
 */
export const SEED_CAMPAIGNS: readonly SandboxCampaign[] = Object.freeze([
  {
    name: 'welcome',
    id: 'camp_welcome',
    description: 'Get 10% off your first order',
    code_config: { pattern: 'WELCOME-####' },
    voucher: {
      type: 'DISCOUNT_VOUCHER',
      discount: { type: 'PERCENT', percent_off: 10, effect: 'APPLY_TO_ORDER' },
      redemption: { quantity: 1 },
    },
    holder_only: true,
  },
]);

import { createCustomer, getCustomer, listCustomers, putCustomer } from './customers.js';
import { clientRedemptionGuard } from '../http/clientRedemption.js';
import { clientPublishGuard } from '../http/clientPublish.js';
import { createPublication } from './publications.js';
import { listRedemptions } from './redemptionList.js';
import { getRedemption, redeemStackable, redeemVoucher, rollback, rollbackStacked } from './redemptions.js';
import { trackEvent } from './engagement.js';
import { listPromotionTiers } from './promotionTiers.js';
import { checkEligibility } from './qualifications.js';
import { getValidationRule } from './validationRules.js';
import { validateVoucherClient, validateVoucherServer } from './legacyValidation.js';
import type { Route } from '../http/router.js';
import { releaseSession } from './sessions.js';
import { validateStackable } from './validations.js';
import { getVoucher } from './vouchers.js';

/** The publishable client API (/client/v1): client keys, origin allow-list, CORS. */
export const clientRoutes: readonly Route[] = [
  { method: 'POST', path: '/client/v1/validations', handler: validateStackable },
  { method: 'POST', path: '/client/v1/redemptions', handler: clientRedemptionGuard(redeemStackable) },
  { method: 'GET', path: '/client/v1/validate', handler: validateVoucherClient },
  { method: 'POST', path: '/client/v1/redeem', handler: clientRedemptionGuard(redeemVoucher) },
  { method: 'POST', path: '/client/v1/events', handler: trackEvent },
  { method: 'POST', path: '/client/v1/qualifications', handler: checkEligibility },
  { method: 'GET', path: '/client/v1/promotions/tiers', handler: listPromotionTiers },
  { method: 'POST', path: '/client/v1/publish', handler: clientPublishGuard(createPublication) },
];

/** The secret server API (/v1): X-App-Id / X-App-Token. */
export const serverRoutes: readonly Route[] = [
  { method: 'POST', path: '/v1/validations', handler: validateStackable },
  { method: 'POST', path: '/v1/redemptions', handler: redeemStackable },
  { method: 'GET', path: '/v1/redemptions', handler: listRedemptions },
  { method: 'GET', path: '/v1/redemptions/{redemptionId}', handler: getRedemption },
  { method: 'POST', path: '/v1/redemptions/{redemptionId}/rollback', handler: rollback },
  { method: 'POST', path: '/v1/redemptions/{parentRedemptionId}/rollbacks', handler: rollbackStacked },
  { method: 'POST', path: '/v1/vouchers/{code}/validate', handler: validateVoucherServer },
  { method: 'POST', path: '/v1/vouchers/{code}/redemption', handler: redeemVoucher },
  { method: 'DELETE', path: '/v1/vouchers/{code}/sessions/{sessionKey}', handler: releaseSession },
  { method: 'GET', path: '/v1/vouchers/{code}', handler: getVoucher },
  { method: 'GET', path: '/v1/customers', handler: listCustomers },
  { method: 'POST', path: '/v1/customers', handler: createCustomer },
  { method: 'GET', path: '/v1/customers/{customerId}', handler: getCustomer },
  { method: 'PUT', path: '/v1/customers/{customerId}', handler: putCustomer },
  { method: 'POST', path: '/v1/publications', handler: createPublication },
  { method: 'POST', path: '/v1/qualifications', handler: checkEligibility },
  { method: 'GET', path: '/v1/validation-rules/{validationRuleId}', handler: getValidationRule },
];

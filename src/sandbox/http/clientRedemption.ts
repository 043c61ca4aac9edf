import type { RouteHandler } from './context.js';
import { projectSwitchGuard } from './projectSwitchGuard.js';

/**
 * The key of the 403 a client-side redeem gets while client-side redemption is off. Voucherify refuses these calls
 * unless the project owner enables them but does not document the error it sends, so this key is the sandbox's own.
 *
 * @example
 * if (error.key === CLIENT_REDEMPTION_DISABLED) console.warn('enable client-side redemption or redeem on the server')
 */
export const CLIENT_REDEMPTION_DISABLED = 'client_redemption_disabled';

/**
 * Wraps a redeem handler of the client API so it answers 403 `client_redemption_disabled` unless the sandbox was
 * created with `clientRedemption: true`. The refusal comes before the body is read: the project setting decides,
 * whatever the request holds, and nothing is redeemed.
 *
 * @example
 * { method: 'POST', path: '/client/v1/redemptions', handler: clientRedemptionGuard(redeemStackable) }
 */
export const clientRedemptionGuard: (handler: RouteHandler) => RouteHandler = /* @__PURE__ */ projectSwitchGuard((context) => context.clientRedemption, {
  key: CLIENT_REDEMPTION_DISABLED,
  message: 'Client-side redemption is disabled',
  details:
    'This project does not allow redeeming with publishable keys; redeem on the server with the secret keys, ' +
    'or enable client-side redemption (sandbox: createSandbox({ clientRedemption: true }) or --client-redemption).',
});

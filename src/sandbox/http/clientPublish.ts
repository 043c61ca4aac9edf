import type { RouteHandler } from './context.js';
import { projectSwitchGuard } from './projectSwitchGuard.js';

/**
 * The key of the 403 a client-side publish gets while client-side publishing is off. Voucherify's project switch
 * refuses these calls, but its spec documents no error for it, so this key is the sandbox's own.
 *
 * @example
 * if (error.key === CLIENT_PUBLISH_DISABLED) console.warn('publish on your server: voucherify.publish({ campaign, customer })')
 */
export const CLIENT_PUBLISH_DISABLED = 'client_publish_disabled';

/**
 * Wraps POST /client/v1/publish so it answers 403 `client_publish_disabled` unless the sandbox was created with
 * `clientPublish: true`. With the publishable key any script could drain a campaign and bind its codes to any
 * customer, so the refusal comes before the body is read and nothing is published.
 *
 * @example
 * { method: 'POST', path: '/client/v1/publish', handler: clientPublishGuard(createPublication) }
 */
export const clientPublishGuard: (handler: RouteHandler) => RouteHandler = /* @__PURE__ */ projectSwitchGuard((context) => context.clientPublish, {
  key: CLIENT_PUBLISH_DISABLED,
  message: 'Client-side publishing is disabled',
  details:
    'This project does not allow publishing with publishable keys; publish on the server (POST /v1/publications ' +
    "with the secret keys: the server helper's publish), or enable it (sandbox: createSandbox({ clientPublish: true }) or --client-publish).",
});

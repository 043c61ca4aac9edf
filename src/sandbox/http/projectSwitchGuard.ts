import type { RouteHandler, SandboxContext } from './context.js';
import { errorResponse } from './responses.js';

/** The 403 a route answers while its project switch is off. */
export interface SwitchRefusal {
  key: string;
  message: string;
  details: string;
}

/**
 * A wrapper for client-API routes behind a project switch (Voucherify's client-side redemption and publishing): off,
 * the route answers 403 with `refusal` before the body is read, so the setting decides whatever the request holds
 * and nothing is written.
 *
 * @example
 * const guard = projectSwitchGuard((context) => context.clientPublish, { key: 'client_publish_disabled', message, details })
 */
export function projectSwitchGuard(isOn: (context: SandboxContext) => boolean, refusal: SwitchRefusal): (handler: RouteHandler) => RouteHandler {
  return (handler) => (context) => (isOn(context) ? handler(context) : errorResponse({ code: 403, ...refusal }));
}

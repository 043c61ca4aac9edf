import { pathSegment } from '../core/index.js';

/** `/v1/redemptions/{id}` with the id checked as one path segment, named in the error after the method that took it. */
export function redemptionPath(method: string, name: string, redemptionId: string): string {
  return `/v1/redemptions/${pathSegment(`${method}(${name}), a redemption id (r_… or rr_…),`, redemptionId)}`;
}

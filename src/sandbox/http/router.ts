import type { RouteHandler } from './context.js';

/** One route: a method, a path pattern with `{param}` segments, and its handler. */
export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: RouteHandler;
}

/** The outcome of matching a request against the routes. */
export type RouteMatch =
  { kind: 'found'; handler: RouteHandler; params: Record<string, string> } | { kind: 'method_not_allowed'; allowed: string[] } | { kind: 'not_found' };

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] ?? '';
    const actual = have[i] ?? '';
    if (segment.startsWith('{') && segment.endsWith('}')) {
      if (actual === '') return null;
      try {
        params[segment.slice(1, -1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (segment !== actual) {
      return null;
    }
  }
  return params;
}

/** Finds the route for a method and path; a known path with another method is a 405, as in Voucherify. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, normalized);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', handler: route.handler, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
}

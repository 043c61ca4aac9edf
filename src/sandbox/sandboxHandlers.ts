import { http, type HttpHandler } from 'msw';
import { isConnectionReset } from './http/faults.js';
import type { Sandbox } from './types.js';

/** Options of `sandboxHandlers`. */
export interface SandboxHandlersOptions {
  /** The API host the code under test calls; may carry a path prefix (a proxy). @default 'https://api.voucherify.io' */
  baseUrl?: string;
}

/**
 * MSW 2 request handlers that answer Voucherify's client and server API from a sandbox, for tests
 * (`setupServer`) and Storybook (`parameters.msw`). `msw` is an optional peer dependency.
 *
 * @example
 * const server = setupServer(...sandboxHandlers(createSandbox()))
 */
export function sandboxHandlers(sandbox: Sandbox, options: SandboxHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? 'https://api.voucherify.io').replace(/\/+$/, '');
  const { origin } = new URL(base);
  // The sandbox routes on /client/v1 and /v1 at the root; a proxy prefix in baseUrl is taken off first.
  const answer = async ({ request }: { request: Request }) => {
    try {
      return await sandbox.handle(base === origin ? request : new Request(origin + request.url.slice(base.length), request));
    } catch (error) {
      // A connection_reset fault: MSW turns Response.error() into the TypeError fetch rejects with.
      if (isConnectionReset(error)) return Response.error();
      // The caller went away mid-request (a latency or hang fault): nobody reads this answer, and MSW would
      // otherwise log the handler's AbortError as an unhandled exception.
      if (request.signal.aborted) return new Response(null, { status: 499 });
      throw error;
    }
  };
  return [http.all(`${base}/client/v1/*`, answer), http.all(`${base}/v1/*`, answer)];
}

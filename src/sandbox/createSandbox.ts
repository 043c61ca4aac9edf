import { MAX_TIMER_MS, timerMs } from '../core/internal.js';
import { checkClient, checkServer, corsHeaders, preflight } from './http/access.js';
import { readCappedBody } from './http/bodyLimit.js';
import type { SandboxContext } from './http/context.js';
import { assertFaults, delay, faultResponse, RATE_LIMIT, takeFaults } from './http/faults.js';
import { PayloadRangeError } from './engine/payloadNumbers.js';
import { errorResponse, invalidPayload } from './http/responses.js';
import { matchRoute } from './http/router.js';
import { clientRoutes, serverRoutes } from './routes/index.js';
import { SANDBOX_KEYS } from './state/sandboxKeys.js';
import { SEED_VOUCHERS } from './state/seedVouchers.js';
import { randomSecret } from './state/trackingIds.js';
import { assertSandboxVouchers } from './state/voucherShape.js';
import type { Sandbox, SandboxFault, SandboxOptions, SandboxState, SandboxVoucher } from './types.js';

const MAX_LOGGED_REQUESTS = 10_000;

const toList = <T>(value: T | readonly T[] | undefined, fallback: T): readonly T[] =>
  value === undefined ? [fallback] : Array.isArray(value) ? (value as readonly T[]) : [value as T];

// Deep copies, so redeeming in one sandbox never changes the seed data or another sandbox.
const copyVoucher = (voucher: SandboxVoucher): SandboxVoucher => structuredClone(voucher);
const copyFaults = (faults: readonly SandboxFault[]): SandboxFault[] => faults.map((fault) => ({ ...fault }));

/** Copies of `faults`, each latency checked as the timer it becomes (0 allowed: no delay). */
/**
 * Creates a Voucherify-compatible API over in-memory state: one fetch handler (Request → Response) for the
 * client API (/client/v1) and the server API (/v1), with the seed vouchers, key checks, CORS, tracking ids,
 * customers, redemptions and faults on demand.
 *
 * @example
 * const sandbox = createSandbox()
 * const client = createVoucherifyClient({ ...SANDBOX_KEYS, fetch: (input, init) => sandbox.handle(new Request(input, init)) })
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const clock = options.clock ?? Date.now;
  const clientKeys = toList(options.clientKeys, { clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken });
  const serverKeys = toList(options.serverKeys, { applicationId: SANDBOX_KEYS.applicationId, secretKey: SANDBOX_KEYS.secretKey });
  const allowedOrigins = options.allowedOrigins ?? ['*'];
  const initialVouchers = options.vouchers ?? SEED_VOUCHERS;
  assertSandboxVouchers(initialVouchers);
  const latencyMs = timerMs('createSandbox', 'latencyMs', options.latencyMs ?? 0, { min: 0 });
  const initialFaults = options.faults ?? [];
  assertFaults('createSandbox', initialFaults);
  const secret = options.trackingSecret ?? randomSecret();
  const clientRedemption = options.clientRedemption ?? false;
  let quota = { start: 0, count: 0 };

  const state: SandboxState = {
    vouchers: new Map(),
    customers: new Map(),
    redemptions: new Map(),
    sessions: new Map(),
    trackingIds: new Map(),
    events: [],
    faults: [],
    requests: [],
  };

  function reset(): void {
    state.vouchers = new Map(initialVouchers.map((voucher) => [voucher.code, copyVoucher(voucher)]));
    state.customers.clear();
    state.redemptions.clear();
    state.sessions.clear();
    state.trackingIds.clear();
    state.events.length = 0;
    state.requests.length = 0;
    state.faults = copyFaults(initialFaults);
    quota = { start: 0, count: 0 };
  }
  reset();

  /** Voucherify reports its quota on every response; the sandbox counts requests per hour. */
  function rateLimitHeaders(now: number): Record<string, string> {
    const hour = Math.floor(now / 3_600_000);
    if (quota.start !== hour) quota = { start: hour, count: 0 };
    quota.count += 1;
    return {
      'X-Rate-Limit-Limit': String(RATE_LIMIT),
      'X-Rate-Limit-Remaining': String(Math.max(0, RATE_LIMIT - quota.count)),
      'X-Rate-Limit-Retry': String((hour + 1) * 3600),
    };
  }

  async function route(request: Request, url: URL, api: 'client' | 'server', now: number): Promise<Response> {
    const denied = api === 'client' ? checkClient(request, clientKeys, allowedOrigins) : checkServer(request, serverKeys);
    if (denied) return denied;
    const match = matchRoute(api === 'client' ? clientRoutes : serverRoutes, request.method, url.pathname);
    if (match.kind === 'not_found') {
      return errorResponse({ code: 404, key: 'not_found', message: 'Resource not found', details: `Cannot find ${request.method} ${url.pathname}` });
    }
    if (match.kind === 'method_not_allowed') {
      const response = errorResponse({
        code: 405,
        key: 'method_not_allowed',
        message: 'Method not allowed',
        details: `${request.method} is not allowed on ${url.pathname}; use ${match.allowed.join(', ')}`,
      });
      response.headers.set('Allow', match.allowed.join(', '));
      return response;
    }
    // Read once here, capped, so no handler ever holds more than MAX_BODY_BYTES of a body.
    const capped = await readCappedBody(request);
    if (capped instanceof Response) return capped;
    const context: SandboxContext = { request: capped, url, params: match.params, state, now, secret, api, clientRedemption };
    return match.handler(context);
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    const api = path.startsWith('/client/') ? 'client' : 'server';
    const origin = request.headers.get('origin');
    if (api === 'client' && request.method === 'OPTIONS') return preflight(request, allowedOrigins);
    state.requests.push({ method: request.method, path });
    // A CLI sandbox can run for days; the log is for tests, so it keeps only the most recent requests.
    if (state.requests.length > MAX_LOGGED_REQUESTS) state.requests.splice(0, state.requests.length - MAX_LOGGED_REQUESTS);

    const { latencyMs: faultMs, fault } = takeFaults(state.faults, path);
    // Each latency is checked; their sum can still pass what a timer keeps (it would fire after 1 ms).
    const waitMs = Math.min(MAX_TIMER_MS, latencyMs + faultMs);
    if (waitMs > 0) await delay(waitMs, request.signal);
    const now = clock();
    const answer = async (): Promise<Response> => {
      try {
        return await route(request, url, api, now);
      } catch (error) {
        // Numbers the caller sent that overflow the arithmetic: their mistake, so a 400 naming the field.
        if (error instanceof PayloadRangeError) return invalidPayload(error.message);
        // A bug in the sandbox must look like what it is: a 500, not a hung or dropped request.
        return errorResponse({ code: 500, key: 'internal_error', message: 'Internal Server Error', details: String(error) });
      }
    };
    const response = fault && fault.kind !== 'latency' ? await faultResponse(fault, request.signal, now, answer) : await answer();
    const extra: Record<string, string> = { ...rateLimitHeaders(now), ...(api === 'client' ? corsHeaders(origin) : {}) };
    for (const [name, value] of Object.entries(extra)) if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  }

  return {
    handle,
    get state() {
      return state;
    },
    reset,
    setFaults(faults) {
      const list = Array.isArray(faults) ? faults : [faults as SandboxFault];
      assertFaults('sandbox.setFaults', list);
      state.faults = copyFaults(list);
    },
  };
}

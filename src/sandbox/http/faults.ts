import { timerMs } from '../../core/internal.js';
import { errorResponse, json } from './responses.js';
import type { SandboxFault } from '../types.js';

/** Rate-limit figures every response reports, like Voucherify's `X-Rate-Limit-*` headers. */
export const RATE_LIMIT = 1000;

/**
 * Throws a TypeError naming the first fault whose latency `ms` is not a timer's whole number of milliseconds, or
 * whose `times` is not a whole number, 1 or more. `takeFaults` counts a
 * use down after the fault has answered, so `times: 0` (or -1, or 0.5) still fired once: a test that meant "no
 * fault" got one. Omit `times` for a fault that never runs out.
 */
export function assertFaults(method: string, faults: readonly SandboxFault[]): void {
  faults.forEach((fault, index) => {
    if (fault === null || typeof fault !== 'object') throw new TypeError(`${method}: \`faults[${index}]\` must be a fault object`);
    if (fault.kind === 'latency') timerMs(method, `faults[${index}].ms`, fault.ms, { min: 0 });
    const { times } = fault;
    if (times === undefined || (Number.isSafeInteger(times) && times >= 1)) return;
    throw new TypeError(`${method}: \`faults[${index}].times\` must be a whole number, 1 or more (omit it for no limit); got ${String(times)}`);
  });
}

/** The faults that match `path`, each use counted down; latency adds up, the first other fault wins. */
export function takeFaults(faults: SandboxFault[], path: string): { latencyMs: number; fault: SandboxFault | undefined } {
  let latencyMs = 0;
  let fault: SandboxFault | undefined;
  for (const candidate of [...faults]) {
    if (candidate.path !== undefined && !path.startsWith(candidate.path)) continue;
    if (candidate.kind !== 'latency' && fault) continue;
    if (candidate.kind === 'latency') latencyMs += candidate.ms;
    else fault = candidate;
    if (candidate.times !== undefined) {
      candidate.times -= 1;
      if (candidate.times <= 0) faults.splice(faults.indexOf(candidate), 1);
    }
  }
  return { latencyMs, fault };
}

/** Waits `ms`, or rejects as soon as the request is aborted (the caller gave up). */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Never answers; ends only when the request is aborted, so servers and clients can clean up. */
function hang(signal: AbortSignal): Promise<Response> {
  return new Promise((_, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

const statusMessages: Record<number, string> = {
  403: 'Forbidden',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Marks the sandbox's own network error, so the server and MSW handlers can drop the connection for it. */
const CONNECTION_RESET = Symbol.for('voucherkit.sandbox.connection_reset');

/** The error a `connection_reset` fault rejects with: what `fetch` throws when the connection drops. */
export function connectionResetError(): TypeError {
  return Object.assign(new TypeError('Failed to fetch'), { [CONNECTION_RESET]: true });
}

/** True for the rejection of a `connection_reset` fault. */
export function isConnectionReset(error: unknown): boolean {
  return error instanceof TypeError && (error as unknown as Record<symbol, unknown>)[CONNECTION_RESET] === true;
}

const htmlPage = (status: number) => {
  const title = `${status} ${statusMessages[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html>\n<head><title>${title}</title></head>\n<body>\n<center><h1>${title}</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>\n`;
};

/** Drifts one JSON value the way an API changed under a client would: wrong types, renamed keys, wrapped lists. */
function drift(value: unknown): unknown {
  if (Array.isArray(value)) return { data: value, total: value.length };
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return value;
}

const renamed: Record<string, string> = { id: 'uuid', object: 'kind' };

/** The route's real answer, with its top-level fields drifted (see the `schema_drift` fault). */
async function driftedResponse(answer: Response): Promise<Response> {
  const text = await answer.text();
  let body: unknown;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = text;
  }
  const drifted =
    body !== null && typeof body === 'object' && !Array.isArray(body)
      ? Object.fromEntries(Object.entries(body).map(([key, item]) => [renamed[key] ?? key, drift(item)]))
      : { data: drift(body) };
  return json(200, drifted);
}

/**
 * The response a fault produces. `answer` runs the request as if there were no fault; only `schema_drift` uses it.
 * `connection_reset` rejects with `connectionResetError()`.
 */
export function faultResponse(
  fault: Exclude<SandboxFault, { kind: 'latency' }>,
  signal: AbortSignal,
  now: number,
  answer: () => Promise<Response>,
): Promise<Response> | Response {
  switch (fault.kind) {
    case 'status':
      return errorResponse({
        code: fault.status,
        key: fault.status === 500 ? 'internal_error' : 'service_unavailable',
        message: statusMessages[fault.status] ?? 'Server error',
        details: 'A fault injected into the voucherkit sandbox',
      });
    case 'rate_limit': {
      const seconds = fault.retryAfterSeconds ?? 1;
      // Voucherify's 429 body has no key; the headers say when to come back.
      return json(
        429,
        { code: 429, message: 'Too many requests hit the API too quickly.' },
        {
          'Retry-After': String(seconds),
          'X-Rate-Limit-Limit': String(RATE_LIMIT),
          'X-Rate-Limit-Remaining': '0',
          'X-Rate-Limit-Retry': String(Math.ceil(now / 1000) + seconds),
          'X-Rate-Limit-Type': 'api_calls',
        },
      );
    }
    case 'malformed_json':
      return new Response('{"valid": true, "redeemables": [', { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    case 'hang':
      return hang(signal);
    case 'html': {
      const status = fault.status ?? 502;
      return new Response(htmlPage(status), { status, headers: { 'Content-Type': 'text/html' } });
    }
    case 'redirect':
      return new Response(null, { status: fault.status ?? 302, headers: { Location: fault.location } });
    case 'schema_drift':
      return answer().then(driftedResponse);
    case 'connection_reset':
      return Promise.reject(connectionResetError());
  }
}

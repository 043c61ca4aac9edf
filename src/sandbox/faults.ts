import { errorResponse, json } from './responses.js';
import type { SandboxFault } from './types.js';

/** Rate-limit figures every response reports, like Voucherify's `X-Rate-Limit-*` headers. */
export const RATE_LIMIT = 1000;

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
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The response a fault produces. */
export function faultResponse(fault: Exclude<SandboxFault, { kind: 'latency' }>, signal: AbortSignal, now: number): Promise<Response> | Response {
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
      return json(429, { code: 429, message: 'Too many requests hit the API too quickly.' }, {
        'Retry-After': String(seconds),
        'X-Rate-Limit-Limit': String(RATE_LIMIT),
        'X-Rate-Limit-Remaining': '0',
        'X-Rate-Limit-Retry': String(Math.ceil(now / 1000) + seconds),
        'X-Rate-Limit-Type': 'api_calls',
      });
    }
    case 'malformed_json':
      return new Response('{"valid": true, "redeemables": [', { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    case 'hang':
      return hang(signal);
  }
}

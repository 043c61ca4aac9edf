import type { Decode } from './decode.js';
import { decodeApiError } from './decodeApiError.js';
import { VoucherifyError, isVoucherifyError, type VoucherifyErrorKind } from './errors.js';
import { retryAfterMs, type Retrier } from './retry.js';
import type { RetrySafety } from './retrySafety.js';
import { timerMs } from './timerMs.js';

/** What every call of one client shares. */
export interface TransportConfig {
  baseUrl: string;
  headers: Record<string, string>;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  /** Resends calls marked `retry: 'safe'`; none by default (React Query retries the browser's reads). */
  retry?: Retrier | undefined;
}

/** One HTTP call. */
export interface CallOptions<T = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: URLSearchParams | undefined;
  body?: unknown;
  /** Checks the successful answer's JSON; throws a `VoucherifyError` (`invalid_response`) when it does not fit. */
  decode: Decode<T>;
  signal?: AbortSignal | undefined;
  /** `'safe'` lets the config's retrier resend it after a lost answer; a write is `'never'`. @default 'never' */
  retry?: RetrySafety | undefined;
  timeoutMs?: number | undefined;
}

/**
 * Checks and normalises an API base URL; a URL that is not http(s) is a programming error.
 *
 * @example
 * normalizeApiUrl('https://api.voucherify.io/') // 'https://api.voucherify.io'
 */
export function normalizeApiUrl(apiUrl: string): string {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new TypeError(`apiUrl must be an absolute http(s) URL such as https://api.voucherify.io, got ${JSON.stringify(apiUrl)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`apiUrl must use http or https, got ${url.protocol}`);
  }
  return url.href.replace(/\/+$/, '');
}

const fail = (kind: VoucherifyErrorKind, message: string, extra: Partial<ConstructorParameters<typeof VoucherifyError>[0]> = {}) =>
  new VoucherifyError({ kind, message, ...extra });

function errorForStatus(status: number, body: unknown, headers: Headers): VoucherifyError {
  const api = decodeApiError(body);
  const common = {
    status,
    key: api?.key ?? undefined,
    details: api?.details ?? undefined,
    requestId: api?.request_id ?? headers.get('x-request-id') ?? undefined,
    customMessage: api?.error?.message ?? undefined,
  };
  if (status === 429) {
    return fail('rate_limited', api?.message ?? 'Too many requests hit the API too quickly.', { ...common, retryAfterMs: retryAfterMs(headers) });
  }
  if (status === 401 || status === 403) {
    return fail('auth', api?.message ?? `Voucherify refused the credentials or the origin (HTTP ${status})`, common);
  }
  return fail('api', api?.message ?? `Voucherify answered HTTP ${status}`, common);
}

/** The body as JSON; on a 2xx, an empty or non-JSON body is `invalid_response` (an error status keeps `undefined`). */
async function readJson(response: Response, noContent: boolean): Promise<unknown> {
  const text = await response.text();
  // Only a call that asked for no content takes an empty 2xx; for any other an empty 2xx is a broken answer.
  if (noContent && response.ok) return undefined;
  // Parsed first: a good answer is never scanned twice. Only a body that does not parse is looked at again.
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (!response.ok) return undefined;
    if (text.trim() === '') throw fail('invalid_response', `Empty response body (HTTP ${response.status})`, { status: response.status });
    const type = response.headers.get('content-type') ?? 'no content type';
    throw fail('invalid_response', `Expected JSON from Voucherify, got ${type} (HTTP ${response.status})`, { status: response.status, cause });
  }
}

// Node's fetch hands back the 3xx itself; a browser gives an opaque redirect with status 0 and no headers.
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

function redirectError(response: Response): VoucherifyError {
  const location = response.headers.get('location');
  const to = location ? ` to ${location}` : '';
  // Not followed: it would carry the keys (and a 307/308's body) to another host. Usually a wrong apiUrl.
  return fail('invalid_response', `Voucherify answered with a redirect (HTTP ${response.status || 'opaque'}${to}); check apiUrl`, {
    key: 'redirect',
    status: response.status || undefined,
  });
}

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** One attempt under a timeout (an AbortController) that also covers reading the body. */
async function send(config: TransportConfig, options: Omit<CallOptions, 'decode'>, noContent: boolean): Promise<{ response: Response; json: unknown }> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (offline()) throw fail('network', "You're offline", { key: 'offline' });
  const query = options.query?.toString();
  const headers: Record<string, string> = { Accept: 'application/json', ...config.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  // Infinity is refused too: the timer would fire after 1 ms, not never.
  const timeoutMs = timerMs('voucherkit', 'timeoutMs', options.timeoutMs ?? config.timeoutMs);
  const controller = new AbortController();
  // A real fetch rejects, and stops its body, when its signal aborts; racing `stopped` also ends a fetch (or a body)
  // that ignores it. One promise for both waits: a listener on the signal per wait costs more than the race.
  let stop!: (reason: unknown) => void;
  const stopped = new Promise<never>((_, reject) => {
    stop = (reason) => {
      controller.abort(reason);
      reject(reason);
    };
  });
  const onAbort = () => stop(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop(fail('timeout', `Voucherify did not answer within ${timeoutMs} ms`)), timeoutMs);
  try {
    const response = await Promise.race([
      config.fetch(`${config.baseUrl}${options.path}${query ? `?${query}` : ''}`, {
        method: options.method,
        headers,
        // First-party only: the id travels in the body, never as a third-party cookie.
        credentials: 'omit',
        // A followed redirect would hand the keys (and a 307/308's body) to whatever host it names.
        redirect: 'manual',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
      }),
      stopped,
    ]);
    if (isRedirect(response)) {
      response.body?.cancel().catch(() => undefined);
      throw redirectError(response);
    }
    const json = await Promise.race([readJson(response, noContent), stopped]);
    if (!response.ok) throw errorForStatus(response.status, json, response.headers);
    return { response, json };
  } catch (error) {
    if (isVoucherifyError(error)) throw error;
    if (signal?.aborted) throw signal.reason;
    throw fail('network', offline() ? "You're offline" : 'Could not reach Voucherify', { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

const exchange = (config: TransportConfig, options: Omit<CallOptions, 'decode'>, noContent: boolean) =>
  options.retry === 'safe' && config.retry ? config.retry(() => send(config, options, noContent), options.signal) : send(config, options, noContent);

/**
 * Sends one call with a timeout and typed errors, and checks the body with `options.decode`. A call marked
 * `retry: 'safe'` is resent only by the config's retrier (the server's policy, or the client's opt-in `retry`).
 * An empty 2xx body (a 204 included) is `invalid_response`: use `callNoContent` for a call that answers 204.
 *
 * @example
 * const body = await call(config, { method: 'POST', path: '/client/v1/events', body, decode: decodeEventResponse, retry: 'never' })
 */
export async function call<T>(config: TransportConfig, options: CallOptions<T>): Promise<T> {
  const { response, json } = await exchange(config, options, false);
  try {
    return options.decode(json);
  } catch (error) {
    // The decoder knows the path, the transport the status.
    throw isVoucherifyError(error) && error.status === undefined ? fail(error.kind, error.message, { details: error.details, status: response.status }) : error;
  }
}

/**
 * Sends one call that answers `204 No Content` (a DELETE): any 2xx resolves, with or without a body, which is
 * ignored; errors, timeouts and retries as `call`.
 *
 * @example
 * await callNoContent(config, { method: 'DELETE', path: `/v1/vouchers/${pathSegment('code', code)}/sessions/${key}`, retry: 'safe' })
 */
export async function callNoContent(config: TransportConfig, options: Omit<CallOptions, 'decode'>): Promise<void> {
  await exchange(config, options, true);
}

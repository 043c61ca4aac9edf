import * as z from 'zod/mini';
import { VoucherifyError, type VoucherifyErrorKind } from './errors.js';
import { backoffDelay, isRetryableStatus, retryAfterMs, sleep, type RetryPolicy } from './retry.js';
import type { RetrySafety } from './retrySafety.js';
import { apiErrorSchema } from './schemas.js';

/** What every call of one client shares. */
export interface TransportConfig {
  baseUrl: string;
  headers: Record<string, string>;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  retry: RetryPolicy | false;
}

/** One HTTP call. */
export interface CallOptions<TSchema extends z.ZodMiniType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: URLSearchParams | undefined;
  body?: unknown;
  schema: TSchema;
  signal?: AbortSignal | undefined;
  /** `'safe'` lets the client's retry policy resend it after a lost answer; a write is `'never'`. @default 'never' */
  retry?: RetrySafety | undefined;
  timeoutMs?: number | undefined;
}

/** The parsed body of a successful call. */
export type CallResult<TSchema extends z.ZodMiniType> = z.infer<TSchema>;

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

// Timers overflow above 2^31 − 1 ms and fire at once: Infinity would be a 1 ms timeout, not none.
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Checks a timeout; a value the timer cannot honour is a programming error, not a silent 1 ms timeout. */
export function checkTimeoutMs(value: number): number {
  if (!(typeof value === 'number' && value > 0 && value <= MAX_TIMEOUT_MS)) {
    throw new TypeError(`timeoutMs must be a number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, got ${String(value)}`);
  }
  return value;
}

const fail = (kind: VoucherifyErrorKind, message: string, extra: Partial<ConstructorParameters<typeof VoucherifyError>[0]> = {}) =>
  new VoucherifyError({ kind, message, ...extra });

function errorForStatus(status: number, body: unknown, headers: Headers): VoucherifyError {
  const parsed = apiErrorSchema.safeParse(body);
  const api = parsed.success ? parsed.data : undefined;
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

async function readJson(response: Response, noContent: boolean): Promise<unknown> {
  const text = await response.text();
  // Only a call that asked for no content takes an empty 2xx; for any other an empty 2xx is a broken answer.
  if (noContent && response.ok) return undefined;
  if (text.trim() === '') throw fail('invalid_response', `Empty response body (HTTP ${response.status})`, { status: response.status });
  try {
    return JSON.parse(text);
  } catch (cause) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw fail('invalid_response', `Expected JSON from Voucherify, got ${type} (HTTP ${response.status})`, { status: response.status, cause });
  }
}

/** One attempt under a timeout that also covers reading the body, even if `fetch` ignores the signal. */
async function attempt(config: TransportConfig, url: string, init: RequestInit, timeoutMs: number, noContent: boolean, signal?: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(fail('timeout', `Voucherify did not answer within ${timeoutMs} ms`)), timeoutMs);
  // Rejects with the abort reason (the caller's, or the timeout error); raced against each await below.
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  stopped.catch(() => undefined);
  try {
    const response = await Promise.race([config.fetch(url, { ...init, signal: controller.signal }), stopped]);
    if (isRedirect(response)) {
      response.body?.cancel().catch(() => undefined);
      throw redirectError(response);
    }
    const body = await Promise.race([readJson(response, noContent).then((json) => ({ json }), (error: unknown) => ({ error })), stopped]);
    return { response, body };
  } catch (error) {
    if (error instanceof VoucherifyError) throw error;
    if (signal?.aborted) throw signal.reason;
    throw fail('network', navigatorOffline() ? "You're offline" : 'Could not reach Voucherify', { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
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

function navigatorOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Sends with the retry policy and returns the successful answer's JSON (undefined for a no-content call). */
async function exchange(
  config: TransportConfig,
  options: Omit<CallOptions<z.ZodMiniType>, 'schema'>,
  noContent: boolean,
): Promise<{ response: Response; json: unknown }> {
  const query = options.query?.toString();
  const url = `${config.baseUrl}${options.path}${query ? `?${query}` : ''}`;
  const headers: Record<string, string> = { Accept: 'application/json', ...config.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = {
    method: options.method,
    headers,
    // First-party only: the id travels in the body, never as a third-party cookie.
    credentials: 'omit',
    // A followed redirect would hand the keys (and a 307/308's body) to whatever host it names.
    redirect: 'manual',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  };
  const retries = options.retry === 'safe' && config.retry ? config.retry.retries : 0;
  const timeoutMs = checkTimeoutMs(options.timeoutMs ?? config.timeoutMs);

  for (let tries = 0; ; tries++) {
    options.signal?.throwIfAborted();
    if (navigatorOffline()) throw fail('network', "You're offline", { key: 'offline' });
    let outcome: Awaited<ReturnType<typeof attempt>> | undefined;
    try {
      outcome = await attempt(config, url, init, timeoutMs, noContent, options.signal);
    } catch (error) {
      if (!(error instanceof VoucherifyError && error.kind === 'network' && tries < retries)) throw error;
    }
    // A network error or a 502/503/504 on a call marked safe, with tries left: back off and go again.
    if (!outcome || (!outcome.response.ok && isRetryableStatus(outcome.response.status) && tries < retries)) {
      await sleep(backoffDelay(tries, config.retry as RetryPolicy), options.signal);
      continue;
    }
    const { response, body } = outcome;
    if (!response.ok) throw errorForStatus(response.status, 'json' in body ? body.json : undefined, response.headers);
    if ('error' in body) throw body.error;
    return { response, json: body.json };
  }
}

/**
 * Sends one call with a timeout, the retry policy for calls marked `retry: 'safe'`, typed errors, and a zod-checked body.
 * An empty 2xx body (a 204 included) is `invalid_response`: use `callNoContent` for a call that answers 204.
 *
 * @example
 * const body = await call(config, { method: 'POST', path: '/client/v1/events', body, schema, retry: 'never' })
 */
export async function call<TSchema extends z.ZodMiniType>(config: TransportConfig, options: CallOptions<TSchema>): Promise<CallResult<TSchema>> {
  const { response, json } = await exchange(config, options, false);
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown';
    throw fail('invalid_response', `Voucherify's response did not match the expected shape at ${where}`, {
      status: response.status,
      details: where,
    });
  }
  return parsed.data as CallResult<TSchema>;
}

/**
 * Sends one call that answers `204 No Content` (a DELETE): any 2xx resolves, with or without a body, which is
 * ignored; errors, timeouts and retries as `call`.
 *
 * @example
 * await callNoContent(config, { method: 'DELETE', path: `/v1/vouchers/${pathSegment('code', code)}/sessions/${key}`, retry: 'safe' })
 */
export async function callNoContent(config: TransportConfig, options: Omit<CallOptions<z.ZodMiniType>, 'schema'>): Promise<void> {
  await exchange(config, options, true);
}

// The one recorder of what tests send to a sandbox, for every folder: as a fetch that hands each request to
// `sandbox.handle` (core client, server helper), or as a listener on MSW's events (React, browser).
import type { Sandbox } from 'voucherkit/sandbox';

/** A request as it went over the wire, its JSON body parsed. */
export interface SentRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: Record<string, unknown> | undefined;
}

type RequestStart = (event: { request: Request }) => void;

/** MSW's `server.events` (node) or `worker.events` (browser). */
export interface RequestEvents {
  on(event: 'request:start', listener: RequestStart): void;
  removeListener(event: 'request:start', listener: RequestStart): void;
}

/** What `recordSandbox` returns: the recorded requests in three forms, and the two ways to record them. */
export interface SandboxRecorder {
  /** A clone of every recorded request, in order; bodies stay readable. */
  requests: Request[];
  /** The RequestInit of each recorded fetch call (undefined for requests seen through MSW). */
  inits: Array<RequestInit | undefined>;
  /** Every recorded request with its body parsed; through `fetch`, parsed before the sandbox answers. */
  sent: SentRequest[];
  /** Records the request, then lets the sandbox answer it. */
  fetch: typeof globalThis.fetch;
  /** Records every request MSW hands to its handlers from now on; returns the function that stops it. */
  listen(events: RequestEvents): () => void;
  /** The JSON bodies of the recorded requests. */
  bodies(): Promise<Array<Record<string, unknown>>>;
  /** The JSON body of the nth recorded request (the last by default). */
  body(index?: number): Promise<Record<string, unknown>>;
  /** The query of the nth recorded request (the last by default). */
  query(index?: number): URLSearchParams;
}

function parse(text: string): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Records the requests sent to `sandbox`, all of them or only those to `options.path`.
 *
 * @example
 * const recorder = recordSandbox(sandbox)
 * const client = createVoucherifyClient({ ...keys, fetch: recorder.fetch })
 * await client.validate({ code: 'SAVE10' })
 * expect(await recorder.body()).toMatchObject({ redeemables: [{ id: 'SAVE10' }] })
 */
export function recordSandbox(sandbox: Sandbox, options: { path?: string } = {}): SandboxRecorder {
  const requests: Request[] = [];
  const inits: Array<RequestInit | undefined> = [];
  const sent: SentRequest[] = [];

  const record = (request: Request, init?: RequestInit): Promise<void> | undefined => {
    const url = new URL(request.url);
    if (options.path !== undefined && url.pathname !== options.path) return undefined;
    requests.push(request.clone());
    inits.push(init);
    const entry: SentRequest = { method: request.method, url, headers: request.headers, body: undefined };
    sent.push(entry);
    return request
      .clone()
      .text()
      .then((text) => {
        entry.body = parse(text);
      });
  };

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    await record(request, init);
    return sandbox.handle(request);
  };

  return {
    requests,
    inits,
    sent,
    fetch: fetch as typeof globalThis.fetch,
    listen(events) {
      const listener: RequestStart = ({ request }) => void record(request);
      events.on('request:start', listener);
      return () => events.removeListener('request:start', listener);
    },
    bodies: () => Promise.all(requests.map(async (request) => (await request.clone().json()) as Record<string, unknown>)),
    body: (index = -1) => (requests.at(index)?.clone().json() ?? Promise.reject(new Error('no request'))) as Promise<Record<string, unknown>>,
    query: (index = -1) => new URL(requests.at(index)?.url ?? 'about:blank').searchParams,
  };
}

import { declaresTooLarge, MAX_BODY_BYTES, payloadTooLarge } from './http/bodyLimit.js';
import { createSandbox } from './createSandbox.js';
import { isConnectionReset } from './http/faults.js';
import { hostLines, sendRaw, sendResponse } from './http/nodeWire.js';
import { methodNotServed, readRequestTarget } from './http/requestTarget.js';
import { errorResponse } from './http/responses.js';
import type { Sandbox } from './types.js';

/** Options of `startSandboxServer`. */
export interface SandboxServerOptions {
  /** 0 picks a free port. @default 0 */
  port?: number;
  /** Loopback by default: the sandbox is for tests and demos, never for a network. @default '127.0.0.1' */
  host?: string;
  /** The sandbox to serve; a new one with the seed vouchers when omitted. */
  sandbox?: Sandbox;
}

/** A running sandbox server. */
export interface SandboxServer {
  /** e.g. http://127.0.0.1:4010 (no trailing slash): the `apiUrl` for clients and SDKs. */
  url: string;
  port: number;
  sandbox: Sandbox;
  /** Stops listening and drops open connections, hung requests included. */
  close(): Promise<void>;
}

/**
 * Serves a sandbox over HTTP with node:http, loaded lazily so this module stays importable in browsers.
 * Whatever arrives on the wire gets an answer and the server keeps serving: absolute-form targets are served by
 * their path, TRACE and CONNECT are 405, `OPTIONS *` is 204 with `Allow`, a malformed Host is 400, and a body
 * over 1 MB is 413 with the connection closed and the rest of the body unread.
 *
 * @example
 * const server = await startSandboxServer({ port: 4010 })
 * console.log(server.url) // http://127.0.0.1:4010
 * await server.close()
 */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  // A computed specifier, so no bundler (Vite, esbuild, webpack) tries to pull node:http into a browser bundle.
  const specifier = 'node:http';
  const { createServer } = (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as typeof import('node:http');
  const sandbox = options.sandbox ?? createSandbox();
  const host = options.host ?? '127.0.0.1';
  // Set once listening; requests cannot arrive before.
  let origin = '';

  const server = createServer((req, res) => {
    const controller = new AbortController();
    // A client that hangs up aborts the handler (and ends a 'hang' fault).
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client closed the connection'));
    });
    req.on('error', () => controller.abort(new Error('the request stream failed')));
    const method = req.method ?? 'GET';
    const path = readRequestTarget(method, req.url ?? '/', hostLines(req));
    if (path instanceof Response) {
      sendResponse(res, path).catch(() => res.destroy());
      return;
    }
    // Over the cap: 413 and close the connection; the rest of the body is never read, let alone buffered.
    const refuse = () => sendResponse(res, payloadTooLarge(), { Connection: 'close' }).catch(() => res.destroy());
    if (declaresTooLarge(req.headers['content-length'])) {
      refuse();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      refused = true;
      chunks.length = 0;
      req.pause();
      refuse();
    });
    req.on('end', () => {
      if (refused) return;
      const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0;
      let request: Request;
      try {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
          else if (value !== undefined) headers.set(name, value);
        }
        // The server's own origin, never the Host header: only the path routes, and Host is the client's to write.
        request = new Request(`${origin}${path}`, {
          method,
          headers,
          signal: controller.signal,
          ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
        });
      } catch (error) {
        const invalid = errorResponse({ code: 400, key: 'invalid_request', message: 'Bad Request', details: String(error) });
        sendResponse(res, invalid).catch(() => res.destroy());
        return;
      }
      sandbox.handle(request).then(
        (response) => sendResponse(res, response).catch(() => res.destroy()),
        (error: unknown) => {
          // A connection_reset fault: hang up without a status line, as a crashed proxy or a dropped link does.
          if (isConnectionReset(error)) req.socket.destroy();
          else if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
        },
      );
    });
  });
  // Expect: 100-continue asks before sending the body: a declared size over the cap gets 413 instead of 100.
  server.on('checkContinue', (req, res) => {
    if (!declaresTooLarge(req.headers['content-length'])) res.writeContinue();
    server.emit('request', req, res);
  });
  // CONNECT never reaches the request handler: node hands over the raw socket.
  server.on('connect', (_req, socket) => {
    socket.on('error', () => socket.destroy());
    sendRaw(socket, methodNotServed('CONNECT')).catch(() => socket.destroy());
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  origin = `http://${urlHost}:${port}`;
  return {
    url: origin,
    port,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

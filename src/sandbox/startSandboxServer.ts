import { createSandbox } from './createSandbox.js';
import { isConnectionReset } from './faults.js';
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

  const server = createServer((req, res) => {
    const controller = new AbortController();
    // A client that hangs up aborts the handler (and ends a 'hang' fault).
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('client closed the connection'));
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
        else if (value !== undefined) headers.set(name, value);
      }
      const method = req.method ?? 'GET';
      const hasBody = method !== 'GET' && method !== 'HEAD' && chunks.length > 0;
      const request = new Request(`http://${req.headers.host ?? `${host}`}${req.url ?? '/'}`, {
        method,
        headers,
        signal: controller.signal,
        ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
      });
      sandbox.handle(request).then(
        async (response) => {
          const body = Buffer.from(await response.arrayBuffer());
          res.writeHead(response.status, Object.fromEntries(response.headers));
          res.end(body);
        },
        (error: unknown) => {
          // A connection_reset fault: hang up without a status line, as a crashed proxy or a dropped link does.
          if (isConnectionReset(error)) req.socket.destroy();
          else if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
        },
      );
    });
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
  return {
    url: `http://${urlHost}:${port}`,
    port,
    sandbox,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

// The sandbox on a real loopback server (voucherkit/sandbox's startSandboxServer, no added latency), with every
// request counted where it arrives, CORS preflights apart. The sandbox's own `state.requests` skips preflights,
// so the count wraps `handle` instead: it sees exactly what the server answers.
import { createSandbox, startSandboxServer } from 'voucherkit/sandbox';

/**
 * @param {{ allowedOrigin: string }} options the pages' origin: the only one allowed, as in a real project
 */
export async function startCountingSandbox({ allowedOrigin }) {
  // Publishable keys default to SANDBOX_KEYS' client pair; the allow-list is the pages' exact origin, so a page
  // served from anywhere else (or a missing Origin handling in a client) would fail loudly with 401/403.
  const sandbox = createSandbox({ allowedOrigins: [allowedOrigin] });
  /** @type {Array<{ method: string, path: string, at: number }>} */
  let log = [];
  const counting = {
    handle(request) {
      log.push({ method: request.method, path: new URL(request.url).pathname, at: performance.now() });
      return sandbox.handle(request);
    },
    get state() {
      return sandbox.state;
    },
    reset: () => sandbox.reset(),
    setFaults: (faults) => sandbox.setFaults(faults),
  };
  const server = await startSandboxServer({ sandbox: counting, host: '127.0.0.1', port: 0 });
  return {
    url: server.url,
    /** Requests since the last take (or start), then starts a new count. */
    take() {
      const taken = log;
      log = [];
      const preflights = taken.filter((r) => r.method === 'OPTIONS').length;
      return { requests: taken.length - preflights, preflights, log: taken };
    },
    /** Faults for the requests that follow (B5 delays every answer); `[]` clears them. */
    setFaults: (faults) => sandbox.setFaults(faults),
    close: () => server.close(),
  };
}

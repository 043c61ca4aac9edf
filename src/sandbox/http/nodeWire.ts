// Helpers for startSandboxServer. They touch node:http objects by type only (type expressions, no import
// statement), so this module stays browser-safe.
type IncomingMessage = import('node:http').IncomingMessage;
type ServerResponse = import('node:http').ServerResponse;
type Duplex = import('node:stream').Duplex;

const reasons: Record<number, string> = {
  400: 'Bad Request',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  500: 'Internal Server Error',
};

/** Every Host line of a request (node keeps only the first in `req.headers`). */
export function hostLines(req: IncomingMessage): string[] {
  const hosts: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === 'host') hosts.push(req.rawHeaders[i + 1] ?? '');
  }
  return hosts;
}

/** Writes a fetch Response to a node response; a client that has gone away is left alone. */
export async function sendResponse(res: ServerResponse, response: Response, extraHeaders: Record<string, string> = {}): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  if (res.headersSent || res.destroyed) return;
  // A length instead of chunked encoding; 204 and 304 carry neither (RFC 9110 §8.6).
  const length = response.status === 204 || response.status === 304 ? {} : { 'Content-Length': String(body.length) };
  res.writeHead(response.status, { ...Object.fromEntries(response.headers), ...length, ...extraHeaders });
  res.end(body);
}

/**
 * Writes a Response as raw HTTP/1.1 on a socket that has no ServerResponse (a CONNECT request), then closes
 * the connection.
 */
export async function sendRaw(socket: Duplex, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${response.status} ${reasons[response.status] ?? 'Error'}`];
  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  lines.push(`Content-Length: ${body.length}`, 'Connection: close', '', '');
  if (socket.writable) socket.end(Buffer.concat([Buffer.from(lines.join('\r\n'), 'latin1'), body]));
  else socket.destroy();
}

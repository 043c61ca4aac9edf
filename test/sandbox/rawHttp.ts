import { connect, type Socket } from 'node:net';
import { SANDBOX_KEYS } from 'voucherkit/sandbox';

/** What came back on a raw socket: the status, the header lines (lower-case names) and the body text. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Everything received, for messages. */
  raw: string;
}

/** Server keys as header lines, for raw requests to /v1. */
export const serverKeyLines = `X-App-Id: ${SANDBOX_KEYS.applicationId}\r\nX-App-Token: ${SANDBOX_KEYS.secretKey}\r\n`;

/** Parses the first response in `raw`; status 0 when nothing (or no status line) arrived. */
export function parseAnswer(raw: string): RawAnswer {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body: end === -1 ? '' : raw.slice(end + 4), raw };
}

/** Opens a socket to 127.0.0.1:port. */
export function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/**
 * Writes `text` as is and collects the answer until the server closes the connection, the socket errors
 * (a reset still returns what arrived), or `timeoutMs` passes. Requests should say `Connection: close`.
 */
export async function rawRequest(port: number, text: string, timeoutMs = 3000): Promise<RawAnswer> {
  const socket = await open(port);
  return collect(socket, timeoutMs, () => socket.write(text));
}

/** Collects what `socket` receives until it closes, errors or `timeoutMs` passes; `start` runs once listening. */
export function collect(socket: Socket, timeoutMs: number, start: () => void, until?: (raw: string) => boolean): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let raw = '';
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(raw));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      raw += chunk.toString('latin1');
      if (until?.(raw)) finish();
    });
    socket.on('error', finish);
    socket.on('close', finish);
    start();
  });
}

// Two real HTTP servers on loopback: `api` answers every request with a redirect to `other`, which records
// whatever reaches it (it must stay empty: it would see X-App-Token and, on 307/308, the body).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Port 0: the OS picks a free one.
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
}

export async function redirectServers(status = 307) {
  const received: Received[] = [];
  const other = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
  });
  const otherUrl = await listen(other);
  let redirected = 0;
  const api = createServer((request, response) => {
    redirected++;
    request.resume();
    response.writeHead(status, { Location: `${otherUrl}${request.url ?? '/'}`, 'Content-Length': '0' }).end();
  });
  const apiUrl = await listen(api);
  return {
    apiUrl,
    otherUrl,
    received,
    get redirected() {
      return redirected;
    },
    close: () => Promise.all([api, other].map((server) => new Promise<void>((resolve) => server.close(() => resolve()))).concat()).then(() => undefined),
  };
}

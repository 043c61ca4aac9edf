import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { startCli, type CliProcess } from './cliProcess.js';
import { collect, open, rawRequest, serverKeyLines, type RawAnswer } from './rawHttp.js';

// Whatever arrives on the wire, the sandbox server answers it and keeps serving (issue 10, defect 11).

const customers = (target = '/v1/customers', host = 'Host: 127.0.0.1\r\n') => `GET ${target} HTTP/1.1\r\n${host}${serverKeyLines}Connection: close\r\n\r\n`;

/** Hostile request lines and headers, each with the answer it must get. */
const hostile: Array<{ name: string; text: string; check(answer: RawAnswer): void }> = [
  {
    name: 'TRACE is 405 with Allow',
    text: `TRACE /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    check: (answer) => {
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toContain('GET');
      expect(JSON.parse(answer.body)).toMatchObject({ code: 405, key: 'method_not_allowed' });
    },
  },
  {
    name: 'CONNECT is 405 with Allow',
    text: `CONNECT 127.0.0.1:443 HTTP/1.1\r\nHost: 127.0.0.1:443\r\n\r\n`,
    check: (answer) => {
      expect(answer.status).toBe(405);
      expect(answer.headers.allow).toContain('POST');
    },
  },
  {
    name: 'an absolute-form target is served by its path',
    text: customers('http://api.voucherify.io/v1/customers?limit=1'),
    check: (answer) => {
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ object: 'list', data_ref: 'customers' });
    },
  },
  {
    name: 'an absolute-form target naming another host is still served by its path',
    text: customers('http://evil.example:8080/v1/customers', 'Host: evil.example:8080\r\n'),
    check: (answer) => expect(answer.status).toBe(200),
  },
  {
    name: 'OPTIONS * is 204 with Allow',
    text: `OPTIONS * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    check: (answer) => {
      expect(answer.status).toBe(204);
      expect(answer.headers.allow).toBe('GET, POST, PUT, DELETE, OPTIONS');
    },
  },
  {
    name: 'an asterisk target with another method is 400',
    text: `GET * HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`,
    check: (answer) => expect(answer.status).toBe(400),
  },
  ...['a b', '[::1', 'x/y', 'user@x', 'x:99999', 'x:8o', 'é.example'].map((host) => ({
    name: `Host ${JSON.stringify(host)} is 400`,
    text: customers('/v1/customers', `Host: ${host}\r\n`),
    check: (answer: RawAnswer) => {
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ code: 400, key: 'invalid_host' });
    },
  })),
  {
    name: 'two Host lines are 400',
    text: customers('/v1/customers', 'Host: a.example\r\nHost: b.example\r\n'),
    check: (answer) => expect(answer.status).toBe(400),
  },
  {
    name: 'a valid Host with a port is served',
    text: customers('/v1/customers', 'Host: localhost:4010\r\n'),
    check: (answer) => expect(answer.status).toBe(200),
  },
  {
    name: 'an origin-form target starting with // stays a path on this server',
    text: customers('//evil.example/v1/customers'),
    check: (answer) => expect(answer.status).toBe(404),
  },
];

/** The status codes of the responses in `raw`, in order (a body ends right before the next status line). */
const statuses = (raw: string) => [...raw.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => match[1]);

async function stillServes(port: number): Promise<void> {
  const answer = await rawRequest(port, customers());
  expect(answer.status).toBe(200);
}

/** Sends half a body, then hangs up. */
async function abortMidBody(port: number): Promise<void> {
  const socket = await open(port);
  socket.write(`POST /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n${serverKeyLines}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"source_`);
  await new Promise((resolve) => setTimeout(resolve, 50));
  socket.destroy();
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('startSandboxServer on hostile HTTP', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer();
  });
  afterAll(() => server.close());

  it.each(hostile)('$name, and the server keeps answering', async ({ text, check }) => {
    check(await rawRequest(server.port, text));
    await stillServes(server.port);
  });

  it('keeps answering after a client hangs up halfway through a body', async () => {
    await abortMidBody(server.port);
    await stillServes(server.port);
  });

  it('answers a request line the HTTP parser refuses with 400', async () => {
    const answer = await rawRequest(server.port, 'GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
    expect(answer.status).toBe(400);
    await stillServes(server.port);
  });

  it('answers requests pipelined on one connection, hostile ones included, in order', async () => {
    const socket = await open(server.port);
    const keepAlive = (text: string) => text.replace('Connection: close\r\n', '');
    const answer = await collect(
      socket,
      3000,
      () => socket.write(keepAlive(hostile[0]!.text) + keepAlive(hostile[2]!.text) + customers()),
      (raw) => statuses(raw).length === 3 && raw.endsWith('}'),
    );
    expect(statuses(answer.raw)).toEqual(['405', '200', '200']);
  });
});

describe('the voucherkit-sandbox process on hostile HTTP', () => {
  let cli: CliProcess;
  beforeAll(async () => {
    cli = await startCli();
  }, 30_000);
  afterAll(() => cli?.stop());

  it('survives every hostile request and still answers', async () => {
    for (const { name, text } of hostile) {
      const answer = await rawRequest(cli.port, text);
      expect.soft(answer.status, name).toBeGreaterThan(0);
      expect(cli.alive(), `${name} killed the process: ${cli.stderr()}`).toBe(true);
    }
    await abortMidBody(cli.port);
    expect(cli.alive(), cli.stderr()).toBe(true);
    await stillServes(cli.port);
  });
});

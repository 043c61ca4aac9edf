import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, startSandboxServer, type SandboxServer } from 'voucherkit/sandbox';
import { collect, open, rawRequest, serverKeyLines } from './rawHttp.js';
import { clientHeaders, serverHeaders } from './sandboxRequest.js';

// Request bodies are capped at 1 MB: 413 with Voucherify's error object, without reading the rest (issue 10,
// defect 13).

const LIMIT = 1024 * 1024;
const url = 'https://api.voucherify.io/v1/validations';

/** A JSON validation body of exactly `bytes` bytes (padded in order.metadata). */
function validationBody(bytes: number): string {
  const head = '{"redeemables":[{"object":"voucher","id":"SAVE10"}],"order":{"amount":4000,"metadata":{"pad":"';
  const tail = '"}}}';
  return head + 'x'.repeat(bytes - head.length - tail.length) + tail;
}

/** An endless-looking body: `total` bytes of spaces produced on demand, counting what was pulled. */
function countedStream(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

async function expectTooLarge(response: Response) {
  expect(response.status).toBe(413);
  expect(await response.json()).toMatchObject({ code: 413, key: 'payload_too_large', message: expect.any(String), request_id: expect.any(String) });
}

describe('the fetch handler (sandbox.handle) caps request bodies at 1 MB', () => {
  it('serves a body of exactly 1 MB', async () => {
    const response = await createSandbox().handle(new Request(url, { method: 'POST', headers: serverHeaders, body: validationBody(LIMIT) }));
    expect(response.status).toBe(200);
  });

  it('answers 413 to a body one byte over 1 MB', async () => {
    await expectTooLarge(await createSandbox().handle(new Request(url, { method: 'POST', headers: serverHeaders, body: validationBody(LIMIT + 1) })));
  });

  it('answers 413 from a declared Content-Length over 1 MB without reading the body', async () => {
    const never = new ReadableStream<Uint8Array>({ pull() {} });
    const request = new Request(url, {
      method: 'POST',
      headers: { ...serverHeaders, 'Content-Length': String(64 * LIMIT) },
      body: never,
      duplex: 'half',
    } as RequestInit);
    await expectTooLarge(await within(createSandbox().handle(request), 2000));
  });

  it('counts a streamed body without Content-Length and stops reading a 64 MB one soon after 1 MB', async () => {
    const { stream, counter } = countedStream(64 * LIMIT);
    const request = new Request(url, { method: 'POST', headers: serverHeaders, body: stream, duplex: 'half' } as RequestInit);
    await expectTooLarge(await createSandbox().handle(request));
    expect(counter.pulled).toBeLessThan(2 * LIMIT);
  });

  it('answers 413 on the client API with CORS headers, so a browser can read it', async () => {
    const response = await createSandbox().handle(
      new Request('https://api.voucherify.io/client/v1/validations', {
        method: 'POST',
        headers: { ...clientHeaders, Origin: 'https://shop.example' },
        body: validationBody(LIMIT + 10),
      }),
    );
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    await expectTooLarge(response);
  });
});

describe('startSandboxServer caps request bodies at 1 MB', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer();
  });
  afterAll(() => server.close());

  const post = (headers: string) => `POST /v1/validations HTTP/1.1\r\nHost: 127.0.0.1\r\n${serverKeyLines}Content-Type: application/json\r\n${headers}\r\n`;

  async function stillServes() {
    const answer = await rawRequest(server.port, `GET /v1/customers HTTP/1.1\r\nHost: 127.0.0.1\r\n${serverKeyLines}Connection: close\r\n\r\n`);
    expect(answer.status).toBe(200);
  }

  it('answers 413 to a declared 64 MB body before any of it is sent, and closes the connection', async () => {
    const answer = await rawRequest(server.port, post(`Content-Length: ${64 * LIMIT}\r\n`), 2000);
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body)).toMatchObject({ code: 413, key: 'payload_too_large' });
    await stillServes();
  });

  it('answers 413 to Expect: 100-continue with a 64 MB Content-Length instead of asking for the body', async () => {
    const answer = await rawRequest(server.port, post(`Content-Length: ${64 * LIMIT}\r\nExpect: 100-continue\r\n`), 2000);
    expect(answer.status).toBe(413);
    expect(answer.raw).not.toContain('100 Continue');
  });

  it('answers 413 to a chunked body as soon as it passes 1 MB, while the client is still sending', async () => {
    const socket = await open(server.port);
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    let answered = false;
    const answer = await collect(
      socket,
      5000,
      () => {
        socket.write(post('Transfer-Encoding: chunked\r\n'));
        // Sends up to 4 MB and never the final chunk: only an answer before the end of the body passes.
        const pump = () => {
          while (!answered && !socket.destroyed && sent < 4 * LIMIT) {
            sent += chunk.length;
            if (!socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) return void socket.once('drain', pump);
          }
        };
        pump();
      },
      (raw) => (answered = raw.includes('\r\n\r\n')),
    );
    expect(answer.status).toBe(413);
    expect(sent).toBeLessThan(4 * LIMIT);
    await stillServes();
  });

  it('answers 413 to a 64 MB body actually sent with its Content-Length, and keeps serving', async () => {
    const socket = await open(server.port);
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    const answer = await collect(
      socket,
      10_000,
      () => {
        socket.on('error', () => {});
        socket.write(post(`Content-Length: ${64 * LIMIT}\r\n`));
        const pump = () => {
          while (!answered && !socket.destroyed && sent < 64 * LIMIT) {
            sent += chunk.length;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
      },
      (raw) => (answered = raw.includes('\r\n\r\n')),
    );
    expect(answer.status).toBe(413);
    await stillServes();
  });
});

import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest request body the demo's API reads. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * A Web `Request` from Node's `IncomingMessage`, so the routes are plain `Request → Response` handlers.
 *
 * @example
 * const response = await api.checkout(await toWebRequest(req))
 */
export async function toWebRequest(req: IncomingMessage): Promise<Request> {
  const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RangeError('Request body too large');
    chunks.push(chunk);
  }
  return new Request(url, { method, headers, body: Buffer.concat(chunks) });
}

/**
 * Writes a Web `Response` to Node's `ServerResponse`.
 *
 * @example
 * await sendWebResponse(res, Response.json({ ok: true }))
 */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

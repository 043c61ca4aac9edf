import { errorResponse } from './responses.js';

/** The largest request body the sandbox reads, in bytes (1 MB); a larger one is answered 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** 413 in Voucherify's error-object shape. */
export function payloadTooLarge(): Response {
  return errorResponse({
    code: 413,
    key: 'payload_too_large',
    message: 'Payload too large',
    details: `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MB), the sandbox's limit`,
  });
}

/** True when a Content-Length value declares more than `MAX_BODY_BYTES`. */
export function declaresTooLarge(contentLength: string | null | undefined): boolean {
  const value = contentLength?.trim();
  return value !== undefined && /^\d+$/.test(value) && Number(value) > MAX_BODY_BYTES;
}

/**
 * The request with its body read into memory, or 413 as soon as the declared Content-Length or the bytes
 * counted so far pass `MAX_BODY_BYTES`; the rest of the body is then cancelled, never read.
 *
 * @example
 * const capped = await readCappedBody(request)
 * if (capped instanceof Response) return capped // 413
 */
export async function readCappedBody(request: Request): Promise<Request | Response> {
  if (!request.body) return request;
  if (declaresTooLarge(request.headers.get('content-length'))) {
    request.body.cancel().catch(() => {});
    return payloadTooLarge();
  }
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      reader.cancel().catch(() => {});
      return payloadTooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // A body from init replaces the consumed one; headers, method and the abort signal carry over.
  return new Request(request, { body });
}

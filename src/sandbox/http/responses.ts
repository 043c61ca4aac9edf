/** Voucherify's error object, as every error response and every rejection carries it. */
export interface ApiErrorBody {
  code: number;
  key?: string;
  message: string;
  details?: string;
  request_id?: string;
  resource_id?: string;
  resource_type?: string;
  error?: { message?: string };
}

let requestCounter = 0;

/** A request id in Voucherify's `v-…` form; unique within the process, which is all a log needs. */
export function requestId(): string {
  requestCounter += 1;
  return `v-${Date.now().toString(16)}${requestCounter.toString(16).padStart(6, '0')}`;
}

/** A JSON response with Voucherify's content type. */
export function json(status: number, body: unknown, headers: HeadersInit = {}): Response {
  const result = new Response(JSON.stringify(body), { status, headers });
  result.headers.set('Content-Type', 'application/json; charset=utf-8');
  return result;
}

/** An error object with a fresh request id. */
export function errorBody(init: Omit<ApiErrorBody, 'request_id'>): ApiErrorBody {
  return { ...init, request_id: requestId() };
}

/** An error response: the body is the error object, the status its `code`. */
export function errorResponse(init: Omit<ApiErrorBody, 'request_id'>, headers: HeadersInit = {}): Response {
  return json(init.code, errorBody(init), headers);
}

/** 400 `invalid_payload` with the reason in `details`. */
export function invalidPayload(details: string, key = 'invalid_payload'): Response {
  return errorResponse({ code: 400, key, message: 'Invalid payload', details });
}

/** 404 `not_found` for a resource, in Voucherify's words. */
export function notFound(resourceType: string, resourceId: string): Response {
  return errorResponse({
    code: 404,
    key: 'not_found',
    message: 'Resource not found',
    details: `Cannot find ${resourceType} with id ${resourceId}`,
    resource_id: resourceId,
    resource_type: resourceType,
  });
}

/** Reads a JSON object body; `undefined` when the body is absent, `null` when it is not a JSON object. */
export async function readBody(request: Request): Promise<Record<string, unknown> | undefined | null> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

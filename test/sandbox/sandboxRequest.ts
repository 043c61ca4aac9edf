import { SANDBOX_KEYS, type Sandbox } from 'voucherkit/sandbox';

const base = 'https://api.voucherify.io';

export const clientHeaders = {
  'X-Client-Application-Id': SANDBOX_KEYS.clientApplicationId,
  'X-Client-Token': SANDBOX_KEYS.clientToken,
  'Content-Type': 'application/json',
};

export const serverHeaders = {
  'X-App-Id': SANDBOX_KEYS.applicationId,
  'X-App-Token': SANDBOX_KEYS.secretKey,
  'Content-Type': 'application/json',
};

/** One request to the sandbox with the right keys for the path; returns the status, headers and parsed body. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = path.startsWith('/client/') ? clientHeaders : serverHeaders,
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await sandbox.handle(new Request(`${base}${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

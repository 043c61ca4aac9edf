const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A Voucherify-style id (`cust_…`, `r_…`, `valid_…`): the prefix and 24 random base-36 characters. */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  for (const byte of bytes) id += alphabet[byte % alphabet.length];
  return `${prefix}_${id}`;
}

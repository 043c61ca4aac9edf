// Imported first by voucherkit/server, so a browser (or jsdom) stops here before any code that handles the secret.

/**
 * Throws when called where `window` exists: voucherkit/server holds your secret key and must never run in a browser.
 *
 * @example
 * assertServerRuntime('createVoucherifyServer') // throws in a browser, returns on Node, Bun, Deno and edge runtimes
 */
export function assertServerRuntime(what: string = 'voucherkit/server'): void {
  if (typeof window !== 'undefined') {
    throw new Error(
      `${what} refuses to run in a browser (or a browser-like environment such as jsdom): it uses your Voucherify secret key, ` +
        'which must never reach a browser. Call it from server code (a route handler, an API endpoint, a server action) ' +
        'and use `voucherkit` or `voucherkit/core` with the client-side keys in the browser.',
    );
  }
}

assertServerRuntime();

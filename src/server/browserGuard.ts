// Resolved instead of the server entry when a bundler builds for the browser (the "browser" export condition).
throw new Error(
  'voucherkit/server was imported into a browser bundle. It uses your Voucherify secret key and must only run on your server: ' +
    'import it from server code (a route handler, an API endpoint, a server action), and use `voucherkit` in the browser. ' +
    'In Next.js, keep it out of files marked "use client".',
);

/**
 * Marks this file as an ES module in the built output too (an empty `export {}` is dropped by the build), so
 * bundlers fail a named import such as `createVoucherifyServer` with "no matching export" instead of yielding undefined.
 */
export const browserGuard = true;

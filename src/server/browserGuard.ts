// Resolved instead of the server entry when a bundler builds for the browser (the "browser" export condition).
// The import names a file that does not exist, on purpose: every bundler (webpack too, which only warns about a
// missing named export and lets the page throw at load) then fails the build, and its "can't resolve" message
// carries the name, which says what is wrong. The build keeps the import as it is (vite.config.ts, external).
import './voucherkit-server-is-server-only.import-it-in-server-code-never-in-client-code.js';

throw new Error(
  'voucherkit/server was imported into a browser bundle. It uses your Voucherify secret key and must only run on your server: ' +
    'import it from server code (a route handler, an API endpoint, a server action), and use `voucherkit` in the browser. ' +
    'In Next.js, keep it out of files marked "use client".',
);

/**
 * Marks this file as an ES module in the built output too (an empty `export {}` is dropped by the build).
 *
 * @example
 * // Never imported directly: bundlers resolve `voucherkit/server` here for browser code, and fail the build.
 */
export const browserGuard = true;

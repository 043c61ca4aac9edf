// Resolved instead of the server entry when a bundler builds for the browser (the "browser" export condition, when
// no server runtime's condition came first: see the comment on package.json's "./server" in docs/server.md).
// The import names a file that does not exist, on purpose: every bundler (webpack too, which only warns about a
// missing named export and lets the page throw at load) then fails the build, and its "can't resolve" message
// carries the name, which says what is wrong. The build keeps the import as it is (vite.config.ts, external).
import './voucherkit-server-is-server-only.import-it-in-server-code-never-in-client-code.js';
import { serverOnlyMessage } from './serverOnlyMessage.js';

throw new Error(serverOnlyMessage);

/**
 * Marks this file as an ES module in the built output too (an empty `export {}` is dropped by the build).
 *
 * @example
 * // Never imported directly: bundlers resolve `voucherkit/server` here for browser code, and fail the build.
 */
export const browserGuard = true;

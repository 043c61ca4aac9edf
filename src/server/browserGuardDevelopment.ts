// Resolved instead of browserGuard.ts for browser code under the "development" condition (dev servers: Vite, webpack
// and Turbopack in dev). Issue 22: Vite's dev server pre-bundles every dependency a route module imports, server-only
// loaders included (React Router 7, TanStack Start), before the framework strips them from the client code; a missing
// import there fails the whole pre-bundle and the page never hydrates. So in development the guard builds, and throws
// with the same message only if browser code really runs it. Production builds still get browserGuard.ts and fail.
import { serverOnlyMessage } from './serverOnlyMessage.js';

throw new Error(serverOnlyMessage);

/**
 * Marks this file as an ES module in the built output too (an empty `export {}` is dropped by the build).
 *
 * @example
 * // Never imported directly: dev servers resolve `voucherkit/server` here for browser code, which throws at load.
 */
export const browserGuardDevelopment = true;

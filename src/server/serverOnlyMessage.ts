/** What both browser guards say: voucherkit/server reached a browser bundle, and where to import it instead. */
export const serverOnlyMessage =
  'voucherkit/server was imported into a browser bundle. It uses your Voucherify secret key and must only run on your server: ' +
  'import it from server code (a route handler, an API endpoint, a server action), and use `voucherkit` in the browser. ' +
  'In Next.js, keep it out of files marked "use client".';

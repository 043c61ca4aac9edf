// Resolved instead of the server entry when a bundler builds for the browser (the "browser" export condition).
throw new Error(
  'voucherkit/server was imported into a browser bundle. It holds your secret key and must only run on your server: ' +
    'import it from server code (a route handler, an API endpoint, a server action), and use `voucherkit` in the browser.',
);

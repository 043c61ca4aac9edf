/**
 * Throws when a browser-side validation asks for a session. Any page holding the publishable key could LOCK a
 * limited code (for 7 days by default) and starve real buyers; a reservation belongs to your server, which
 * knows the cart: the server helper's `reserve`. `undefined` is no session.
 *
 * @example
 * refuseSession('validate', params.session) // TypeError when a session is given
 */
export function refuseSession(method: string, session: unknown): void {
  if (session === undefined) return;
  throw new TypeError(
    `${method}: \`session\` is not accepted in the browser: a validation session (LOCK) holds a use of the code, and anyone with ` +
      'the publishable key could hold a limited code for a week. Reserve codes from your server with `reserve` from the server helper.',
  );
}

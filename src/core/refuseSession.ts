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
  // Short on purpose: it ships in every browser bundle; the why is in the JSDoc above and in README.
  throw new TypeError(`${method}: \`session\` (a LOCK holds a use of the code) is refused in the browser; use \`reserve\` on your server`);
}

/** Stand-in for your consent manager's cookie: `denied` keeps the tracking id out of cookies. */
export const CONSENT_COOKIE = 'marketing_consent';

/**
 * Whether the shopper allows the tracking cookie. Replace with your consent manager's answer.
 *
 * @example
 * const consent = hasMarketingConsent((await cookies()).get(CONSENT_COOKIE)?.value)
 */
export function hasMarketingConsent(value: string | undefined): boolean {
  return value !== 'denied';
}

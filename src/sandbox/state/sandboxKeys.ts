/**
 * The key pairs a sandbox accepts when none are configured. Publishable and secret alike are fake.
 *
 * @example
 * createVoucherifyClient({ clientApplicationId: SANDBOX_KEYS.clientApplicationId, clientToken: SANDBOX_KEYS.clientToken })
 */
export const SANDBOX_KEYS = Object.freeze({
  clientApplicationId: 'sandbox-client-id',
  clientToken: 'sandbox-client-token',
  applicationId: 'sandbox-app-id',
  secretKey: 'sandbox-secret-key',
} as const);

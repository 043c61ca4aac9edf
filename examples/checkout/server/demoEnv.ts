/** The keys and API host the demo runs with. The secret pair stays on the server. */
export interface DemoEnv {
  /** `sandbox` for the embedded sandbox, `voucherify` for a project named by the VOUCHERIFY_* variables. */
  mode: 'sandbox' | 'voucherify';
  /** Voucherify's API host (a region's, or the embedded sandbox's). */
  apiUrl: string;
  clientApplicationId: string;
  clientToken: string;
  applicationId: string;
  secretKey: string;
}

/** What the page may know: the publishable client-side pair and the host. Never the secret pair. */
export type PublicDemoConfig = Pick<DemoEnv, 'mode' | 'apiUrl' | 'clientApplicationId' | 'clientToken'>;

/** The environment variables that point the demo at a real Voucherify project. */
export const DEMO_ENV_VARS = {
  clientApplicationId: 'VOUCHERIFY_CLIENT_APP_ID',
  clientToken: 'VOUCHERIFY_CLIENT_TOKEN',
  applicationId: 'VOUCHERIFY_APP_ID',
  secretKey: 'VOUCHERIFY_SECRET_KEY',
} as const;

/** Voucherify's default (European) API host, used when only the keys are set. */
export const DEFAULT_API_URL = 'https://api.voucherify.io';

/**
 * Reads a real project's keys from the environment: `null` when none is set (the demo then embeds the
 * sandbox), the full set when all four are, and an error naming the missing ones when only some are,
 * so a typo never silently falls back to the sandbox.
 *
 * @example
 * readDemoEnv({ VOUCHERIFY_APP_ID: 'a', VOUCHERIFY_SECRET_KEY: 's', VOUCHERIFY_CLIENT_APP_ID: 'c', VOUCHERIFY_CLIENT_TOKEN: 't' })
 */
export function readDemoEnv(env: Record<string, string | undefined>): DemoEnv | null {
  const entries = Object.entries(DEMO_ENV_VARS).map(([key, name]) => [key, env[name]?.trim() ?? ''] as const);
  const missing = entries.filter(([, value]) => value === '').map(([key]) => DEMO_ENV_VARS[key as keyof typeof DEMO_ENV_VARS]);
  if (missing.length === entries.length) return null;
  if (missing.length > 0) {
    throw new Error(`To use a real Voucherify project, also set ${missing.join(', ')} (or unset them all to use the sandbox).`);
  }
  const values = Object.fromEntries(entries) as Record<keyof typeof DEMO_ENV_VARS, string>;
  return { ...values, mode: 'voucherify', apiUrl: env.VOUCHERIFY_API_URL?.trim() || DEFAULT_API_URL };
}

/**
 * The part of the config the page receives.
 *
 * @example
 * Response.json(toPublicConfig(env))
 */
export function toPublicConfig(env: DemoEnv): PublicDemoConfig {
  return { mode: env.mode, apiUrl: env.apiUrl, clientApplicationId: env.clientApplicationId, clientToken: env.clientToken };
}

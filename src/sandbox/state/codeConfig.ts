import type { SandboxCodeConfig } from '../types.js';

/** Voucherify's default alphabet less the look-alikes (0/O, 1/I): codes are read off e-mails and typed by hand. */
export const DEFAULT_CODE_CHARSET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** The generated length without a pattern. */
export const DEFAULT_CODE_LENGTH = 8;

/** The distinct characters a `#` draws from. */
export function codeCharset(config: SandboxCodeConfig): string[] {
  return [...new Set(config.charset ?? DEFAULT_CODE_CHARSET)];
}

/**
 * The pattern a `code_config` stands for: its own, or prefix + `#` × length + postfix.
 *
 * @example
 * codePattern({ prefix: 'REF-', length: 6 }) // 'REF-######'
 */
export function codePattern(config: SandboxCodeConfig): string {
  if (config.pattern !== undefined) return config.pattern;
  return `${config.prefix ?? ''}${'#'.repeat(config.length ?? DEFAULT_CODE_LENGTH)}${config.postfix ?? ''}`;
}

/**
 * How many distinct codes a config can make (Infinity past 2^53): a campaign is refused when it cannot make
 * the codes it promises.
 *
 * @example
 * codeSpace({ pattern: 'WELCOME-####' }) // 32 ** 4 = 1048576
 */
export function codeSpace(config: SandboxCodeConfig): number {
  const slots = [...codePattern(config)].filter((character) => character === '#').length;
  const space = codeCharset(config).length ** slots;
  return space > Number.MAX_SAFE_INTEGER ? Infinity : space;
}

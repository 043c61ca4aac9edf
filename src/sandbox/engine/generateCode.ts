import { codeCharset, codePattern } from '../state/codeConfig.js';
import type { SandboxCodeConfig } from '../types.js';

/** One index below `size`, uniform: bytes past the largest multiple of `size` are drawn again, so no character is favoured. */
function randomIndex(size: number): number {
  const limit = 256 - (256 % size);
  const byte = new Uint8Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(byte);
    if (byte[0]! < limit) return byte[0]! % size;
  }
}

/**
 * A random code from a campaign's `code_config`, drawn with the platform's cryptographic random source: a
 * personal code must not be guessable from another one. Charsets are at most 256 characters (checked on the way in).
 *
 * @example
 * generateCode({ pattern: 'WELCOME-####' }) // 'WELCOME-7KQ2'
 */
export function generateCode(config: SandboxCodeConfig): string {
  const charset = codeCharset(config);
  return [...codePattern(config)].map((character) => (character === '#' ? charset[randomIndex(charset.length)] : character)).join('');
}

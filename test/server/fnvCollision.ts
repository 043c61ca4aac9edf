// Crafts a code that gives a chosen 32-bit FNV-1a hash (the fingerprint the redeem-once guard used before issue 10),
// meet-in-the-middle: 3 characters forward from the prefix, 4 backward from the target. Milliseconds, not 2^32 tries.
const PRIME = 0x01000193;
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function inverse(odd: number): number {
  let x = odd; // Newton: each step doubles the correct low bits.
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(odd, x));
  return x >>> 0;
}
const PRIME_INVERSE = inverse(PRIME);

const forward = (hash: number, text: string) => {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), PRIME) >>> 0;
  return hash;
};
const backward = (hash: number, text: string) => {
  for (let i = text.length - 1; i >= 0; i--) hash = (Math.imul(hash, PRIME_INVERSE) ^ text.charCodeAt(i)) >>> 0;
  return hash;
};

/** The FNV-1a hash of `text`, as `orderFingerprint` computes it. */
export const fnv1a = (text: string) => forward(0x811c9dc5, text);

/**
 * A code of `length` characters such that `prefix + code + suffix` hashes to `target`, or undefined.
 * `length` must be at least 7.
 */
export function collidingCode(prefix: string, suffix: string, target: number, length: number): string | undefined {
  const filler = 'X'.repeat(length - 7);
  const start = forward(0x811c9dc5, prefix + filler);
  const middle = new Map<number, string>();
  for (const a of alphabet) for (const b of alphabet) for (const c of alphabet) middle.set(forward(start, a + b + c), a + b + c);
  const end = backward(target >>> 0, suffix);
  for (const a of alphabet)
    for (const b of alphabet)
      for (const c of alphabet)
        for (const d of alphabet) {
          const found = middle.get(backward(end, a + b + c + d));
          if (found !== undefined) return filler + found + a + b + c + d;
        }
  return undefined;
}

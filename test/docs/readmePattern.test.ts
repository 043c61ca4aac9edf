// The README's primary pattern is tested as written: its cart and Checkout blocks are kept, byte for byte, as
// examples/patterns/{cart.ts,Checkout.tsx}, which the jsdom and Chromium tests render. Edit one, edit the other.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from './markdownBlocks.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const blocks = markdownBlocks(root, 'README.md');
const pattern = [
  { key: 'README.md › The cart these examples use #1', file: 'examples/patterns/cart.ts' },
  { key: 'README.md › Quickstart: Vite (or any React SPA) #2', file: 'examples/patterns/Checkout.tsx' },
];

describe("the README's primary pattern is the code the browser tests render", () => {
  it.each(pattern)('$key is $file, byte for byte', ({ key, file }) => {
    const block = blocks.find((candidate) => candidate.key === key);
    expect(block, `${key} is gone from README.md`).toBeDefined();
    expect(`${block!.code.replace(/\n$/, '')}\n`).toBe(readFileSync(join(root, file), 'utf8'));
  });
});

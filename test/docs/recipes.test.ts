// A recipe the docs give and the tests run is one text: the function in docs/server.md must equal, to the
// character, the one in the test fixture that the recovery tests (memory, Redis, two processes) call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from './markdownBlocks.js';

const root = join(import.meta.dirname, '../..');

/** From `export async function <name>` to the end of the text (the block's or the fixture's recipe). */
function recipe(text: string, name: string): string {
  const start = text.indexOf(`export async function ${name}`);
  if (start < 0) throw new Error(`no ${name} in the text`);
  return text.slice(start).trim();
}

describe('docs recipes are the code the tests run', () => {
  it('docs/server.md › Reconciling an unknown outcome: redeemOrReconcile equals test/server/recoveryRecipe.ts', () => {
    const block = markdownBlocks(root, 'docs/server.md').find((b) => b.heading === 'Reconciling an unknown outcome' && b.index === 1);
    expect(block, 'the recipe block').toBeDefined();
    const fixture = readFileSync(join(root, 'test/server/recoveryRecipe.ts'), 'utf8');
    const tested = fixture.slice(fixture.indexOf('// recipe:start') + '// recipe:start'.length, fixture.indexOf('// recipe:end'));
    expect(recipe(block!.code, 'redeemOrReconcile')).toBe(recipe(tested, 'redeemOrReconcile'));
    // The imports too: the block's first line is what the fixture imports.
    expect(fixture).toContain(block!.code.split('\n')[0]!);
  });
});

// The README claims no more about @voucherify/sdk than test/sandbox/sdk.test.ts shows: its list is the test names.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function testedCalls(): string[] {
  let side = '';
  const names: string[] = [];
  for (const line of readFileSync(join(root, 'test/sandbox/sdk.test.ts'), 'utf8').split('\n')) {
    const group = /^describe\('@voucherify\/sdk (?:and )?([^']+)'/.exec(line);
    if (group) side = group[1]!;
    const name = /^\s+(?:it|test)\('([^']*)'/.exec(line);
    if (name) names.push(`${side} · ${name[1]}`);
  }
  return names;
}

describe('the README on @voucherify/sdk', () => {
  test('lists exactly the SDK calls test/sandbox/sdk.test.ts runs, in its order', () => {
    const region = /<!-- sdk-calls:start[^>]*-->\n([\s\S]*?)<!-- sdk-calls:end -->/.exec(readme);
    expect(region, 'the sdk-calls region of README.md').not.toBeNull();
    const listed = region![1]!
      .split('\n')
      .filter(Boolean)
      .map((line) => line.replace(/^- /, ''));
    const tested = testedCalls();
    expect(tested.length).toBeGreaterThan(10);
    expect(listed).toEqual(tested);
  });

  test('does not claim the SDK works unmodified', () => {
    expect(readme).not.toMatch(/works against it\s+unmodified/);
  });
});

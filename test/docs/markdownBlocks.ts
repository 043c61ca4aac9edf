// The fenced code blocks of the README and docs/*.md, each with where it sits (file, heading, line).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** One fenced block. `key` (file › heading #n) is what a prelude is filed under. */
export interface MarkdownBlock {
  file: string;
  heading: string;
  /** 1-based position among the blocks under the same heading. */
  index: number;
  lang: string;
  /** 1-based line of the block's first code line in `file`. */
  line: number;
  code: string;
  key: string;
}

/** The languages a user would paste into a TypeScript project: these are compiled. */
export const compiledLangs = new Set(['ts', 'tsx']);
/** Shown as shell, data or SQL: read, never compiled. A fence with no language or another one fails the test. */
export const readOnlyLangs = new Set(['sh', 'json', 'sql']);

/** The files whose blocks a user copies: the README and every page under docs/. */
export function documentedFiles(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort();
  return ['README.md', ...docs.map((name) => `docs/${name}`)];
}

/** Splits a markdown file into its fenced blocks (``` fences only, as the docs use). */
export function markdownBlocks(root: string, file: string): MarkdownBlock[] {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks: MarkdownBlock[] = [];
  const perHeading = new Map<string, number>();
  let heading = '(top)';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const heads = /^#{1,6}\s+(.*)$/.exec(text);
    if (heads) heading = heads[1]!.trim();
    const fence = /^```(\S*)\s*$/.exec(text);
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    if (end >= lines.length) throw new Error(`${file}:${i + 1}: a code fence that is never closed`);
    const index = (perHeading.get(heading) ?? 0) + 1;
    perHeading.set(heading, index);
    blocks.push({
      file,
      heading,
      index,
      lang: fence[1] ?? '',
      line: start + 1,
      code: lines.slice(start, end).join('\n'),
      key: `${file} › ${heading} #${index}`,
    });
    i = end;
  }
  return blocks;
}

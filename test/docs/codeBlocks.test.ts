// Every ts/tsx block of the README and docs/*.md is a module of a user's project that installed the packed
// tarball, and must pass strict tsc there. Placeholders come from a per-block `declare` prelude (preludes.ts).
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compiledLangs, documentedFiles, markdownBlocks, readOnlyLangs, type MarkdownBlock } from './markdownBlocks';
import { ensureBuilt, packedProject, typecheck, type Diagnostic } from './packedProject';
import { preludes, type Prelude } from './preludes';

const root = resolve(import.meta.dirname, '../..');
const blocks = documentedFiles(root).flatMap((file) => markdownBlocks(root, file));
const compiled = blocks.filter((block) => compiledLangs.has(block.lang));

/** What a user's app would have installed beside voucherkit. Types only matter: nothing is run. */
const consumerPackages = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'zod',
  'cookie',
  'js-cookie',
  'msw',
  'redis',
  'ioredis',
  'pg',
  '@types/pg',
  'postgres',
  'vite',
  '@types/node',
  '@types/react',
  '@types/react-dom',
  '@types/js-cookie',
  '@types/express',
  // The gift card balance recipe's per-IP rate limit (docs/gift-cards.md).
  'rate-limiter-flexible',
];

const strict = { strict: true, noUncheckedIndexedAccess: true, noImplicitOverride: true, verbatimModuleSyntax: true, isolatedModules: true };
/** A Vite or Next app: bundler resolution, DOM, JSX. */
const bundlerOptions = {
  ...strict,
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  module: 'ESNext',
  moduleResolution: 'bundler',
  jsx: 'react-jsx',
  types: ['node', 'vite/client'],
  noEmit: true,
  skipLibCheck: false,
  // Next.js's `@/lib/*` and React Router's `~/*` aliases, onto the blocks.
  paths: { '@/lib/*': ['./blocks/*'], '~/*': ['./blocks/*'] },
};
/** A Node server (Express, a Fetch server): node16 resolution, no DOM lib, ESM. */
const nodeOptions = {
  ...strict,
  target: 'ES2022',
  lib: ['ES2022'],
  module: 'node16',
  moduleResolution: 'node16',
  types: ['node'],
  noEmit: true,
  skipLibCheck: false,
};

interface Placed {
  block: MarkdownBlock;
  project: 'bundler' | 'node';
  /** The file as tsc prints it, relative to its project. */
  path: string;
  preludeLines: number;
}

let work = '';
let missing: string[] = [];
const placed = new Map<string, Placed[]>();
const found = new Map<string, string[]>();
const outside: string[] = [];

function fileName(block: MarkdownBlock, prelude: Prelude, n: number): string {
  if (prelude.file) return prelude.file;
  const slug = `${block.file}-${block.heading}-${block.index}`.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
  return `b${n}-${slug}.${block.lang}`;
}

function where(diagnostic: Diagnostic): string {
  return diagnostic.file ? `${diagnostic.file}:${diagnostic.line}: ${diagnostic.text}` : diagnostic.text;
}

beforeAll(() => {
  ensureBuilt(root);
  const linked = packedProject(root, consumerPackages, [join(root, 'node_modules'), join(root, 'examples/express/node_modules')]);
  work = linked.work;
  missing = linked.missing;
  for (const project of ['bundler', 'node'] as const) {
    mkdirSync(join(work, project, 'blocks'), { recursive: true });
    mkdirSync(join(work, project, 'shims'), { recursive: true });
    for (const shim of readdirSync(join(import.meta.dirname, 'shims'))) {
      // The express shim stands in only when @types/express is not installed.
      if (shim === 'express.d.ts' && !missing.includes('@types/express')) continue;
      copyFileSync(join(import.meta.dirname, 'shims', shim), join(work, project, 'shims', shim));
    }
  }
  writeFileSync(join(work, 'node/package.json'), JSON.stringify({ type: 'module', private: true }));
  // The shims stand for CommonJS type packages (as @types/express is): `export =` needs a CommonJS scope.
  writeFileSync(join(work, 'node/shims/package.json'), JSON.stringify({ type: 'commonjs' }));
  compiled.forEach((block, n) => {
    const prelude = preludes[block.key];
    if (!prelude) return;
    const lines = prelude.lines ?? [];
    const path = `blocks/${fileName(block, prelude, n)}`;
    const projects = prelude.project === 'both' ? (['bundler', 'node'] as const) : [prelude.project];
    for (const project of projects) writeFileSync(join(work, project, path), [...lines, block.code, ''].join('\n'));
    placed.set(
      block.key,
      projects.map((project) => ({ block, project, path, preludeLines: lines.length })),
    );
  });
  for (const project of ['bundler', 'node'] as const) {
    const options = project === 'bundler' ? bundlerOptions : nodeOptions;
    writeFileSync(join(work, project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['blocks', 'shims'] }, null, 2));
    const { diagnostics } = typecheck(root, join(work, project, 'tsconfig.json'));
    for (const diagnostic of diagnostics) {
      const owner = [...placed.values()].flat().find((p) => p.project === project && p.path === diagnostic.file);
      if (owner) {
        const line = diagnostic.line - owner.preludeLines;
        const at = line >= 1 ? `${owner.block.file}:${owner.block.line + line - 1}` : `${owner.block.key} (prelude line ${diagnostic.line})`;
        found.set(owner.block.key, [...(found.get(owner.block.key) ?? []), `${at} [${project}]: ${diagnostic.text}`]);
      } else if (/node_modules\//.test(diagnostic.file) && !/node_modules\/voucherkit\//.test(diagnostic.file)) {
        // skipLibCheck for third-party libraries only: their own declarations are not ours to fix.
      } else {
        outside.push(`[${project}] ${where(diagnostic)}`);
      }
    }
  }
}, 300_000);

afterAll(() => {
  if (work && existsSync(work)) rmSync(work, { recursive: true, force: true });
});

describe('README and docs code blocks', () => {
  test('every fence names its language: ts/tsx are compiled, sh/json/sql are not', () => {
    const unknown = blocks.filter((block) => !compiledLangs.has(block.lang) && !readOnlyLangs.has(block.lang));
    expect(unknown.map((block) => `${block.file}:${block.line - 1}: \`\`\`${block.lang}`)).toEqual([]);
    expect(compiled.length).toBeGreaterThan(10);
  });

  test('every ts/tsx block has a prelude entry, and every entry still has its block', () => {
    const keys = new Set(compiled.map((block) => block.key));
    const withoutPrelude = compiled.filter((block) => !preludes[block.key]).map((block) => `${block.file}:${block.line}: ${block.key}`);
    expect(withoutPrelude, 'add an entry to test/docs/preludes.ts for each new block').toEqual([]);
    expect(
      Object.keys(preludes).filter((key) => !keys.has(key)),
      'entries for blocks that no longer exist',
    ).toEqual([]);
  });

  test.each(compiled.map((block) => [block.key, block] as const))('%s compiles under strict tsc against the packed tarball', (key, block) => {
    expect(placed.has(key), `${block.file}:${block.line}: no prelude entry`).toBe(true);
    expect(found.get(key) ?? []).toEqual([]);
  });

  test("voucherkit's published declarations and the harness compile (skipLibCheck only for third-party libraries)", () => {
    expect(outside).toEqual([]);
  });
});

// A throwaway user project that depends on voucherkit as published: the packed tarball, unpacked into
// node_modules/voucherkit, with the consumer's other packages linked from ours (no network).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds dist (JS and declarations) when it is missing or older than a source file, as `npm run build` would. */
export function ensureBuilt(root: string): void {
  const stamp = join(root, 'dist/index.d.ts');
  const fresh = existsSync(stamp) && existsSync(join(root, 'dist/index.js')) && statSync(stamp).mtimeMs >= newestMtime(join(root, 'src'));
  if (fresh) return;
  // Vitest sets NODE_ENV=test, which would make Vite emit development JSX (jsxDEV) into the published dist.
  run(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], root, { ...process.env, NODE_ENV: 'production' });
  run(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], root);
}

/**
 * Packs the repository and unpacks the tarball into `<work>/node_modules/voucherkit`; links `packages` (the
 * consumer's own dependencies and type packages) from `sources`, the first node_modules that has each.
 * Returns the work directory and the packages that were found nowhere.
 */
export function packedProject(root: string, packages: string[], sources: string[]): { work: string; missing: string[] } {
  const work = mkdtempSync(join(tmpdir(), 'voucherkit-docs-'));
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root)) as Array<{ filename: string }>;
  const installed = join(work, 'node_modules/voucherkit');
  mkdirSync(installed, { recursive: true });
  run('tar', ['-xzf', join(work, packed!.filename), '-C', installed, '--strip-components=1'], work);
  const missing: string[] = [];
  for (const name of packages) {
    const source = sources.map((dir) => join(dir, name)).find((path) => existsSync(path));
    if (!source) {
      missing.push(name);
      continue;
    }
    const target = join(work, 'node_modules', name);
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(source, target, 'dir');
  }
  return { work, missing };
}

/** One `tsc` diagnostic: the file as tsc printed it (relative to the project), 1-based line, and the text. */
export interface Diagnostic {
  file: string;
  line: number;
  text: string;
}

/** Runs `tsc -p` on a project and parses what it reports; an exit code alone is not trusted. */
export function typecheck(root: string, project: string): { diagnostics: Diagnostic[]; output: string } {
  let output: string;
  try {
    output = run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--pretty', 'false'], dirname(project));
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? '') + String((error as { stderr?: string }).stderr ?? '');
  }
  const diagnostics: Diagnostic[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.+?)\((\d+),\d+\): (error TS\d+: .*)$/.exec(line);
    if (match) diagnostics.push({ file: match[1]!, line: Number(match[2]), text: match[3]! });
    else if (/^error TS\d+/.test(line)) diagnostics.push({ file: '', line: 0, text: line });
    else if (/^\s+\S/.test(line) && diagnostics.length > 0) diagnostics[diagnostics.length - 1]!.text += `\n${line}`;
  }
  return { diagnostics, output };
}

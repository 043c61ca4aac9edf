// The real `voucherkit-sandbox` process, from the sources: dist/ may not exist while vitest runs, so the CLI
// is bundled with esbuild into a temporary file (what the build ships is the same module graph) and run with node.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');

/** A running CLI process and the port it listens on. */
export interface CliProcess {
  child: ChildProcess;
  port: number;
  /** True while the process has not exited. */
  alive(): boolean;
  /** What the process wrote to stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Bundles src/sandbox/cli.ts and starts it on a free loopback port, with `args` after `--port 0`. */
export async function startCli(args: readonly string[] = []): Promise<CliProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'voucherkit-cli-'));
  const outfile = join(dir, 'cli.mjs');
  await build({
    entryPoints: [join(root, 'src/sandbox/cli.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  const child = spawn(process.execPath, [outfile, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let exited = false;
  let errors = '';
  child.on('exit', () => {
    exited = true;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the CLI did not start: ${out}${errors}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited with ${String(code)}: ${errors}`));
    });
  });
  return {
    child,
    port,
    alive: () => !exited && child.exitCode === null,
    stderr: () => errors,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

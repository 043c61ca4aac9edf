// One "server process" of the two-process store tests: a bundled child script run with plain node, read line by line.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Child {
  process: ChildProcessWithoutNullStreams;
  lines: string[];
  /** The first line (printed so far or later) that `line` accepts; rejects with the child's stderr if it exits first. */
  waitFor(line: (text: string) => boolean): Promise<string>;
  exited: Promise<number | null>;
}

/** Runs `node script ...args`, recording it in `started` so an afterAll can kill what a failed test left running. */
export function startChild(script: string, args: string[], started: ChildProcessWithoutNullStreams[]): Child {
  const child = spawn(process.execPath, [script, ...args]);
  started.push(child);
  const lines: string[] = [];
  const waiters: Array<{ match: (text: string) => boolean; resolve: (text: string) => void }> = [];
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const parts = pending.split('\n');
    pending = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const waiter of waiters.filter((w) => w.match(line))) waiter.resolve(line);
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    process: child,
    lines,
    exited,
    waitFor: (match) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(match);
        if (seen !== undefined) return resolve(seen);
        waiters.push({ match, resolve });
        void exited.then((code) => reject(new Error(`child exited (${code}) before the expected line:\n${stderr}`)));
      }),
  };
}

// Context, not a B section: today's bench/run.mjs (client speed in Node over the loopback sandbox), reprinted.
// Fewer iterations than its default keep the whole bench inside its time budget.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { benchDir, root } from '../browser/paths.mjs';

export function runNodeClientSpeed() {
  const out = execFileSync(process.execPath, [join(benchDir, 'run.mjs'), '--iterations', '100'], { cwd: root, encoding: 'utf8' });
  return { markdown: ['## Context: client speed in Node (bench/run.mjs --iterations 100)', '', out.trim()].join('\n') };
}

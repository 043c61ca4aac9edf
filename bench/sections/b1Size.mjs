// B1: bundle size, exactly today's bench/size.mjs rows: this section only runs it with `--json` and reprints its
// figures (its budgets and method stay in size.mjs).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, outDir, root } from '../browser/paths.mjs';
import { table } from '../lib/markdown.mjs';

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

export function runB1() {
  const jsonFile = join(outDir, 'size.json');
  execFileSync(process.execPath, [join(benchDir, 'size.mjs'), '--json', jsonFile], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const { rows, budgets } = JSON.parse(readFileSync(jsonFile, 'utf8'));
  const markdown = [
    '## B1 Size',
    '',
    'bench/size.mjs, unchanged: esbuild `--bundle --minify --format=esm --platform=browser`, gzip -9, brotli 11, react and',
    'react-dom external, the anchors from bench/anchors in the same run. Bytes.',
    '',
    table(
      ['entry', 'minified', 'gzip', 'brotli', 'gzip incl. CSS'],
      rows.map((r) => [r.name, String(r.minified), String(r.gzip), String(r.brotli), String(r.gzipWithCss)]),
    ),
    '',
    table(
      ['gzip', 'voucherkit', 'anchor', 'ratio', 'budget (issue 13; promotions: issue 19)', 'what npm test holds'],
      budgets.map((b) => [
        b.name,
        kb(b.actual),
        `${b.anchorName} ${kb(b.anchor)}`,
        `${b.ratio.toFixed(2)}×${b.anchorRatio ? ` (target ≤ ${b.anchorRatio}×)` : ''}`,
        `${b.budget} B ${b.met ? 'met' : `**NOT MET** (${b.actual - b.budget} B over)`}`,
        b.met ? 'the budget' : b.guard === undefined ? 'the budget: **FAIL**' : `guard ${b.guard} B ${b.passed ? 'pass' : '**FAIL**'}`,
      ]),
    ),
  ].join('\n');
  return { markdown, raw: { rows, budgets } };
}

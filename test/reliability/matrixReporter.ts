// Prints the issue 10 fault matrix after a run: one line per row (a test of the reliability projects), with what
// the row did, what the user or caller saw, and pass/fail. The rows write `did` and `saw` into `task.meta`.
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import './rowMeta.js';

const isMatrix = (name: string) => name === 'reliability' || name.startsWith('reliability-browser');

/** Row files in the order: the shopper's view, identity, the server route, its guards, the sandbox, the build. */
const fileOrder = ['field', 'identity', 'server', 'recovery', 'postgres', 'guards', 'sandboxServer', 'buildOutput'];
const rank = (moduleId: string) => {
  const stem = /([^/\\]+?)\.row\./.exec(moduleId)?.[1] ?? '';
  const index = fileOrder.indexOf(stem);
  return index === -1 ? fileOrder.length : index;
};

interface Line {
  row: string;
  did: string;
  saw: string;
  result: string;
}

/** Wraps `text` into lines of at most `width` characters, at spaces where it can. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let rest = paragraph.trim();
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      const at = cut > width / 3 ? cut : width;
      lines.push(rest.slice(0, at));
      rest = rest.slice(at).trim();
    }
    lines.push(rest);
  }
  return lines;
}

function lineOf(test: TestCase): Line {
  const meta = test.meta();
  const state = test.result().state;
  const error = test.result().errors?.[0]?.message?.split('\n')[0] ?? '';
  const result = state === 'passed' ? 'pass' : state === 'failed' ? 'FAIL' : state;
  const saw = meta.saw ?? '';
  return {
    row: test.name,
    did: meta.did ?? '',
    saw: state === 'failed' && error ? `${saw}${saw ? '\n' : ''}✘ ${error}` : saw,
    result,
  };
}

/** The table, as plain text with box-drawing rules, each cell wrapped to its column. */
export function formatMatrix(lines: Line[]): string {
  const widths = { row: 34, did: 46, saw: 58, result: 6 };
  const rule = (l: string, m: string, r: string) =>
    `${l}${Object.values(widths)
      .map((w) => '─'.repeat(w + 2))
      .join(m)}${r}`;
  const render = (cells: Line) => {
    const wrapped = {
      row: wrap(cells.row, widths.row),
      did: wrap(cells.did, widths.did),
      saw: wrap(cells.saw, widths.saw),
      result: [cells.result],
    };
    const height = Math.max(...Object.values(wrapped).map((column) => column.length));
    const out: string[] = [];
    for (let i = 0; i < height; i += 1) {
      const cell = (key: keyof typeof widths) => (wrapped[key][i] ?? '').padEnd(widths[key]);
      out.push(`│ ${cell('row')} │ ${cell('did')} │ ${cell('saw')} │ ${cell('result')} │`);
    }
    return out.join('\n');
  };
  const body = lines.map(render).join(`\n${rule('├', '┼', '┤')}\n`);
  return [
    rule('┌', '┬', '┐'),
    render({ row: 'row', did: 'what was done', saw: 'what the user or caller saw', result: 'result' }),
    rule('╞', '╪', '╡').replace(/─/g, '═'),
    body,
    rule('└', '┴', '┘'),
  ].join('\n');
}

/** The reporter: add it beside the default one (`--reporter=default --reporter=./test/reliability/matrixReporter.ts`). */
export default class MatrixReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: Line[] = [];
    const modules = [...testModules]
      .filter((module) => isMatrix(module.project.name))
      .sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || a.moduleId.localeCompare(b.moduleId));
    for (const module of modules) for (const test of module.children.allTests()) lines.push(lineOf(test));
    if (lines.length === 0) return;
    const passed = lines.filter((line) => line.result === 'pass').length;
    process.stdout.write(`\nReliability matrix (issue 10)\n${formatMatrix(lines)}\n${passed} of ${lines.length} rows pass\n`);
  }
}

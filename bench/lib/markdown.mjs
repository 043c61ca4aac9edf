// Markdown output of results.md.

/** A table: `align` per column ('l' or 'r'), cells already formatted. */
export function table(headers, rows, align = headers.map((_, i) => (i === 0 ? 'l' : 'r'))) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/** Milliseconds with one decimal. */
export const ms = (value) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');

/** A ratio ours / anchor, e.g. "0.42×". */
export const ratio = (ours, anchor) => (Number.isFinite(ours) && Number.isFinite(anchor) && anchor > 0 ? `${(ours / anchor).toFixed(2)}×` : 'n/a');

/** "met" / "NOT MET (…)" for a goal. */
export const verdict = (met, detail = '') => (met ? 'met' : `**NOT MET**${detail ? ` (${detail})` : ''}`);

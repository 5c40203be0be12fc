/** Column alignment of {@link formatTable}: left or right. */
export type ColumnAlign = 'left' | 'right';

/**
 * A GitHub-flavoured Markdown table whose columns are padded to equal width, so the same text
 * reads well in a terminal and renders in a README. Pipes inside cells are escaped.
 *
 * @param headers - column titles (at least one)
 * @param rows - cells, each row exactly as long as `headers`
 * @param align - per-column alignment (default: first column left, the others right)
 * @example
 * formatTable(['N', 'ms'], [['8', '1.5']]); // '| N   |  ms |\n| :-- | --: |\n| 8   | 1.5 |'
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], align?: readonly ColumnAlign[]): string {
  if (headers.length === 0) throw new Error("formatTable: argument 'headers' must hold at least one column title");
  rows.forEach((row, r) => {
    if (row.length !== headers.length) {
      throw new Error(`formatTable: argument 'rows[${r}]' must have ${headers.length} cells (one per header), got ${row.length}`);
    }
  });
  const aligns = align ?? headers.map((_, c): ColumnAlign => (c === 0 ? 'left' : 'right'));
  if (aligns.length !== headers.length) {
    throw new Error(`formatTable: argument 'align' must have ${headers.length} entries (one per header), got ${aligns.length}`);
  }
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const cells = [headers, ...rows].map((row) => row.map(esc));
  // 3 is the narrowest separator cell with an alignment colon (':--' / '--:').
  const widths = headers.map((_, c) => Math.max(3, ...cells.map((row) => row[c].length)));
  const pad = (s: string, c: number) => (aligns[c] === 'right' ? s.padStart(widths[c]) : s.padEnd(widths[c]));
  const line = (row: readonly string[]) => `| ${row.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (aligns[c] === 'right' ? '-'.repeat(w - 1) + ':' : ':' + '-'.repeat(w - 1))).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

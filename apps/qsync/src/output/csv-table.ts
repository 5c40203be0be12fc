/** A CSV field: text, or a number written in its shortest round-trip form. */
export type CsvField = string | number;

/**
 * A CSV document: one header row and the data rows, RFC 4180 quoting (a field holding a comma,
 * a double quote, CR or LF is enclosed in double quotes, with its quotes doubled), LF line ends,
 * numbers at full precision (`String(v)`, which reads back to the same double). The one CSV
 * writer of the program: run tables and figure panels both go through it.
 *
 * @param header - column names
 * @param rows - one array of fields per row, as many as the header
 * @returns the CSV text, ending with a line break
 * @example
 * csvTable(['series', 'x'], [['a, "b"', 0.1]]); // → 'series,x\n"a, ""b""",0.1\n'
 */
export function csvTable(header: readonly CsvField[], rows: Iterable<readonly CsvField[]>): string {
  const lines = [header.map(field).join(',')];
  let k = 0;
  for (const row of rows) {
    if (row.length !== header.length) {
      throw new Error(`csvTable: row ${k} has ${row.length} fields, the header ${header.length}`);
    }
    lines.push(row.map(field).join(','));
    k++;
  }
  return lines.join('\n') + '\n';
}

function field(v: CsvField): string {
  const text = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

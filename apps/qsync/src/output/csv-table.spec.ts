import { describe, expect, it } from 'vitest';
import { csvTable } from './csv-table';

/** An RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes), to read back what was written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') quoted = false;
      else f += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += c;
  }
  return rows;
}

describe('csvTable', () => {
  it('quotes exactly the fields that need it (comma, quote, CR, LF) and doubles their quotes', () => {
    const text = csvTable(['name', 'phase difference φ_AB', 'U(φ_AB), "tilted"'], [['a,b', 'line\nbreak', 'cr\rx'], ['plain', 'q"uote', '']]);
    expect(text).toBe('name,phase difference φ_AB,"U(φ_AB), ""tilted"""\n"a,b","line\nbreak","cr\rx"\nplain,"q""uote",\n');
    expect(parseCsv(text)).toEqual([
      ['name', 'phase difference φ_AB', 'U(φ_AB), "tilted"'],
      ['a,b', 'line\nbreak', 'cr\rx'],
      ['plain', 'q"uote', ''],
    ]);
  });

  it('writes numbers that read back to the same doubles', () => {
    const values = [Math.PI, -1e-300, 0.1 + 0.2, 2 ** 53 + 2, -0];
    const rows = parseCsv(csvTable(['v'], values.map((v) => [v])));
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(values.map((v) => (Object.is(v, -0) ? 0 : v)));
  });

  it('refuses a row whose length is not the header’s', () => {
    expect(() => csvTable(['a', 'b'], [[1, 2], [3]])).toThrow('csvTable: row 1 has 1 fields, the header 2');
  });

  it('runs its doc example', () => {
    expect(csvTable(['series', 'x'], [['a, "b"', 0.1]])).toBe('series,x\n"a, ""b""",0.1\n');
  });
});

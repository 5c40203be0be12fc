import type { DenseMatrix } from './types';

function checkRows(fn: string, name: string, a: unknown, rows?: number, cols?: number): asserts a is number[][] {
  if (!Array.isArray(a) || a.length < 1) {
    throw new Error(`${fn}: argument '${name}' must be a non-empty array of rows`);
  }
  if (rows !== undefined && a.length !== rows) {
    throw new Error(`${fn}: argument '${name}' must have ${rows} rows like 're', got ${a.length}`);
  }
  const c = cols ?? (Array.isArray(a[0]) ? a[0].length : 0);
  for (let i = 0; i < a.length; i++) {
    const row: unknown = a[i];
    if (!Array.isArray(row) || row.length !== c || c < 1) {
      const len = Array.isArray(row) ? row.length : 'not an array';
      throw new Error(`${fn}: argument '${name}' row ${i} must be an array of length ${c} ≥ 1, got ${len}`);
    }
    for (let j = 0; j < c; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new Error(`${fn}: argument '${name}'[${i}][${j}] must be a finite number, got ${String(v)}`);
      }
    }
  }
}

/**
 * A new dense complex matrix from nested arrays of real and (optionally) imaginary parts.
 * Meant for tests and small hand-written operators, not for hot paths.
 *
 * @param re - real parts, re[i][j] is entry (i, j); all rows of equal length ≥ 1; finite
 * @param im - imaginary parts, same shape as `re`; omitted means 0
 * @example
 * const sy = denseFromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]]); // Pauli σy
 * sy.data; // Float64Array [0, 0, 0, -1, 0, 1, 0, 0]
 */
export function denseFromArrays(re: number[][], im?: number[][]): DenseMatrix {
  const fn = 'denseFromArrays';
  checkRows(fn, 're', re);
  const rows = re.length;
  const cols = re[0].length;
  if (im !== undefined) checkRows(fn, 'im', im, rows, cols);
  const data = new Float64Array(2 * rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const p = 2 * (i * cols + j);
      data[p] = re[i][j];
      if (im !== undefined) data[p + 1] = im[i][j];
    }
  }
  return { rows, cols, data };
}

/**
 * Shared guards of @qsync/linalg. Every guard names the calling function and the
 * offending parameter, and says what was expected. Internal to the library (the
 * solver files import them relatively); not part of the public entry.
 */
import type { Complex, CsrMatrix, DenseMatrix } from './types';

/** "3×4" — the shape of a matrix, for error messages. */
export function shapeOf(m: { rows: number; cols: number }): string {
  return `${m.rows}×${m.cols}`;
}

/** Throws unless `value` is an integer ≥ 1 (a matrix dimension). */
export function assertDimension(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${fn}: argument '${name}' must be an integer ≥ 1, got ${String(value)}`);
  }
}

/** Throws unless `value` is an integer in [0, max] (offsets and counts). */
export function assertIndexInRange(fn: string, name: string, value: unknown, max: number): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new Error(`${fn}: argument '${name}' must be an integer in 0…${max}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function assertNonNegative(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${fn}: argument '${name}' must be a finite number ≥ 0, got ${String(value)}`);
  }
}

/** Throws unless `m` is a structurally consistent DenseMatrix (O(1) checks). */
export function assertDense(fn: string, name: string, m: unknown): asserts m is DenseMatrix {
  const d = m as Partial<DenseMatrix> | null | undefined;
  if (
    d == null ||
    typeof d.rows !== 'number' ||
    typeof d.cols !== 'number' ||
    !Number.isSafeInteger(d.rows) ||
    !Number.isSafeInteger(d.cols) ||
    d.rows < 1 ||
    d.cols < 1
  ) {
    throw new Error(`${fn}: argument '${name}' must be a DenseMatrix with rows, cols ≥ 1`);
  }
  if (!(d.data instanceof Float64Array) || d.data.length !== 2 * d.rows * d.cols) {
    const got = d.data instanceof Float64Array ? `length ${d.data.length}` : 'not a Float64Array';
    throw new Error(
      `${fn}: argument '${name}' (${shapeOf(d as DenseMatrix)}) must have data of length 2·rows·cols = ` +
        `${2 * d.rows * d.cols}, got ${got}`,
    );
  }
}

/**
 * Throws unless `m` is a structurally consistent CsrMatrix: rowPtr of length rows+1
 * starting at 0, colIdx and data long enough for nnz = rowPtr[rows] entries (O(1) checks;
 * sortedness of columns is the producer's promise, see types.ts).
 */
export function assertCsr(fn: string, name: string, m: unknown): asserts m is CsrMatrix {
  const c = m as Partial<CsrMatrix> | null | undefined;
  if (
    c == null ||
    typeof c.rows !== 'number' ||
    typeof c.cols !== 'number' ||
    !Number.isSafeInteger(c.rows) ||
    !Number.isSafeInteger(c.cols) ||
    c.rows < 1 ||
    c.cols < 1
  ) {
    throw new Error(`${fn}: argument '${name}' must be a CsrMatrix with rows, cols ≥ 1`);
  }
  const rp = c.rowPtr;
  if (!(rp instanceof Int32Array) || rp.length !== c.rows + 1 || rp[0] !== 0) {
    throw new Error(
      `${fn}: argument '${name}' (${shapeOf(c as CsrMatrix)}) must have an Int32Array rowPtr of length ` +
        `rows+1 = ${c.rows + 1} starting at 0`,
    );
  }
  const nnz = rp[c.rows];
  if (!(c.colIdx instanceof Int32Array) || c.colIdx.length < nnz || !(c.data instanceof Float64Array) || c.data.length < 2 * nnz) {
    throw new Error(
      `${fn}: argument '${name}' (${shapeOf(c as CsrMatrix)}) must have colIdx (Int32Array) of length ≥ nnz = ${nnz} ` +
        `and data (Float64Array) of length ≥ 2·nnz = ${2 * nnz}`,
    );
  }
}

/** Throws unless `x` is an interleaved complex vector (Float64Array of even length, optionally of n entries). */
export function assertComplexVector(fn: string, name: string, x: unknown, n?: number): asserts x is Float64Array {
  if (!(x instanceof Float64Array) || x.length % 2 !== 0) {
    const got = x instanceof Float64Array ? `length ${x.length}` : 'not a Float64Array';
    throw new Error(`${fn}: argument '${name}' must be an interleaved complex Float64Array of even length, got ${got}`);
  }
  if (n !== undefined && x.length !== 2 * n) {
    throw new Error(`${fn}: argument '${name}' must hold ${n} complex entries (length ${2 * n}), got length ${x.length}`);
  }
}

/** Throws unless two matrices have the same shape; the message names both shapes. */
export function assertSameShape(
  fn: string,
  aName: string,
  a: { rows: number; cols: number },
  bName: string,
  b: { rows: number; cols: number },
): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new Error(
      `${fn}: arguments '${aName}' (${shapeOf(a)}) and '${bName}' (${shapeOf(b)}) must have the same shape`,
    );
  }
}

/** Throws unless a.cols = b.rows (a product a·b is defined); the message names both shapes. */
export function assertProductShapes(
  fn: string,
  aName: string,
  a: { rows: number; cols: number },
  bName: string,
  b: { rows: number; cols: number },
): void {
  if (a.cols !== b.rows) {
    throw new Error(
      `${fn}: '${aName}'.cols must equal '${bName}'.rows, got '${aName}' ${shapeOf(a)} and '${bName}' ${shapeOf(b)}`,
    );
  }
}

/** Throws unless the matrix is square. */
export function assertSquare(fn: string, name: string, m: { rows: number; cols: number }): void {
  if (m.rows !== m.cols) {
    throw new Error(`${fn}: argument '${name}' must be square, got ${shapeOf(m)}`);
  }
}

/** Throws when two typed arrays share memory (an in-place kernel would read what it already overwrote). */
export function assertNoOverlap(
  fn: string,
  outName: string,
  out: Float64Array,
  inName: string,
  input: Float64Array,
): void {
  if (
    out.buffer === input.buffer &&
    out.byteOffset < input.byteOffset + input.byteLength &&
    input.byteOffset < out.byteOffset + out.byteLength
  ) {
    throw new Error(`${fn}: argument '${outName}' must not share memory with '${inName}'`);
  }
}

/**
 * Normalizes a complex-or-real scalar argument; throws unless it is a finite number or a
 * Complex with finite parts (a NaN factor would silently poison every entry it touches).
 */
export function toComplex(fn: string, name: string, z: unknown): Complex {
  const c: Partial<Complex> | null | undefined =
    typeof z === 'number' ? { re: z, im: 0 } : (z as Partial<Complex> | null | undefined);
  if (c == null || typeof c.re !== 'number' || typeof c.im !== 'number' || !Number.isFinite(c.re) || !Number.isFinite(c.im)) {
    const got = c == null ? String(z) : `{re: ${String(c.re)}, im: ${String(c.im)}}`;
    throw new Error(`${fn}: argument '${name}' must be a finite number or Complex {re, im}, got ${got}`);
  }
  return { re: c.re, im: c.im };
}

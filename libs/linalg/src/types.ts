/**
 * Core data layout of qsync: complex numbers are interleaved (re, im) pairs in a
 * Float64Array, the layout fft.js uses. Matrices are row-major.
 */

/** A complex scalar, for results that are single numbers (never used per element on hot paths). */
export interface Complex {
  re: number;
  im: number;
}

/** Dense complex matrix, row-major: entry (i, j) is data[2*(i*cols+j)] + i·data[2*(i*cols+j)+1]. */
export interface DenseMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/**
 * Complex CSR sparse matrix. Row i holds the entries rowPtr[i] … rowPtr[i+1]-1; column
 * indices within a row are strictly increasing (no duplicates). Value k is
 * data[2k] + i·data[2k+1].
 */
export interface CsrMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  readonly data: Float64Array;
}

export type { Complex, DenseMatrix, CsrMatrix } from './types';

export type { Complex, DenseMatrix, CsrMatrix } from './types';

// dense complex matrices (row-major, interleaved re/im)
export { denseZeros } from './dense-zeros';
export { denseIdentity } from './dense-identity';
export { denseFromArrays } from './dense-from-arrays';
export { denseGet } from './dense-get';
export { denseSet } from './dense-set';
export { denseMatmul, denseMatmulInto } from './dense-matmul';
export { denseAdjoint } from './dense-adjoint';
export { denseKron } from './dense-kron';
export { denseAdd } from './dense-add';
export { denseScale } from './dense-scale';
export { denseTrace } from './dense-trace';
export { denseNormFrobenius, denseNormOne, denseNormMax } from './dense-norm';
export { denseHermitianDefect } from './dense-hermitian-defect';
export { denseView } from './dense-view';
export { complexVectorView } from './complex-vector-view';

// BLAS level 1 on interleaved complex vectors
export { zaxpy } from './zaxpy';
export { zscal } from './zscal';
export { zdotc } from './zdotc';
export { dznrm2 } from './dznrm2';

// sparse complex matrices (CSR)
export { csrFromTriplets } from './csr-from-triplets';
export { csrIdentity } from './csr-identity';
export { csrZeros } from './csr-zeros';
export { csrFromDense } from './csr-from-dense';
export { csrToDense } from './csr-to-dense';
export { csrDiagonal } from './csr-diagonal';
export { csrKron } from './csr-kron';
export { csrAdjoint } from './csr-adjoint';
export { csrTranspose } from './csr-transpose';
export { csrConjugate } from './csr-conjugate';
export { csrAdd } from './csr-add';
export { csrScale } from './csr-scale';
export { csrMatmul } from './csr-matmul';
export { csrMatvecInto } from './csr-matvec-into';
export { csrDenseMatmulInto } from './csr-dense-matmul-into';
export { denseCsrMatmulInto } from './dense-csr-matmul-into';
export { csrTrace } from './csr-trace';
export { csrNormFrobenius, csrNormInf } from './csr-norm';
export { csrHermitianDefect } from './csr-hermitian-defect';
export { csrNnz } from './csr-nnz';

// seeded random numbers
export { createRng } from './rng';
export type { Rng } from './rng';

// --- solvers ---
export { luFactor, luSolveInto } from './lu-factor';
export type { LuFactors } from './lu-factor';
export { solveDense } from './solve-dense';
export { expm } from './expm';
export { eigenvalues } from './eigenvalues';
export type { EigenvaluesOptions } from './eigenvalues';
export { eigenvaluesReal } from './eigenvalues-real';
export { connectedComponents } from './connected-components';
export { reverseCuthillMcKee } from './reverse-cuthill-mckee';
export { bandwidth } from './bandwidth';
export { bandLuFactor, bandLuSolveInto } from './band-lu-factor';
export { bandLuFactorSteps } from './band-lu-factor-steps';
export type { BandLuFactors, BandLuOptions } from './band-lu-factor';
export { gmres } from './gmres';
export type { GmresOptions, GmresResult } from './gmres';
export { ilu0 } from './ilu0';

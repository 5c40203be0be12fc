/**
 * Guards of @qsync/probes. Every guard names the calling function and the offending
 * parameter, and says what was expected. Internal to the library (not in index.ts).
 */
import type { DensityInput } from './density-input';

const MODE_WORDS = ['', 'single-mode', 'two-mode'];

/**
 * Throws unless `rho` is a consistent density input with `modes` tensor factors:
 * dims of that length with integer entries ≥ 1, a square matrix of side prod(dims) and
 * a Float64Array of 2·side² entries. Returns the dims.
 */
export function assertDensity(fn: string, name: string, rho: unknown, modes: 1 | 2): readonly number[] {
  const r = rho as Partial<DensityInput> | null | undefined;
  if (r == null || typeof r !== 'object') {
    throw new Error(`${fn}: argument '${name}' must be a density matrix { dims, matrix }, got ${String(rho)}`);
  }
  const dims = r.dims;
  if (!Array.isArray(dims) || dims.length !== modes) {
    const got = Array.isArray(dims) ? `dims = [${dims.join(', ')}]` : `dims = ${String(dims)}`;
    throw new Error(
      `${fn}: argument '${name}' must be a ${MODE_WORDS[modes]} density matrix ` +
        `(dims of length ${modes}), got ${got}`,
    );
  }
  let side = 1;
  for (const d of dims) {
    if (typeof d !== 'number' || !Number.isSafeInteger(d) || d < 1) {
      throw new Error(`${fn}: argument '${name}.dims' must hold integers ≥ 1, got [${dims.join(', ')}]`);
    }
    side *= d;
  }
  const m = r.matrix;
  if (m == null || typeof m.rows !== 'number' || typeof m.cols !== 'number') {
    throw new Error(`${fn}: argument '${name}.matrix' must be a DenseMatrix { rows, cols, data }`);
  }
  if (m.rows !== m.cols) {
    throw new Error(`${fn}: argument '${name}.matrix' must be square, got ${m.rows}×${m.cols}`);
  }
  if (m.rows !== side) {
    throw new Error(
      `${fn}: argument '${name}.matrix' must be ${side}×${side} to match dims [${dims.join(', ')}], ` +
        `got ${m.rows}×${m.cols}`,
    );
  }
  if (!(m.data instanceof Float64Array) || m.data.length !== 2 * side * side) {
    const got = m.data instanceof Float64Array ? `length ${m.data.length}` : 'not a Float64Array';
    throw new Error(
      `${fn}: argument '${name}.matrix.data' must be a Float64Array of length 2·rows·cols = ` +
        `${2 * side * side}, got ${got}`,
    );
  }
  return dims;
}

/** Throws unless `a` is a non-empty array-like of finite numbers. */
export function assertFiniteArray(fn: string, name: string, a: unknown): asserts a is ArrayLike<number> {
  const arr = a as ArrayLike<unknown> | null | undefined;
  if (arr == null || typeof arr !== 'object' || typeof arr.length !== 'number') {
    throw new Error(`${fn}: argument '${name}' must be an array of numbers, got ${String(a)}`);
  }
  if (arr.length < 1) {
    throw new Error(`${fn}: argument '${name}' must not be empty`);
  }
  for (let i = 0; i < arr.length; i++) {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn}: argument '${name}' must hold finite numbers, got ${String(v)} at index ${i}`);
    }
  }
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${fn}: argument '${name}' must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is an integer ≥ 1. */
export function assertCount(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new Error(`${fn}: argument '${name}' must be an integer ≥ 1, got ${String(value)}`);
  }
}

/**
 * Shared guards of @qsync/operators (internal, not exported from the entry). Every guard
 * names the calling function and the offending parameter and says what was expected.
 */
import type { Complex, CsrMatrix, DenseMatrix } from '@qsync/linalg';
import type { Space, SpaceKind } from './space';
import type { Operator } from './operator';
import type { DensityMatrix, Ket } from './state';

/** "[3, 2]" — dims for error messages. */
export function dimsString(dims: readonly number[]): string {
  return `[${dims.join(', ')}]`;
}

/** True when two dims lists are equal entry by entry. */
export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Product of the dims (the Hilbert-space dimension). */
export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

function assertDims(fn: string, name: string, dims: unknown): asserts dims is readonly number[] {
  if (!Array.isArray(dims) || dims.length < 1 || !dims.every((d) => Number.isSafeInteger(d) && d >= 1)) {
    throw new Error(`${fn}: argument '${name}' must have dims, a non-empty list of integers ≥ 1, got ${String(dims)}`);
  }
}

/** Throws unless `s` is a Space (optionally of one of the given kinds). */
export function assertSpace(fn: string, name: string, s: unknown, kinds?: readonly SpaceKind[]): asserts s is Space {
  const sp = s as Partial<Space> | null | undefined;
  if (sp == null || typeof sp.kind !== 'string' || typeof sp.size !== 'number' || !Array.isArray(sp.factors)) {
    throw new Error(`${fn}: argument '${name}' must be a Space, got ${String(s)}`);
  }
  assertDims(fn, name, sp.dims);
  if (kinds !== undefined && !kinds.includes(sp.kind)) {
    const want = kinds.map((k) => `'${k}'`).join(' or ');
    throw new Error(`${fn}: argument '${name}' must be a ${want} space, got a '${sp.kind}' space with dims ${dimsString(sp.dims)}`);
  }
}

/** Throws unless `op` is an Operator whose matrix is square of size prod(dims). */
export function assertOperator(fn: string, name: string, op: unknown): asserts op is Operator {
  const o = op as Partial<Operator> | null | undefined;
  if (o == null || o.matrix == null) {
    throw new Error(`${fn}: argument '${name}' must be an Operator {dims, matrix}, got ${String(op)}`);
  }
  assertDims(fn, name, o.dims);
  const n = sizeOf(o.dims);
  const m: CsrMatrix = o.matrix;
  if (m.rows !== n || m.cols !== n) {
    throw new Error(
      `${fn}: argument '${name}' has dims ${dimsString(o.dims)} (size ${n}) but a ${m.rows}×${m.cols} matrix`,
    );
  }
}

/** Throws unless `k` is a Ket whose data holds prod(dims) complex entries. */
export function assertKet(fn: string, name: string, k: unknown): asserts k is Ket {
  const o = k as Partial<Ket> | null | undefined;
  if (o == null || !(o.data instanceof Float64Array)) {
    throw new Error(`${fn}: argument '${name}' must be a Ket {dims, data: Float64Array}, got ${String(k)}`);
  }
  assertDims(fn, name, o.dims);
  const n = sizeOf(o.dims);
  if (o.data.length !== 2 * n) {
    throw new Error(
      `${fn}: argument '${name}' has dims ${dimsString(o.dims)} so its data must have length 2·${n} = ${2 * n}, got ${o.data.length}`,
    );
  }
}

/** Throws unless `r` is a DensityMatrix whose matrix is square of size prod(dims). */
export function assertDensityMatrix(fn: string, name: string, r: unknown): asserts r is DensityMatrix {
  const o = r as Partial<DensityMatrix> | null | undefined;
  if (o == null || o.matrix == null || !(o.matrix.data instanceof Float64Array)) {
    throw new Error(`${fn}: argument '${name}' must be a DensityMatrix {dims, matrix}, got ${String(r)}`);
  }
  assertDims(fn, name, o.dims);
  const n = sizeOf(o.dims);
  const m: DenseMatrix = o.matrix;
  if (m.rows !== n || m.cols !== n || m.data.length !== 2 * n * n) {
    throw new Error(
      `${fn}: argument '${name}' has dims ${dimsString(o.dims)} (size ${n}) but a ${m.rows}×${m.cols} matrix`,
    );
  }
}

/** Throws unless two objects carry the same dims; the message names both. */
export function assertSameDims(
  fn: string,
  aName: string,
  a: { dims: readonly number[] },
  bName: string,
  b: { dims: readonly number[] },
): void {
  if (!sameDims(a.dims, b.dims)) {
    throw new Error(
      `${fn}: '${aName}' has dims ${dimsString(a.dims)} but '${bName}' has dims ${dimsString(b.dims)}; they must be equal`,
    );
  }
}

/** Throws unless `value` is an integer in 0…max−1 (a level or subsystem index). */
export function assertIndex(fn: string, name: string, value: unknown, count: number, what = 'level'): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value >= count) {
    throw new Error(`${fn}: argument '${name}' must be an integer ${what} index in 0…${count - 1}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number. */
export function assertFinite(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${fn}: argument '${name}' must be a finite number, got ${String(value)}`);
  }
}

/** A finite number or Complex as a Complex; throws otherwise. */
export function toComplex(fn: string, name: string, z: unknown): Complex {
  const c: Partial<Complex> | null | undefined =
    typeof z === 'number' ? { re: z, im: 0 } : (z as Partial<Complex> | null | undefined);
  if (c == null || typeof c.re !== 'number' || typeof c.im !== 'number' || !Number.isFinite(c.re) || !Number.isFinite(c.im)) {
    const got = c == null ? String(z) : `{re: ${String(c.re)}, im: ${String(c.im)}}`;
    throw new Error(`${fn}: argument '${name}' must be a finite number or Complex {re, im}, got ${got}`);
  }
  return { re: c.re, im: c.im };
}

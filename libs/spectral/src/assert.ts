/**
 * Guards of @qsync/spectral. Every guard names the calling function and the offending
 * parameter, and says what was expected. Internal to the library (not in index.ts).
 * `name` is the phrase that names the parameter: `arg('x')` → "argument 'x'",
 * `opt('dt')` → "option 'dt'".
 */

/** "argument 'name'", for messages about a positional parameter. */
export function arg(name: string): string {
  return `argument '${name}'`;
}

/** "option 'name'", for messages about a field of a config object. */
export function opt(name: string): string {
  return `option '${name}'`;
}

/** Throws unless `x` is a Float64Array. */
export function assertFloat64Array(
  fn: string,
  name: string,
  x: unknown,
): asserts x is Float64Array {
  if (!(x instanceof Float64Array)) {
    const got =
      x === null
        ? 'null'
        : typeof x === 'object'
          ? ((x as { constructor?: { name?: string } }).constructor?.name ?? 'object')
          : typeof x;
    throw new Error(`${fn}: ${name} must be a Float64Array, got ${got}`);
  }
}

/**
 * Throws unless `x` is a Float64Array holding a signal: interleaved (re, im) pairs when
 * `complex` (even length ≥ 2), real samples otherwise (length ≥ 1). Returns the number of samples.
 */
export function assertSignal(fn: string, name: string, x: unknown, complex: boolean): number {
  assertFloat64Array(fn, name, x);
  if (complex) {
    if (x.length < 2 || x.length % 2 !== 0) {
      throw new Error(
        `${fn}: ${name} must hold interleaved (re, im) pairs (even length ≥ 2), ` +
          `got length ${x.length}`,
      );
    }
    return x.length / 2;
  }
  if (x.length < 1) {
    throw new Error(`${fn}: ${name} must hold at least one sample, got length 0`);
  }
  return x.length;
}

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(fn: string, name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${fn}: ${name} must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is an integer ≥ `min`. */
export function assertInteger(
  fn: string,
  name: string,
  value: unknown,
  min: number,
): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${fn}: ${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
}

/** Throws unless `value` is a power of two ≥ 2 (the lengths fft.js transforms). */
export function assertPowerOfTwo(
  fn: string,
  name: string,
  value: unknown,
): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 2 ||
    (value & (value - 1)) !== 0
  ) {
    throw new Error(`${fn}: ${name} must be a power of two ≥ 2, got ${String(value)}`);
  }
}

/** Throws unless `value` is a boolean. */
export function assertBoolean(fn: string, name: string, value: unknown): asserts value is boolean {
  if (typeof value !== 'boolean') {
    throw new Error(`${fn}: ${name} must be true or false, got ${String(value)}`);
  }
}

/** Throws unless `x` is a Float64Array of finite numbers whose values strictly increase. */
export function assertAscending(fn: string, name: string, x: unknown): asserts x is Float64Array {
  assertFloat64Array(fn, name, x);
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new Error(`${fn}: ${name} must hold finite numbers, got ${x[i]} at index ${i}`);
    }
    if (i > 0 && !(x[i] > x[i - 1])) {
      throw new Error(
        `${fn}: ${name} must increase strictly, got ${x[i - 1]} then ${x[i]} at index ${i}`,
      );
    }
  }
}

/** Throws unless `value` is a (non-null) object, e.g. a config argument. */
export function assertObject(fn: string, name: string, value: unknown): asserts value is object {
  if (value === null || typeof value !== 'object') {
    throw new Error(`${fn}: ${name} must be an object, got ${String(value)}`);
  }
}

// Argument checks shared by the ODE integrators (not exported from the library).

/** Throws unless `value` is a finite number > 0. */
export function assertPositive(fn: string, name: string, value: number): void {
  if (!(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
    throw new Error(`${fn}: option '${name}' must be a finite number > 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number ≥ 0. */
export function assertNonNegative(fn: string, name: string, value: number): void {
  if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
    throw new Error(`${fn}: option '${name}' must be a finite number ≥ 0, got ${String(value)}`);
  }
}

/** Throws unless `value` is a finite number. */
export function assertFinite(fn: string, name: string, value: number): void {
  if (!(typeof value === 'number' && Number.isFinite(value))) {
    throw new Error(`${fn}: argument '${name}' must be a finite number, got ${String(value)}`);
  }
}

/** Throws unless `y0` is a non-empty Float64Array of finite numbers. */
export function assertInitialState(fn: string, y0: Float64Array): void {
  if (!(y0 instanceof Float64Array) || y0.length === 0) {
    throw new Error(`${fn}: argument 'y0' must be a Float64Array of length ≥ 1`);
  }
  for (let i = 0; i < y0.length; i++) {
    if (!Number.isFinite(y0[i])) {
      throw new Error(`${fn}: argument 'y0' must be finite, got y0[${i}] = ${y0[i]}`);
    }
  }
}

/** Throws unless `yOut` is a Float64Array of length `dim`. */
export function assertOutput(fn: string, yOut: Float64Array, dim: number): void {
  if (!(yOut instanceof Float64Array) || yOut.length !== dim) {
    throw new Error(
      `${fn}: argument 'yOut' must be a Float64Array of length ${dim}, got ` +
        `${yOut instanceof Float64Array ? `length ${yOut.length}` : typeof yOut}`,
    );
  }
}

/** Index of the first non-finite entry of `v`, or −1. */
export function firstNonFinite(v: Float64Array): number {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return i;
  return -1;
}

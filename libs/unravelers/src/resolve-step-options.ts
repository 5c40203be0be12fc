import type { SmeMethod } from './compile-diffusive-sme';

/** The step options shared by the simulator and the filter, validated, with their defaults. */
export interface StepOptions {
  readonly method: SmeMethod;
  readonly checkEvery: number;
  readonly tol: number;
}

/**
 * Validates `method` (default 'milstein'), `positivityCheckEvery` (default max(10, n): the
 * Cholesky test costs O(n³), a step O(n²), so a test every n steps keeps its share of the time
 * about the same at every size) and `positivityTolerance` (default 1e-6) of an SME run on
 * dimension n; errors name `fn` and the option (internal).
 */
export function resolveStepOptions(
  fn: string,
  config: { readonly method?: SmeMethod; readonly positivityCheckEvery?: number; readonly positivityTolerance?: number },
  n: number,
): StepOptions {
  const method = config.method ?? 'milstein';
  if (method !== 'milstein' && method !== 'euler-maruyama') {
    throw new Error(`${fn}: 'method' must be 'milstein' or 'euler-maruyama', got '${String(method)}'`);
  }
  const checkEvery = config.positivityCheckEvery ?? Math.max(10, n);
  if (!(Number.isInteger(checkEvery) && checkEvery >= 1)) {
    throw new Error(`${fn}: 'positivityCheckEvery' must be an integer ≥ 1, got ${String(checkEvery)}`);
  }
  const tol = config.positivityTolerance ?? 1e-6;
  if (!(typeof tol === 'number' && tol >= 0 && Number.isFinite(tol))) {
    throw new Error(`${fn}: 'positivityTolerance' must be a finite number ≥ 0, got ${String(tol)}`);
  }
  return { method, checkEvery, tol };
}

import type { Progress } from '@qsync/frames';
import type { Lindbladian, Operator } from '@qsync/operators';
import { fourierSpectrumChunks } from './fourier-spectrum';
import { checkRegressionArguments, regressionProblem } from './regression-problem';
import { resolventSpectrumChunks } from './resolvent-spectrum';
import type { SteadyStateSpectrumConfig } from './steady-state-spectrum-config';
import type { Spectrum } from './spectrum';

/**
 * Checks the arguments of the steady-state spectrum and sets up its computation (internal):
 * the result arrays and the generator that fills them, one chunk per frequency (resolvent) or
 * per few hundred τ-steps (fourier). Everything that can be refused is refused here, before
 * any work.
 */
export function spectrumPlan(
  fn: string,
  l: Lindbladian,
  omega: Float64Array | readonly number[],
  a: Operator,
  b: Operator,
  config: SteadyStateSpectrumConfig,
): { spectrum: Spectrum; run: () => Generator<Progress, void> } {
  if (config === null || typeof config !== 'object') {
    throw new Error(`${fn}: argument 'config' must be an object, got ${String(config)}`);
  }
  const w = checkOmega(fn, omega);
  const method = config.method ?? 'resolvent';
  if (method !== 'resolvent' && method !== 'fourier') {
    throw new Error(`${fn}: option 'method' must be 'resolvent' or 'fourier', got '${String(method)}'`);
  }
  const solver = config.solver ?? 'auto';
  if (solver !== 'auto' && solver !== 'band-lu' && solver !== 'gmres') {
    throw new Error(`${fn}: option 'solver' must be 'auto', 'band-lu' or 'gmres', got '${String(solver)}'`);
  }
  const tol = config.tol ?? 1e-13;
  if (typeof tol !== 'number' || !(tol > 0 && tol < 1)) {
    throw new Error(`${fn}: option 'tol' must be a number in (0, 1), got ${String(tol)}`);
  }
  const rtol = config.rtol ?? 1e-10;
  const atol = config.atol ?? 1e-13;
  const decay = config.decay ?? 1e-12;
  const tauMax = config.tauMax ?? 1e5;
  for (const [name, v] of [['rtol', rtol], ['atol', atol], ['tauMax', tauMax]] as const) {
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) {
      throw new Error(`${fn}: option '${name}' must be a finite number > 0, got ${String(v)}`);
    }
  }
  if (typeof decay !== 'number' || !(decay > 0 && decay < 1)) {
    throw new Error(`${fn}: option 'decay' must be a number in (0, 1), got ${String(decay)}`);
  }
  checkRegressionArguments(fn, l, a, b, config);
  const density = new Float64Array(w.length);
  const spectrum: Spectrum = { omega: w, density };
  return {
    spectrum,
    run: function* () {
      const problem = regressionProblem(fn, l, a, b, true, config);
      if (method === 'resolvent') yield* resolventSpectrumChunks(problem, w, density, solver, tol);
      else yield* fourierSpectrumChunks(problem, w, density, { rtol, atol, decay, tauMax }, fn);
    },
  };
}

function checkOmega(fn: string, omega: Float64Array | readonly number[]): Float64Array {
  if (!(omega instanceof Float64Array) && !Array.isArray(omega)) {
    throw new Error(`${fn}: argument 'omega' must be a Float64Array or an array of numbers`);
  }
  if (omega.length === 0) throw new Error(`${fn}: argument 'omega' must hold at least one frequency`);
  const w = Float64Array.from(omega as ArrayLike<number>);
  for (let k = 0; k < w.length; k++) {
    if (!Number.isFinite(w[k])) throw new Error(`${fn}: argument 'omega' has a non-finite entry at ${k}: ${String(omega[k])}`);
    if (k > 0 && !(w[k] > w[k - 1])) {
      throw new Error(`${fn}: argument 'omega' must be strictly ascending, but omega[${k}] = ${w[k]} ≤ omega[${k - 1}] = ${w[k - 1]}`);
    }
  }
  return w;
}

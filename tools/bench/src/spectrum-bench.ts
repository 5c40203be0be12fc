import { coupledVanDerPol } from '@qsync/models';
import { steadyStateSpectrum } from '@qsync/spectral';

/** The problem of the spectrum benchmark: Eq. (4.8) at Fig. 4.4's parameters, ω on [−ωmax, ωmax]. */
export const SPECTRUM_BENCH_PARAMS = { kappa: 1, kappa1: 3, kappa2: 1, delta: 5, V: 2, omegaMax: 10 } as const;

/** What the qsync side measured at one Fock cutoff. */
export interface SpectrumQsyncCase {
  readonly N: number;
  /** frequencies */
  readonly freqs: number;
  /** best of the timed calls of steadyStateSpectrum (s) */
  readonly seconds: number;
  /** S_A(ω_k) */
  readonly density: readonly number[];
  /** the same by the Fourier route (one call; null when not run) */
  readonly fourierSeconds: number | null;
  /** largest |resolvent − Fourier| / max S */
  readonly fourierDefect: number | null;
}

/**
 * Times `steadyStateSpectrum(l, ω, a†, a)` (resolvent route, default solver) of two coupled vdP
 * oscillators at Fock cutoff N on `freqs` frequencies, best of `reps` calls. Building the model
 * is not timed; the call builds everything else (steady state, sparse L, its blocks). With
 * `fourier`, one call of the Fourier route is timed too and compared.
 *
 * @param N - Fock cutoff per oscillator
 * @param config - frequencies (default 121), timed calls (default 3), whether to run the Fourier route
 * @example
 * const c = benchSpectrumQsync(3, { freqs: 5, reps: 1, fourier: true });
 * c.density.length; // 5
 * c.fourierDefect; // < 1e-8
 */
export function benchSpectrumQsync(N: number, config: { freqs?: number; reps?: number; fourier?: boolean } = {}): SpectrumQsyncCase {
  const freqs = config.freqs ?? 121;
  const reps = config.reps ?? 3;
  const p = SPECTRUM_BENCH_PARAMS;
  const pair = coupledVanDerPol({ cutoff: N, kappa: p.kappa, kappa1: p.kappa1, kappa2: p.kappa2, delta: p.delta, V: p.V });
  const omega = Float64Array.from({ length: freqs }, (_, k) => -p.omegaMax + (2 * p.omegaMax * k) / (freqs - 1));
  const { adag, a } = pair.operators;
  let best = Infinity;
  let density: Float64Array = new Float64Array(0);
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    density = steadyStateSpectrum(pair.lindbladian, omega, adag, a).density;
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  let fourierSeconds: number | null = null;
  let fourierDefect: number | null = null;
  if (config.fourier === true) {
    const t0 = performance.now();
    const f = steadyStateSpectrum(pair.lindbladian, omega, adag, a, { method: 'fourier' }).density;
    fourierSeconds = (performance.now() - t0) / 1000;
    let d = 0;
    let m = 0;
    for (let k = 0; k < freqs; k++) {
      d = Math.max(d, Math.abs(f[k] - density[k]));
      m = Math.max(m, Math.abs(density[k]));
    }
    fourierDefect = d / m;
  }
  return { N, freqs, seconds: best, density: Array.from(density), fourierSeconds, fourierDefect };
}

import { tapProgress } from '@qsync/frames';
import type { ModelInstance } from '@qsync/models';
import type { DensityMatrix } from '@qsync/operators';
import { dominantFrequency, steadyStateSpectrumChunked, type Spectrum } from '@qsync/spectral';
import { lastValueFrom } from 'rxjs';
import { NumericalError } from '../common/errors';
import type { SpectrumScenario } from '../scenario/scenario-types';
import { timeGridValues } from '../scenario/time-grid-values';
import type { SpectrumInfo, SpectrumResult } from './results';

/** What {@link computeSpectra} returns. */
export interface SpectraOutcome {
  readonly info: SpectrumInfo;
  readonly spectra: Record<string, SpectrumResult>;
}

/**
 * The scenario's steady-state spectra S(ω) = ∫dτ e^{−iωτ}[⟨A(t+τ)B(t)⟩ − ⟨A⟩⟨B⟩], t → ∞ (thesis
 * Eqs. 4.12, 4.46), by the quantum regression theorem: `steadyStateSpectrumChunked` of
 * @qsync/spectral: route 'resolvent' solves (iω − L)Y = Bρ_ss − ⟨B⟩ρ_ss at each frequency on the
 * symmetry blocks Bρ_ss lives in, by the library's 'auto' solver (a band LU for small blocks or blocks
 * holding the populations; GMRES with an ILU(0) preconditioner, warm-started across frequencies, where
 * the band LU would cost more than 1e6 multiply-adds per frequency, e.g. two vdP oscillators from
 * cutoff 7 on); route 'fourier' Fourier-transforms the τ-evolution. Both follow QuTiP's
 * `spectrum` conventions (two-sided; a component e^{+iω₀τ} of ⟨A(τ)B⟩ appears at
 * +ω₀). Each spectrum reports its peak (largest sample, refined by a parabola) and its power
 * ∫ S dω/2π on the grid (trapezoid rule; for B = A† the whole line is ⟨AB⟩ − |⟨A⟩|² when the grid
 * covers it). A solver error or a non-finite value is a {@link NumericalError}.
 *
 * @param scenario - a validated spectrum scenario
 * @param model - the model built from it
 * @param rho - its steady state (solved once for every spectrum)
 * @param onProgress - called with (name, done, total) of each spectrum (frequencies, or τ progress of the Fourier route)
 * @example
 * // one spin (Eq. 4.26), ω = 2, γ+ = 0.5, γ− = 1: a Lorentzian at ω of half width (γ+ + γ−)/2
 * // and weight ⟨σ+σ−⟩ = γ+/(γ+ + γ−) = 1/3: S(ω) = (1/3)·1.5/((ω − 2)² + 0.5625)
 * const scenario = validateScenario({
 *   model: 'spin', parameters: { omega: 2, gammaPlus: 0.5, gammaMinus: 1 }, method: 'spectrum',
 *   frequencies: { start: 1, stop: 3, count: 3 }, spectra: { S: { A: 'sigmaPlus', B: 'sigmaMinus' } }, observables: {},
 * });
 * const model = modelCatalog.spin.build(scenario.parameters);
 * const { spectra } = await computeSpectra(scenario, model, steadyState(model.lindbladian).rho);
 * spectra.S.S; // ≈ [0.32, 0.888889, 0.32]
 */
export async function computeSpectra(
  scenario: SpectrumScenario,
  model: ModelInstance,
  rho: DensityMatrix,
  onProgress: (name: string, done: number, total: number) => void = () => {},
): Promise<SpectraOutcome> {
  const omega = timeGridValues(scenario.frequencies);
  const spectra: Record<string, SpectrumResult> = {};
  for (const [name, { A, B }] of Object.entries(scenario.spectra)) {
    const what = `spectrum '${name}' (A = ${A}, B = ${B})`;
    let s: Spectrum;
    try {
      const chunked = steadyStateSpectrumChunked(model.lindbladian, omega, model.operators[A], model.operators[B], { rhoSS: rho, method: scenario.route });
      s = await lastValueFrom(chunked.withProgress().pipe(tapProgress<Spectrum>(({ done, total }) => onProgress(name, done, total))));
    } catch (e) {
      throw new NumericalError(what, e);
    }
    const density = s.density;
    for (let k = 0; k < density.length; k++) {
      if (!Number.isFinite(density[k])) throw new NumericalError(what, `S(ω) is not finite (${density[k]}) at ω = ${omega[k]}`);
    }
    const peak = dominantFrequency(s.omega, density);
    spectra[name] = { A, B, omega: Array.from(s.omega), S: Array.from(density), peak: { omega: peak.omega, density: peak.density }, power: power(s.omega, density) };
  }
  return { info: { frequencies: scenario.frequencies, route: scenario.route }, spectra };
}

/** ∫ S dω/2π over the grid by the trapezoid rule (0 for one frequency). */
function power(omega: Float64Array, density: Float64Array): number {
  let sum = 0;
  for (let k = 1; k < omega.length; k++) sum += 0.5 * (density[k] + density[k - 1]) * (omega[k] - omega[k - 1]);
  return sum / (2 * Math.PI);
}

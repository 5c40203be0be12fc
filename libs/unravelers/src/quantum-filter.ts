import type { SampleBlock } from '@qsync/frames';
import type { DiffusiveSmeModel } from './compile-diffusive-sme';
import type { SmeStats } from './create-diffusive-trajectories';
import { createFilterEngine } from './filter-engine';
import type { QuantumFilterConfig } from './filter-engine';

/** What {@link quantumFilter} returns. */
export interface QuantumFilterResult {
  /** conditional ⟨O⟩ per sample (complex interleaved, length 2·record.length), at each sample's time */
  readonly expect: Readonly<Record<string, Float64Array>>;
  /** the conditional state after the last sample, ρ(t0 + length·dt) */
  readonly rho: Float64Array;
  readonly stats: SmeStats;
}

/**
 * Quantum filtering of a recorded current (Eqs. 3.11–3.15, 6.24): integrates the conditional
 * state that the record implies, dρ = Lρ dt + Σ_l H[X_l]ρ (dY_l − Tr[(X_l + X_l†)ρ]dt), where the
 * record's increment dY_l over a sample is I·Δ for a homodyne current (Eq. 6.25) and √2·Re I·Δ,
 * √2·Im I·Δ for the quadratures of a heterodyne current (Eq. 3.15). One filter step per record
 * sample (the step is the record's Δ, so the record should be as fine as the integration needs);
 * the scheme and the positivity checks are those of `compileDiffusiveSme`. The model names the
 * channels: each monitored channel's current is read from the record's column of that name.
 *
 * @param model `{ hamiltonian, dissipators?, monitored }` — the same model that produced the record
 * @param record the current as a sample block (t0, dt, columns); build one from arrays with `sampleBlock`
 * @param config `{ rho0, expect = {}, method = 'milstein', positivityCheckEvery = max(10, n), positivityTolerance = 1e-6 }`
 * @throws Error naming the missing or mistyped current column, or the bad config field
 * @example
 * // σz of a qubit in (|0⟩ + |1⟩)/√2 measured (κ = 1) with a record that reads 2 for 0.5 time
 * // units: the filter's ⟨σz⟩ = tanh(2√κ·Y), Y = ∫I dt = 1 (the closed form of this QND filter)
 * const s = spinHalfSpace();
 * const record = sampleBlock({ t0: 0, dt: 1e-4, columns: { I0: { kind: 'real', data: new Float64Array(5000).fill(2) } } });
 * const rho0 = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
 * const { rho } = quantumFilter(
 *   { hamiltonian: scaled(sigmaZ(s), 0), monitored: [{ rate: 1, jump: sigmaZ(s), unraveling: 'homodyne' }] },
 *   record,
 *   { rho0 },
 * );
 * rho[6] - rho[0]; // ≈ 0.964 (tanh 2, to the scheme's O(dt) error)
 */
export function quantumFilter(model: DiffusiveSmeModel, record: SampleBlock, config: QuantumFilterConfig): QuantumFilterResult {
  const fn = 'quantumFilter';
  const engine = createFilterEngine(fn, model, config);
  if (record === null || typeof record !== 'object' || record.kind !== 'block') {
    throw new Error(`${fn}: argument 'record' must be a sample block (sampleBlock of @qsync/frames) holding the currents`);
  }
  const expect = engine.process(record);
  return { expect, rho: Float64Array.from(engine.rho), stats: engine.stats };
}

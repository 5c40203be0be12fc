import type { DensityMatrix } from '@qsync/operators';
import { maxSpinRelativePhase, pairCorrelationOrder, spinHusimiQ, spinPairCorrelation, spinPhaseDistribution, spinRelativePhaseDistribution } from '@qsync/probes';
import type { ProbeSpec } from '../scenario/scenario-types';
import { phaseGrid } from './phase-grid';
import type { SpinHusimiProbeResult, SpinPhaseProbeResult, SpinRelativePhaseProbeResult } from './results';

/** Below this |⟨σ+⟩| (or |⟨σ+_Aσ−_B⟩|) Q is flat to rounding and its argmax is reported as 0. */
const FLAT = 1e-14;

/** A validated spin probe. */
export type SpinProbeSpec = Extract<ProbeSpec, { type: 'spin-phase' | 'spin-husimi' | 'spin-relative-phase' }>;

/**
 * One spin probe from the reduced states it needs, asked for only when needed: 'spin-phase' →
 * Q(φ) (thesis Eq. 4.33) of the one-spin state with its exact maximum 1/2π + |⟨σ+⟩|/4 at
 * arg⟨σ+⟩ and ⟨σ+⟩; 'spin-husimi' → Q(θ, φ) (Eq. 4.32) on `points` polar angles θ ∈ [0, π] ×
 * 2·points − 1 azimuths φ ∈ [−π, π]; 'spin-relative-phase' → Q(φ_AB) (Eq. 4.45) of the two-spin
 * state with its exact maximum, ⟨σ+_Aσ−_B⟩ and the order parameter √|⟨σ+_Aσ−_B⟩|. Where Q is
 * flat to rounding (|⟨σ+⟩| or |⟨σ+_Aσ−_B⟩| below 1e-14) its argmax is 0. A non-finite value throws.
 *
 * @param probe - the validated probe
 * @param states - the one-spin (dims [2]) and two-spin (dims [2, 2]) reduced states
 * @example
 * // |+⟩ = (|0⟩ + |1⟩)/√2: ⟨σ+⟩ = ½, so max Q(φ) = 1/2π + ⅛ at φ = 0
 * const plus = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
 * const r = spinProbe({ type: 'spin-phase', points: 8 }, { one: () => plus, pair: () => { throw new Error('unused'); } });
 * [r.type, r.type === 'spin-phase' && r.max]; // [ 'spin-phase', 0.2841549430918953 ]
 */
export function spinProbe(
  probe: SpinProbeSpec,
  states: { readonly one: () => DensityMatrix; readonly pair: () => DensityMatrix },
): SpinPhaseProbeResult | SpinHusimiProbeResult | SpinRelativePhaseProbeResult {
  if (probe.type === 'spin-relative-phase') {
    const pair = states.pair();
    const phi = phaseGrid(probe.points);
    const q = spinRelativePhaseDistribution(pair, phi);
    finite(q, 'Q(φ_AB)');
    const peak = maxSpinRelativePhase(pair);
    const c = spinPairCorrelation(pair);
    const argmax = Math.hypot(c.re, c.im) < FLAT ? 0 : peak.argmax;
    return { type: 'spin-relative-phase', phi, Q: Array.from(q), max: peak.max, argmax, correlation: c, order: pairCorrelationOrder(c) };
  }
  const one = states.one();
  const named = probe.spin === undefined ? {} : { spin: probe.spin };
  if (probe.type === 'spin-phase') {
    const phi = phaseGrid(probe.points);
    const q = spinPhaseDistribution(one, phi);
    finite(q, 'Q(φ)');
    // ⟨σ+⟩ = Tr[|1⟩⟨0| ρ] = ρ_01 (Hermitian part); Q(φ) = 1/2π + ¼ Re[⟨σ+⟩e^{−iφ}] (4.33) peaks at its argument
    const d = one.matrix.data;
    const re = 0.5 * (d[2] + d[4]);
    const im = 0.5 * (d[3] - d[5]);
    const trace = d[0] + d[6];
    const modulus = Math.hypot(re, im);
    return {
      type: 'spin-phase',
      ...named,
      phi,
      Q: Array.from(q),
      max: trace / (2 * Math.PI) + modulus / 4,
      argmax: modulus < FLAT ? 0 : Math.atan2(im, re),
      sigmaPlus: { re, im },
    };
  }
  const n = probe.points;
  const theta = Array.from({ length: n }, (_, k) => (Math.PI * k) / (n - 1));
  const phi = Array.from({ length: 2 * n - 1 }, (_, k) => -Math.PI + (Math.PI * k) / (n - 1));
  const q = spinHusimiQ(one, { theta, phi });
  finite(q, 'Q(θ, φ)');
  const rows: number[][] = [];
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const row = Array.from(q.subarray(i * phi.length, (i + 1) * phi.length));
    for (const v of row) max = Math.max(max, v);
    rows.push(row);
  }
  return { type: 'spin-husimi', ...named, theta, phi, Q: rows, max };
}

function finite(values: ArrayLike<number>, what: string): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) throw new Error(`${what} is not finite (${values[k]}) at grid point ${k}`);
  }
}

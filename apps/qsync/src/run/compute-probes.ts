import { modelCatalog, type ModelInstance } from '@qsync/models';
import { partialTrace, type DensityMatrix } from '@qsync/operators';
import { husimiQ, maxRelativePhase, phaseDistribution, relativePhaseDistribution } from '@qsync/probes';
import { NumericalError } from '../common/errors';
import type { ProbeResult } from './results';
import { modelSpins, type ModelSpins } from '../scenario/model-spins';
import { probeId } from '../scenario/probe-id';
import type { ProbeSpec } from '../scenario/scenario-types';
import { phaseGrid } from './phase-grid';
import { spinProbe, type SpinProbeSpec } from './spin-probe';

/**
 * Evaluates the scenario's probes on one state (the steady state or the final state):
 * 'relative-phase' → Q(φ_AB) of the two modes (of a model of more: of the two it names, after
 * tracing out the others) (thesis Eq. 4.11) with its maximum and position
 * (Section 4.1.2); 'phase' → Q(φ) (Eq. 4.5) of one mode after tracing out the others, with its
 * maximum; 'husimi' → Q(α = x + ip) (Eq. 4.4) of one mode on [−extent, extent]². Of a spin-1/2,
 * after tracing out everything else: 'spin-phase' → Q(φ) (Eq. 4.33) with its maximum
 * 1/2π + |⟨σ+⟩|/4 at arg⟨σ+⟩ and ⟨σ+⟩; 'spin-husimi' → Q(θ, φ) (Eq. 4.32) on θ ∈ [0, π] (`points`
 * values) × φ ∈ [−π, π] (2·points − 1); 'spin-relative-phase' → Q(φ_AB) (Eq. 4.45) of the two
 * spins (of an ensemble: its first two, alike to any pair by symmetry) with its exact maximum,
 * ⟨σ+_Aσ−_B⟩ and the order parameter √|⟨σ+_Aσ−_B⟩|. Angles of the phase probes are `points`
 * values uniform on [−π, π). A non-finite result is a {@link NumericalError}.
 *
 * @param rho - the state, dims as the model's space
 * @param model - the model (its `modes` give the tensor position of each mode)
 * @param probes - validated probe specs
 * @param name - the model's name in `modelCatalog` (where its spins sit)
 * @returns the results by probe id (`relative-phase`, `phase-a`, `husimi-a`, `spin-phase`, …)
 * @example
 * const model = modelCatalog['coupled-quantum-vdp'].build({ cutoff: 8, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 });
 * const { rho } = steadyState(model.lindbladian);
 * computeProbes(rho, model, [{ type: 'relative-phase', points: 256 }], 'coupled-quantum-vdp')['relative-phase'].argmax; // ≈ 0.196 — the locked phase difference, near arg⟨a†b⟩
 */
export function computeProbes(
  rho: DensityMatrix,
  model: ModelInstance,
  probes: readonly ProbeSpec[],
  name: string,
): Record<string, ProbeResult> {
  const entry = modelCatalog[name];
  if (entry?.kind !== 'quantum') throw new Error(`computeProbes: '${name}' is not a quantum model of the catalog`);
  const spins = modelSpins(entry, model);
  const out: Record<string, ProbeResult> = {};
  for (const probe of probes) {
    const id = probeId(probe);
    let result: ProbeResult;
    try {
      result = evaluate(rho, model, spins, probe);
    } catch (e) {
      throw new NumericalError(`probe '${id}'`, e);
    }
    out[id] = result;
  }
  return out;
}

function evaluate(rho: DensityMatrix, model: ModelInstance, spins: ModelSpins, probe: ProbeSpec): ProbeResult {
  if (probe.type === 'spin-phase' || probe.type === 'spin-husimi' || probe.type === 'spin-relative-phase') return evaluateSpin(rho, spins, probe);
  if (probe.type === 'relative-phase') {
    const phi = phaseGrid(probe.points);
    let q: Float64Array;
    if (probe.modes === undefined) {
      q = relativePhaseDistribution(rho, phi);
    } else {
      // the reduced state keeps the tensor order: modes named in reverse see φ_AB → −φ_AB
      const names = Object.keys(model.modes);
      const [i, j] = probe.modes.map((m) => names.indexOf(m));
      const pair = partialTrace(rho, [i, j]);
      q = relativePhaseDistribution(pair, i < j ? phi : phi.map((p) => -p));
    }
    finite(q, 'Q(φ_AB)');
    const peak = maxRelativePhase(q, phi);
    return { type: 'relative-phase', ...(probe.modes === undefined ? {} : { modes: probe.modes }), phi, Q: Array.from(q), max: peak.max, argmax: peak.argmax };
  }
  const reduced = reduce(rho, model, probe.mode);
  if (probe.type === 'phase') {
    const phi = phaseGrid(probe.points);
    const q = phaseDistribution(reduced, phi);
    finite(q, 'Q(φ)');
    const peak = maxRelativePhase(q, phi);
    return { type: 'phase', mode: probe.mode, phi, Q: Array.from(q), max: peak.max, argmax: peak.argmax };
  }
  const n = probe.points;
  const axis = Array.from({ length: n }, (_, k) => -probe.extent + (2 * probe.extent * k) / (n - 1));
  const q = husimiQ(reduced, { re: axis, im: axis });
  finite(q, 'Q(α)');
  const rows: number[][] = [];
  let max = -Infinity;
  for (let ip = 0; ip < n; ip++) {
    const row = Array.from(q.subarray(ip * n, (ip + 1) * n));
    for (const v of row) max = Math.max(max, v);
    rows.push(row);
  }
  return { type: 'husimi', mode: probe.mode, x: axis, p: axis, Q: rows, max };
}

function evaluateSpin(rho: DensityMatrix, spins: ModelSpins, probe: SpinProbeSpec): ProbeResult {
  const factors = rho.dims.length;
  const index = spins.first + (probe.type === 'spin-relative-phase' || probe.spin === undefined || spins.names === null ? 0 : spins.names.indexOf(probe.spin));
  return spinProbe(probe, {
    one: () => (factors === 1 ? rho : partialTrace(rho, [index])),
    pair: () => (factors === 2 ? rho : partialTrace(rho, [spins.first, spins.first + 1])),
  });
}

/** The reduced state of one mode (the state itself for a model of one mode alone). */
function reduce(rho: DensityMatrix, model: ModelInstance, mode: string): DensityMatrix {
  const names = Object.keys(model.modes);
  if (rho.dims.length === 1) return rho;
  return partialTrace(rho, [names.indexOf(mode)]);
}

function finite(values: ArrayLike<number>, what: string): void {
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) throw new Error(`${what} is not finite (${values[k]}) at grid point ${k}`);
  }
}

import type { PermutationInvariantInstance } from '@qsync/models';
import { dickeExpect, type DensityMatrix, type DickeState } from '@qsync/operators';
import { NumericalError } from '../common/errors';
import { probeId } from '../scenario/probe-id';
import type { ProbeSpec } from '../scenario/scenario-types';
import type { ProbeResult } from './results';
import { spinProbe, type SpinProbeSpec } from './spin-probe';

/**
 * The spin probes of a permutation-invariant state, from the reduced states of one spin and of a
 * pair, which permutation invariance makes the same for every spin and every pair and which its
 * moments fix: one spin ρ₁ = ½(1 + s_z σz) + ⟨σ+⟩σ− + ⟨σ−⟩σ+ (s_z = ⟨Σσz⟩/N, ⟨σ+⟩ = ⟨S+⟩/N);
 * a pair, in a U(1)-symmetric state (the generator commutes with Sz, so ⟨σ+⟩, ⟨σ+σ+⟩, ⟨σ+σz⟩
 * vanish), populations (1 ± 2s_z + ⟨σzσz⟩)/4, (1 − ⟨σzσz⟩)/4 and the coherence
 * ⟨0,1|ρ|1,0⟩ = ⟨σ+_iσ−_j⟩, from the pair averages of the model's operators `sigmaZ`, `sigmaPlus`,
 * `sigmaZSigmaZ`, `sigmaPlusSigmaMinus`. Then as `spinProbe` (Eqs. 4.32, 4.33, 4.45).
 *
 * @param state - the steady state (blocks ρ_j), normalised
 * @param model - the model (its collective operators)
 * @param probes - validated spin probes
 * @returns the results by probe id
 * @example
 * // N = 2, V = 0: independent spins, no correlation: Q(φ_AB) is flat
 * const model = modelCatalog['spin-ensemble-permutation-invariant'].build({ N: 2, V: 0, gammaPlus: 2, gammaMinus: 1 });
 * const { rho } = steadyState(model.lindbladian);
 * computeDickeProbes(rho, model, [{ type: 'spin-relative-phase', points: 8 }])['spin-relative-phase'].max; // ≈ 0.159155 — 1/2π
 */
export function computeDickeProbes(state: DickeState, model: PermutationInvariantInstance, probes: readonly ProbeSpec[]): Record<string, ProbeResult> {
  const moment = (name: string) => {
    const op = model.operators[name];
    if (op === undefined) throw new Error(`the model has no operator '${name}', which the spin probes need`);
    return dickeExpect(op, state);
  };
  const one = (): DensityMatrix => {
    const sz = moment('sigmaZ').re;
    const sp = moment('sigmaPlus');
    // ρ_01 = ⟨σ+⟩ (σ+ = |1⟩⟨0|), populations (1 ∓ s_z)/2
    return { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of((1 - sz) / 2, 0, sp.re, sp.im, sp.re, -sp.im, (1 + sz) / 2, 0) } };
  };
  const pair = (): DensityMatrix => {
    if (!model.lindbladian.u1Symmetric) throw new Error('the pair state of a permutation-invariant model is built here for U(1)-symmetric generators only');
    const sz = moment('sigmaZ').re;
    const zz = moment('sigmaZSigmaZ').re;
    const c = moment('sigmaPlusSigmaMinus');
    const data = new Float64Array(32);
    // |a, b⟩ at 2a + b: |0,0⟩, |0,1⟩, |1,0⟩, |1,1⟩
    data[0] = (1 - 2 * sz + zz) / 4;
    data[2 * 5] = (1 - zz) / 4;
    data[2 * 10] = (1 - zz) / 4;
    data[2 * 15] = (1 + 2 * sz + zz) / 4;
    // ⟨0,1|ρ|1,0⟩ = ⟨σ+_iσ−_j⟩ and its conjugate
    data[2 * 6] = c.re;
    data[2 * 6 + 1] = c.im;
    data[2 * 9] = c.re;
    data[2 * 9 + 1] = -c.im;
    return { dims: [2, 2], matrix: { rows: 4, cols: 4, data } };
  };
  const out: Record<string, ProbeResult> = {};
  for (const probe of probes) {
    const id = probeId(probe);
    if (probe.type !== 'spin-phase' && probe.type !== 'spin-husimi' && probe.type !== 'spin-relative-phase') {
      throw new NumericalError(`probe '${id}'`, 'a permutation-invariant model has spin probes only');
    }
    try {
      out[id] = spinProbe(probe as SpinProbeSpec, { one, pair });
    } catch (e) {
      throw new NumericalError(`probe '${id}'`, e);
    }
  }
  return out;
}

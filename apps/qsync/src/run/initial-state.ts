import { modelCatalog, type ModelInstance } from '@qsync/models';
import { coherentKet, fockKet, pureState, spinCoherentKet, tensorKet, type DensityMatrix, type Ket, type Space } from '@qsync/operators';
import { modelSpins } from '../scenario/model-spins';
import type { InitialStateSpec, SpinStateSpec } from '../scenario/scenario-types';

/**
 * The initial density matrix of a time evolution: the product of one coherent state |α⟩ or
 * Fock state |n⟩ per mode, in the order of `model.modes`, then one state per spin-1/2 (a basis
 * state, `up` = |1⟩, `down` = |0⟩, or the spin-coherent state |θ, φ⟩ of thesis Eq. 4.31), in the
 * tensor order of the model, as ρ0 = |ψ⟩⟨ψ|. The truncated coherent state is renormalised to
 * unit norm (the validator has already refused amplitudes that lose more than 1e−4 of the norm
 * to the cutoff).
 *
 * @param spec - a validated initial-state spec
 * @param model - the model built from the scenario
 * @param name - the model's name in the catalog (default `modelCatalog`), for where its spins sit
 * @example
 * initialDensity({ type: 'fock', n: { a: 1 } }, modelCatalog['quantum-vdp'].build({ cutoff: 3, kappa1: 1, kappa2: 1 }), 'quantum-vdp')
 *   .matrix.data[2 * 4]; // 1 — ρ0 = |1⟩⟨1|
 * const pair = modelCatalog['coupled-spins'].build({ V: 1, gammaPlus: 1, gammaMinus: 1 });
 * initialDensity({ type: 'spin', spins: { A: { basis: 'up' }, B: { basis: 'down' } } }, pair, 'coupled-spins')
 *   .matrix.data[2 * (2 * 4 + 2)]; // 1 — ρ0 = |1, 0⟩⟨1, 0|, index 2a + b = 2
 */
export function initialDensity(spec: InitialStateSpec, model: ModelInstance, name: string): DensityMatrix {
  const entry = modelCatalog[name];
  if (entry?.kind !== 'quantum') throw new Error(`initialDensity: '${name}' is not a quantum model of the catalog`);
  const kets: Ket[] = [];
  if (spec.type !== 'spin') {
    for (const [mode, space] of Object.entries(model.modes)) {
      if (spec.type === 'fock') {
        kets.push(fockKet(space, spec.n[mode]));
      } else {
        const [re, im] = spec.alpha[mode];
        kets.push(coherentKet(space, { re, im }));
      }
    }
  }
  const layout = modelSpins(entry, model);
  if (layout.count > 0) {
    const spins = spec.spins;
    if (spins === undefined) throw new Error(`initialDensity: model '${name}' has spins; the initial state names none`);
    const factors = model.space.factors.length > 0 ? model.space.factors : [model.space];
    for (let k = 0; k < layout.count; k++) {
      const state = 'all' in spins ? (spins.all as SpinStateSpec) : (spins as Readonly<Record<string, SpinStateSpec>>)[layout.names?.[k] ?? ''];
      kets.push(spinKet(factors[layout.first + k], state));
    }
  }
  const psi = kets.length === 1 ? kets[0] : tensorKet(...kets);
  let norm2 = 0;
  for (let k = 0; k < psi.data.length; k++) norm2 += psi.data[k] * psi.data[k];
  const scale = 1 / Math.sqrt(norm2);
  const data = Float64Array.from(psi.data, (v) => v * scale);
  return pureState({ dims: psi.dims, data });
}

/** A basis ket (exact: |0⟩ = down, |1⟩ = up) or the spin-coherent ket |θ, φ⟩ (Eq. 4.31). */
function spinKet(space: Space, state: SpinStateSpec): Ket {
  if ('basis' in state) return { dims: space.dims, data: state.basis === 'up' ? Float64Array.of(0, 0, 1, 0) : Float64Array.of(1, 0, 0, 0) };
  return spinCoherentKet(space, state.theta, state.phi);
}

import type { ModelInstance } from '@qsync/models';
import { coherentKet, fockKet, pureState, tensorKet, type DensityMatrix, type Ket } from '@qsync/operators';
import type { InitialStateSpec } from '../scenario/scenario-types';

/**
 * The initial density matrix of a time evolution: the product of one coherent state |α⟩ or
 * Fock state |n⟩ per mode, in the order of `model.modes` (the tensor order of the model),
 * as ρ0 = |ψ⟩⟨ψ|. The truncated coherent state is renormalised to unit norm (the validator
 * has already refused amplitudes that lose more than 1e−4 of the norm to the cutoff).
 *
 * @param spec - a validated initial-state spec
 * @param model - the model built from the scenario
 * @example
 * initialDensity({ type: 'fock', n: { a: 1 } }, modelCatalog['quantum-vdp'].build({ cutoff: 3, kappa1: 1, kappa2: 1 }))
 *   .matrix.data[2 * 4]; // 1 — ρ0 = |1⟩⟨1|
 */
export function initialDensity(spec: InitialStateSpec, model: ModelInstance): DensityMatrix {
  const kets: Ket[] = Object.entries(model.modes).map(([mode, space]) => {
    if (spec.type === 'fock') return fockKet(space, spec.n[mode]);
    const [re, im] = spec.alpha[mode];
    return coherentKet(space, { re, im });
  });
  const psi = kets.length === 1 ? kets[0] : tensorKet(...kets);
  let norm2 = 0;
  for (let k = 0; k < psi.data.length; k++) norm2 += psi.data[k] * psi.data[k];
  const scale = 1 / Math.sqrt(norm2);
  const data = Float64Array.from(psi.data, (v) => v * scale);
  return pureState({ dims: psi.dims, data });
}

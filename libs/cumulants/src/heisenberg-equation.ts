import { adjointGenerator, prepareModel, type CumulantModel } from './cumulant-model';
import { OperatorExpression } from './operator-expression';

/**
 * The Heisenberg–Langevin equation of an operator, untruncated: d⟨O⟩/dt = ⟨L†O⟩ with
 * L†O = i[H, O] + Σ_k rate_k (o2_k† O o1_k − ½{o2_k†o1_k, O}), thesis Eq. (3.9) with the cross
 * dissipators of Eq. (6.3); the result is normal ordered per site. Taking ⟨·⟩ of each monomial
 * gives the exact equation of motion of ⟨O⟩.
 *
 * @param model - `{ hamiltonian, dissipators: [{ rate, jump, jump2? }] }` in one operatorAlgebra
 * @param o - the operator O (an expression of the same algebra)
 * @example
 * // a decaying, driven spin: H = (Δ/2)σz, loss γ: d⟨σ−⟩/dt = −(iΔ + γ/2)⟨σ−⟩
 * const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }], parameters: ['Delta', 'gamma'] });
 * const model = { hamiltonian: alg.parameter('Delta').times(alg.sigmaZ(0)).times(0.5), dissipators: [{ rate: 'gamma', jump: alg.sigmaMinus(0) }] };
 * heisenbergEquation(model, alg.sigmaMinus(0)).toString(); // '(-i·Delta - 0.5·gamma)·σ−_1'
 */
export function heisenbergEquation(model: CumulantModel, o: OperatorExpression): OperatorExpression {
  const prepared = prepareModel('heisenbergEquation', model);
  if (!(o instanceof OperatorExpression) || o.context !== prepared.context) {
    throw new Error("heisenbergEquation: argument 'o' must be an expression of the model's operatorAlgebra");
  }
  return adjointGenerator(prepared, o);
}

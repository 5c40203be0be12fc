import type { Poly } from './coefficient';
import { expandMoment, type MomentExpansion } from './cumulant-expansion';
import type { CumulantModel } from './cumulant-model';
import { groupCumulantEquations, type GroupCumulantEquationsConfig, type GroupSystem } from './group-cumulant-equations';
import { linearPart, noiseForm, noiseTextOf, prepareNoises, u1Refusal } from './measurement-terms';
import { OperatorExpression } from './operator-expression';
import type { CumulantMeasurement, StochasticCumulantEquations } from './stochastic-cumulant-equations';

/**
 * `stochasticCumulantEquations` for groups of identical sites of symbolic size (thesis 6.34 as
 * App. 6.E uses it: the cavity of (6.23) monitored, the spins of each species equal): the drift
 * from `groupCumulantEquations`, and the measurement terms √(s·κξ)(⟨L†O + OL⟩ − ⟨L + L†⟩⟨O⟩)
 * of each class of moments. The monitored channels must act on sites outside the groups (e.g.
 * a cavity), so that the terms carry no size factors; a monitored collective jump is refused.
 * The drift must close the measurement terms too (every moment they use must be a class of the
 * system, as for (6.23)); otherwise the missing moment is named — add it to `moments` in build.
 *
 * @param build - as for `groupCumulantEquations`
 * @param config - `{ order, sizes, measurements }` (no U(1) filter: the noise breaks it)
 * @example
 * // a cavity and N spins with gain, H = Ω(a†S− + aS+), cavity decay κ monitored by homodyne
 * const build = ([n]: readonly number[]) => {
 *   const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, ...Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) }))], parameters: ['Omega', 'kappa', 'gp', 'N'] });
 *   const sMinus = alg.sum(Array.from({ length: n }, (_, i) => alg.sigmaMinus(1 + i)));
 *   const coupling = alg.create(0).times(sMinus);
 *   return {
 *     model: { hamiltonian: alg.parameter('Omega').times(coupling.plus(coupling.dagger())), dissipators: [{ rate: 'kappa', jump: alg.destroy(0) }, ...Array.from({ length: n }, (_, i) => ({ rate: 'gp', jump: alg.sigmaPlus(1 + i) }))] },
 *     moments: [alg.destroy(0)],
 *     groups: [Array.from({ length: n }, (_, i) => 1 + i)],
 *   };
 * };
 * const eqs = stochasticGroupCumulantEquations(build, { order: 2, sizes: ['N'], measurements: [{ dissipator: 0 }] });
 * eqs.moments.length; // 12
 * eqs.toText().split('\n')[0]; // 'd⟨a⟩/dt = -0.5·kappa·⟨a⟩ - i·Omega·N·⟨σ−_1⟩'
 */
export function stochasticGroupCumulantEquations(
  build: (sizes: readonly number[]) => GroupSystem,
  config: Omit<GroupCumulantEquationsConfig, 'u1'> & { readonly measurements: readonly CumulantMeasurement[] },
): StochasticCumulantEquations {
  const fn = 'stochasticGroupCumulantEquations';
  if (config === null || typeof config !== 'object' || !Array.isArray(config.measurements) || config.measurements.length === 0) {
    throw new Error(`${fn}: config.measurements must be a non-empty array of { dissipator, efficiency?, kind?, phase? }`);
  }
  if ((config as { u1?: unknown }).u1 === true) {
    // the monitored sites lie outside the groups: a sample of the system with two members per group names them
    let model: CumulantModel | undefined;
    try {
      model = build(Array.from(config.sizes ?? [], () => 2)).model;
    } catch {
      model = undefined;
    }
    throw new Error(model === undefined ? `${fn}: config.u1 must not be set: the measurement noise breaks the U(1) symmetry` : u1Refusal(fn, model, config.measurements));
  }
  if (config.charges !== undefined) throw new Error(`${fn}: config.charges requires config.u1, which must not be set here (the measurement noise breaks the U(1) symmetry)`);
  const eqs = groupCumulantEquations(build, { order: config.order, sizes: config.sizes });
  const context = eqs.moments[0].operator.context;
  const table = context.table;
  // the model at the sizes of the equations' algebra: the same sites, so monomials carry over by (site, code)
  const system = build(eqs.checkSizes);
  const source = system.model.hamiltonian.context.table;
  const grouped = new Set(system.groups.flat());
  const transfer = (e: OperatorExpression): OperatorExpression => {
    const terms = new Map<number, Poly>();
    for (const [id, c] of e.terms) {
      const atoms = source.atoms(id);
      terms.set(table.fromAtoms(atoms, Array.from({ length: atoms.length / 2 }, (_, j) => j)), c);
    }
    return new OperatorExpression(context, terms);
  };
  const noises = prepareNoises(fn, system.model, context.parameters, config.measurements).map((n) => {
    for (const id of n.operator.terms.keys()) {
      const atoms = source.atoms(id);
      for (let a = 0; a < atoms.length; a += 2) {
        if (grouped.has(atoms[a])) {
          throw new Error(`${fn}: config.measurements[${n.measurement}] monitors a jump on a group member (site ${source.sites[atoms[a]].name}); only sites outside the groups can be monitored`);
        }
      }
    }
    return { ...n, operator: transfer(n.operator) };
  });
  const k = eqs.order;
  const cache = new Map<number, MomentExpansion>();
  const variable = (id: number) => {
    const c = eqs.classOf(id);
    if (c === undefined) {
      throw new Error(`${fn}: the measurement terms use ⟨${table.name(id)}⟩, which is not a moment of the system; add it to the moments of build`);
    }
    return c;
  };
  // every moment the terms use must be a class of the system (checked before building the forms)
  for (const n of noises) {
    const ids = [...n.operator.plus(n.operator.dagger()).terms.keys(), ...eqs.moments.flatMap((m) => [...linearPart(n.operator, m.operator).terms.keys()])];
    for (const id of ids) for (const f of expandMoment(table, id, k, cache).products.flat()) variable(f);
  }
  const noiseForms = noises.map((n) => noiseForm(table, k, eqs.moments, variable, n.operator, cache));
  return { ...eqs, noises, noiseForms, noiseText: () => noiseTextOf(eqs.moments, eqs.parameters, noises, noiseForms) };
}

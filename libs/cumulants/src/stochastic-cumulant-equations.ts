import { expandMoment, type MomentExpansion } from './cumulant-expansion';
import { cumulantEquations, type CumulantClosureForm, type CumulantEquations, type CumulantEquationsConfig } from './cumulant-equations';
import type { CumulantModel } from './cumulant-model';
import { linearPart, noiseForm, noiseTextOf, prepareNoises, u1Refusal } from './measurement-terms';
import { OperatorExpression } from './operator-expression';

/** A monitored channel of the model: homodyne or heterodyne detection of the output of rate·D[J] (thesis 3.11–3.13, 6.24, 6.34). */
export interface CumulantMeasurement {
  /** Index into `model.dissipators` of the monitored channel rate·D[J] (a plain D[J], rate a number or a parameter name). */
  readonly dissipator: number;
  /** Detection efficiency ξ ∈ [0, 1], a number or a parameter name; default 1. */
  readonly efficiency?: number | string;
  /** 'homodyne' (one noise, quadrature e^{iφ}J + h.c.) or 'heterodyne' (two noises, J and −iJ at half efficiency, 3.13); default 'homodyne'. */
  readonly kind?: 'homodyne' | 'heterodyne';
  /** Local-oscillator phase φ (radians, constant): the noise operator is e^{iφ}J; default 0. */
  readonly phase?: number;
}

/** One real Wiener process dW_n of a {@link StochasticCumulantEquations}. */
export interface CumulantNoise {
  /** e.g. 'dW_0' (homodyne) or 'dW_0x', 'dW_0y' (heterodyne). */
  readonly name: string;
  /** Index into the measurements. */
  readonly measurement: number;
  /** The noise operator L of the term √(s·rate·ξ) H[L]: e^{iφ}J, or −ie^{iφ}J for heterodyne's y quadrature. */
  readonly operator: OperatorExpression;
  /** s: 1 for homodyne, 1/2 for each heterodyne quadrature. */
  readonly share: number;
  /** @internal the rate and efficiency as a number or a parameter index. */
  readonly rate: { readonly value: number; readonly parameter: number };
  /** @internal */
  readonly efficiency: { readonly value: number; readonly parameter: number };
}

/** Cumulant equations with the measurement terms of each noise; see {@link stochasticCumulantEquations}. */
export interface StochasticCumulantEquations extends CumulantEquations {
  readonly noises: readonly CumulantNoise[];
  /** @internal per noise, the truncated Tr[O·H[L]ρ] of each moment, linear in moments and closures */
  readonly noiseForms: readonly CumulantClosureForm[];
  /** The truncated measurement terms as text, one line per moment and noise: `dW_0: d⟨a⟩ ∋ √(kappa·xi)·(…)`. */
  noiseText(): string;
}

/**
 * The cumulant equations of a continuously monitored system, d⟨O⟩ = ⟨L†O⟩dt + Σ_n √(s_n·κ·ξ)·
 * (⟨L_n†O + OL_n⟩ − ⟨L_n + L_n†⟩⟨O⟩) dW_n — the moments of the stochastic master equation
 * dρ = Lρ dt + √(s·κξ) H[L]ρ dW with H[L]ρ = Lρ + ρL† − ⟨L + L†⟩ρ (thesis 3.11–3.13, 6.24, 6.34):
 * homodyne detection of rate·D[J] has one noise with L = e^{iφ}J and s = 1; heterodyne two,
 * L = e^{iφ}J and −ie^{iφ}J with s = 1/2 each (3.13). The drift is truncated as by
 * `cumulantEquations` (no U(1) filter: the noise breaks the symmetry), the measurement terms in
 * the same way (moments of more than k operators through 4.57/6.33), and the system is completed
 * until the moments in both close. `compileCumulantDiffusion` compiles the noise terms.
 *
 * @param model - `{ hamiltonian, dissipators }`; the monitored channels must be among the dissipators
 * @param config - `{ moments, order, measurements: [{ dissipator, efficiency = 1, kind = 'homodyne', phase = 0 }] }`
 * @example
 * // a decaying mode under homodyne detection: d⟨a⟩ = −κ/2⟨a⟩dt + √(κξ)(⟨aa⟩ − ⟨a⟩² + ⟨a†a⟩ − |⟨a⟩|²)dW
 * const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }], parameters: ['kappa', 'xi'] });
 * const eqs = stochasticCumulantEquations(
 *   { hamiltonian: alg.scalar(0), dissipators: [{ rate: 'kappa', jump: alg.destroy(0) }] },
 *   { moments: [alg.destroy(0)], order: 2, measurements: [{ dissipator: 0, efficiency: 'xi' }] },
 * );
 * eqs.moments.map((m) => m.name); // ['a', 'a^2', 'a†a']
 * eqs.noiseText().split('\n')[0]; // 'dW_0: d⟨a⟩ ∋ √(kappa·xi)·(⟨a†a⟩ + ⟨a^2⟩ - ⟨a⟩⟨a⟩ - ⟨a†⟩⟨a⟩)'
 */
export function stochasticCumulantEquations(
  model: CumulantModel,
  config: Omit<CumulantEquationsConfig, 'u1'> & { readonly measurements: readonly CumulantMeasurement[] },
): StochasticCumulantEquations {
  const fn = 'stochasticCumulantEquations';
  if (config === null || typeof config !== 'object' || !Array.isArray(config.measurements) || config.measurements.length === 0) {
    throw new Error(`${fn}: config.measurements must be a non-empty array of { dissipator, efficiency?, kind?, phase? }`);
  }
  if ((config as { u1?: unknown }).u1 === true) throw new Error(u1Refusal(fn, model, config.measurements));
  if (config.charges !== undefined) throw new Error(`${fn}: config.charges requires config.u1, which must not be set here (the measurement noise breaks the U(1) symmetry)`);
  // a first derivation checks the model and the moments and gives the algebra
  let eqs = cumulantEquations(model, { moments: config.moments, order: config.order });
  const context = eqs.moments[0].operator.context;
  const table = context.table;
  const parameters = context.parameters;
  const noises = prepareNoises(fn, model, parameters, config.measurements);

  const k = eqs.order;
  const cache = new Map<number, MomentExpansion>();
  const repOf = (id: number): number => {
    const adj = table.adjoint(id);
    return table.keys[adj] < table.keys[id] ? adj : id;
  };
  const idOf = (o: OperatorExpression): number => o.terms.keys().next().value as number;
  // Complete: every moment that a truncated measurement term uses gets its own equation.
  for (;;) {
    const known = new Set(eqs.moments.map((m) => idOf(m.operator)));
    const missing = new Map<number, OperatorExpression>();
    const need = (id: number) => {
      for (const f of expandMoment(table, id, k, cache).products.flat()) {
        const r = repOf(f);
        if (!known.has(r) && !missing.has(r)) missing.set(r, new OperatorExpression(context, new Map([[r, new Map([['', { re: 1, im: 0 }]])]])));
      }
    };
    for (const n of noises) {
      for (const id of n.operator.plus(n.operator.dagger()).terms.keys()) need(id);
      for (const m of eqs.moments) for (const id of linearPart(n.operator, m.operator).terms.keys()) need(id);
    }
    if (missing.size === 0) break;
    eqs = cumulantEquations(model, { moments: [...eqs.moments.map((m) => m.operator), ...missing.values()], order: k });
  }

  const varOf = new Map<number, number>(eqs.moments.map((m, i) => [idOf(m.operator), i]));
  const variableOf = (id: number) => {
    const r = repOf(id);
    return { index: varOf.get(r) as number, conj: r !== id };
  };
  const noiseForms = noises.map((n) => noiseForm(table, k, eqs.moments, variableOf, n.operator, cache));
  const noiseText = () => noiseTextOf(eqs.moments, parameters, noises, noiseForms);
  return { ...eqs, noises, noiseForms, noiseText };
}

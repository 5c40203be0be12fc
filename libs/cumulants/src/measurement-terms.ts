import { polyAddScaledInto, type Poly } from './coefficient';
import { expandMoment, type MomentExpansion } from './cumulant-expansion';
import type { CumulantClosureForm, MomentVariable } from './cumulant-equations';
import type { CumulantModel } from './cumulant-model';
import { formatEquations } from './format-equations';
import type { MonomialTable } from './monomial-table';
import type { OperatorExpression } from './operator-expression';
import type { CumulantMeasurement, CumulantNoise } from './stochastic-cumulant-equations';

// @internal Shared by stochasticCumulantEquations and stochasticGroupCumulantEquations.

/**
 * @internal The refusal of `u1` by the stochastic derivations, naming each monitored jump J and its
 * phase charge q (σ+, a† +1; σ−, a −1): the record's noise term H[e^{iφ}J] carries charges ±q, so
 * for q ≠ 0 it couples moments of charges differing by q, which the U(1) filter would drop (6.34).
 */
export function u1Refusal(fn: string, model: CumulantModel, measurements: readonly CumulantMeasurement[]): string {
  const dissipators = model.dissipators ?? [];
  const charged: string[] = [];
  const neutral: string[] = [];
  measurements.forEach((m, j) => {
    const d = dissipators[m?.dissipator];
    if (d === undefined) return;
    const table = d.jump.context.table;
    const ids = [...d.jump.terms.keys()];
    const charges = [...new Set(ids.map((id) => table.charges[id]))];
    const text = `config.measurements[${j}] monitors ${ids.map((id) => table.name(id)).join(' + ')} (model.dissipators[${m.dissipator}]) of phase charge ${charges.join(' and ')}`;
    (charges.every((q) => q === 0) ? neutral : charged).push(text);
  });
  if (charged.length > 0) return `${fn}: config.u1 must not be set: ${charged.join('; ')} — its record's noise term H[e^{iφ}J] carries charge ±q ≠ 0 and couples moments that the U(1) filter drops (the measurement breaks the symmetry)`;
  return `${fn}: config.u1 must not be set: ${neutral.join('; ') || 'the measurements'} — a neutral record would keep the symmetry, but the stochastic derivation does not filter moments by charge`;
}

/** @internal The operator of Tr[O·H[L]ρ] that is linear in ρ: L†O + OL. */
export const linearPart = (l: OperatorExpression, o: OperatorExpression): OperatorExpression => l.dagger().times(o).plus(o.times(l));

/** @internal The noises of the measurements (3.11–3.13): homodyne one, heterodyne two (J and −iJ at s = 1/2). */
export function prepareNoises(fn: string, model: CumulantModel, parameters: readonly string[], measurements: readonly CumulantMeasurement[]): CumulantNoise[] {
  const dissipators = model.dissipators ?? [];
  const quantity = (v: unknown, what: string): { value: number; parameter: number } => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || v < 0) throw new Error(`${fn}: ${what} must be a finite number ≥ 0 or a parameter name, got ${v}`);
      return { value: v, parameter: -1 };
    }
    const i = typeof v === 'string' ? parameters.indexOf(v) : -1;
    if (i < 0) throw new Error(`${fn}: ${what} must be a number or one of the parameters [${parameters.join(', ')}], got ${String(v)}`);
    return { value: NaN, parameter: i };
  };
  const noises: CumulantNoise[] = [];
  measurements.forEach((m, j) => {
    const where = `config.measurements[${j}]`;
    if (m === null || typeof m !== 'object' || !Number.isInteger(m.dissipator) || m.dissipator < 0 || m.dissipator >= dissipators.length) {
      throw new Error(`${fn}: ${where}.dissipator must be an index into model.dissipators (0…${dissipators.length - 1}), got ${String(m?.dissipator)}`);
    }
    const d = dissipators[m.dissipator];
    if (d.jump2 !== undefined) throw new Error(`${fn}: ${where}.dissipator must be a plain D[J]; model.dissipators[${m.dissipator}] is a cross dissipator`);
    const rate = quantity(d.rate, `model.dissipators[${m.dissipator}].rate of a monitored channel`);
    const efficiency = quantity(m.efficiency ?? 1, `${where}.efficiency`);
    if (efficiency.parameter < 0 && efficiency.value > 1) throw new Error(`${fn}: ${where}.efficiency must lie in [0, 1], got ${efficiency.value}`);
    const kind = m.kind ?? 'homodyne';
    if (kind !== 'homodyne' && kind !== 'heterodyne') throw new Error(`${fn}: ${where}.kind must be 'homodyne' or 'heterodyne', got ${String(kind)}`);
    const phase = m.phase ?? 0;
    if (!Number.isFinite(phase)) throw new Error(`${fn}: ${where}.phase must be a finite number, got ${phase}`);
    const l = d.jump.times({ re: Math.cos(phase), im: Math.sin(phase) });
    if (kind === 'homodyne') noises.push({ name: `dW_${j}`, measurement: j, operator: l, share: 1, rate, efficiency });
    else {
      noises.push({ name: `dW_${j}x`, measurement: j, operator: l, share: 0.5, rate, efficiency });
      noises.push({ name: `dW_${j}y`, measurement: j, operator: l.times({ re: 0, im: -1 }), share: 0.5, rate, efficiency });
    }
  });

  return noises;
}

/**
 * @internal Per moment O, the truncated Tr[O·H[L]ρ] = ⟨L†O + OL⟩ − ⟨L + L†⟩⟨O⟩ in closure form:
 * monomials of ≤ k operators are moments, larger ones closures (their expansion, 4.57/6.33), and
 * each product ⟨m⟩⟨O⟩ of a monomial m of L + L† a closure of its own.
 */
export function noiseForm(
  table: MonomialTable,
  k: number,
  moments: readonly MomentVariable[],
  variable: (id: number) => { index: number; conj: boolean },
  l: OperatorExpression,
  cache: Map<number, MomentExpansion>,
): CumulantClosureForm {
  const closures: { real: boolean; terms: { coeff: number; factors: number[]; conjugate: boolean[] }[] }[] = [];
  const closureIndex = new Map<string, number>();
  const closure = (key: string, real: boolean, terms: () => { coeff: number; factors: number[]; conjugate: boolean[] }[]): number => {
    let c = closureIndex.get(key);
    if (c === undefined) {
      c = closures.length;
      closureIndex.set(key, c);
      closures.push({ real, terms: terms() });
    }
    return c;
  };
  const expansionTerms = (id: number) => {
    const ex = expandMoment(table, id, k, cache);
    return ex.products.map((f, s) => ({
      coeff: ex.coeffs[s],
      factors: f.map((x) => variable(x).index),
      conjugate: f.map((x) => variable(x).conj),
    }));
  };
  const mean = l.plus(l.dagger()).terms;
  const equations = moments.map((m, e) => {
    const terms: CumulantClosureForm['equations'][number][number][] = [];
    // ⟨L†O + OL⟩, each monomial a moment, 1, or a closure of order > k
    for (const [id, c] of linearPart(l, m.operator).terms) {
      if (id === 0) terms.push({ coefficient: c, kind: 'one', index: 0, conjugate: false });
      else if (table.orders[id] <= k) {
        const v = variable(id);
        terms.push({ coefficient: c, kind: 'moment', index: v.index, conjugate: v.conj });
      } else terms.push({ coefficient: c, kind: 'closure', index: closure(`x${id}`, false, () => expansionTerms(id)), conjugate: false });
    }
    // −⟨L + L†⟩⟨O⟩: per monomial of L + L† the product of its expansion with ⟨O⟩
    for (const [id, c] of mean) {
      const minus: Poly = new Map();
      polyAddScaledInto(minus, c, -1);
      if (id === 0) {
        terms.push({ coefficient: minus, kind: 'moment', index: e, conjugate: false });
        continue;
      }
      const index = closure(`p${id}:${e}`, false, () =>
        expansionTerms(id).map((t) => ({ coeff: t.coeff, factors: [...t.factors, e], conjugate: [...t.conjugate, false] })),
      );
      terms.push({ coefficient: minus, kind: 'closure', index, conjugate: false });
    }
    return terms;
  });
  return { closures, equations };
}

/** @internal The measurement terms as text, one line per moment and noise. */
export function noiseTextOf(
moments: readonly MomentVariable[],
parameters: readonly string[],
noises: readonly CumulantNoise[],
noiseForms: readonly CumulantClosureForm[],
): string {
  const lines: string[] = [];
  noises.forEach((n, j) => {
    const efficiency = n.efficiency.parameter >= 0 ? parameters[n.efficiency.parameter] : String(n.efficiency.value);
    const rate = n.rate.parameter >= 0 ? parameters[n.rate.parameter] : String(n.rate.value);
    const factor = `√(${n.share === 1 ? '' : '0.5·'}${rate}·${efficiency})`;
    // write each closure-form term out as products of moments
    const form = noiseForms[j];
    const expanded = form.equations.map((terms) => {
      const out: { coefficient: Poly; factors: number[]; conjugate: boolean[] }[] = [];
      for (const t of terms) {
        if (t.kind === 'one') out.push({ coefficient: t.coefficient, factors: [], conjugate: [] });
        else if (t.kind === 'moment') out.push({ coefficient: t.coefficient, factors: [t.index], conjugate: [t.conjugate] });
        else {
          for (const c of form.closures[t.index].terms) {
            const coefficient: Poly = new Map();
            polyAddScaledInto(coefficient, t.coefficient, c.coeff);
            // a conjugated closure conjugates every factor
            out.push({ coefficient, factors: [...c.factors], conjugate: c.conjugate.map((x) => x !== t.conjugate) });
          }
        }
      }
      return out;
    });
    const text = formatEquations(moments, expanded, parameters, (v, conj) => `⟨${conj ? moments[v].operator.dagger().toString() : moments[v].name}⟩`, false);
    for (const line of text.split('\n')) lines.push(line.replace(/^d(⟨[^⟩]*⟩)\/dt = (.*)$/, `${n.name}: d$1 ∋ ${factor}·($2)`));
  });
  return lines.join('\n');
}

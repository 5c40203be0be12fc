import { describe, expect as vexpect, it } from 'vitest';
import { denseZeros } from '@qsync/linalg';
import {
  applyLindbladianInto,
  coherentKet,
  expect,
  fockSpace,
  lindbladian,
  pureState,
  spinCoherentKet,
  spinHalfSpace,
  tensorState,
  type DensityMatrix,
} from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { polyValue } from './coefficient';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { cumulantEquations, type MomentVariable } from './cumulant-equations';
import type { CumulantModel } from './cumulant-model';
import { momentsOf } from './moments-of';
import { toOperator } from './to-operator';
import { nonreciprocalSpecies, spinEnsemble, undrivenLaser } from './test-support/thesis-models';

// The truncation check for the U(1)-symmetric models (4.52), (6.1), (7.1): a product of a
// coherent cavity and spins, each in its own direction (θ_i, φ_i), averaged over ONE common
// phase — the rotation e^{−iθQ} of everything together, Q = a†a + Σσz/2 — so that spin–spin and
// spin–mode correlations exist (⟨σ+_iσ−_j⟩ = ⟨σ+_i⟩⟨σ−_j⟩, ⟨a σ+_i⟩ = α⟨σ+_i⟩, while
// ⟨σ+⟩ = ⟨a⟩ = 0). Different directions make the sites' moments differ and the cross
// correlations complex, so a moment mapped to the wrong site or a factor with the wrong
// conjugation shows (with one direction for all, ⟨σ+_1σ−_2⟩ was real and every site alike).
// In that state an atom (a, a†, σ±, σz) of charge q is x·e^{iqθ} with θ uniform: the joint
// cumulant of atoms that include a neutral one (σz, a constant) vanishes, and a neutral product of
// odd order always includes one, so cumulants of order 3 and 5 of phase-neutral products vanish;
// those of order 4 do not (charges + + − −: κ4 = −x1x2x3x4). The models' Heisenberg equations
// raise the order by one, so the order-2 and order-4 truncations (κ3, κ5 → 0) are exact there
// and the order-3 truncation (κ4 → 0) is not: the check discriminates.
// Sizes: 5 spins (4.52), 3 + 2 (6.1), a mode and 2 + 1 spins (7.1) — with 4 spins and no mode
// the order-4 system would be the whole hierarchy and no truncation would be tested.
// Reference: Tr[O Lρ] of every moment variable O with L from @qsync/operators' `lindbladian`
// (H, jumps and cross dissipators built from matrices by `toOperator`) on the exact space.
// Tolerance 1e-10: the Fock cutoff 18 leaves ~1e-24 of |α| = 0.6; sums of ~10³ terms of O(1).

// the common phase average: keep ρ's elements between basis states of equal total charge
function commonPhaseAverage(rho: DensityMatrix): DensityMatrix {
  const dims = rho.dims;
  const n = rho.matrix.rows;
  const charge = new Int32Array(n); // Fock number of the mode + number of spins up (index 1)
  for (let k = 0; k < n; k++) {
    let rest = k;
    for (let f = dims.length - 1; f >= 0; f--) {
      charge[k] += rest % dims[f];
      rest = Math.floor(rest / dims[f]);
    }
  }
  const out = denseZeros(n, n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (charge[r] !== charge[c]) continue;
      out.data[2 * (r * n + c)] = rho.matrix.data[2 * (r * n + c)];
      out.data[2 * (r * n + c) + 1] = rho.matrix.data[2 * (r * n + c) + 1];
    }
  }
  return { dims, matrix: out };
}

function exactRates(model: CumulantModel, rho: DensityMatrix, p: readonly number[], operators: ReturnType<typeof cumulantEquations>['moments']) {
  const ctx = model.hamiltonian.context;
  const rate = (r: NonNullable<CumulantModel['dissipators']>[number]['rate']) =>
    typeof r === 'number' ? r : typeof r === 'string' ? p[ctx.parameters.indexOf(r)] : polyValue(r.terms.get(0) as Parameters<typeof polyValue>[0], p).re;
  const l = lindbladian(
    toOperator(model.hamiltonian, rho.dims, p),
    (model.dissipators ?? []).map((d) => ({
      rate: rate(d.rate),
      jump: toOperator(d.jump, rho.dims),
      ...(d.jump2 === undefined ? {} : { jump2: toOperator(d.jump2, rho.dims) }),
    })),
  );
  const n = rho.matrix.rows;
  const lr = { dims: rho.dims, matrix: applyLindbladianInto(denseZeros(n, n), l, rho.matrix) };
  return operators.map((m) => expect(toOperator(m.operator, rho.dims), lr));
}

const spin = (theta: number, phi: number) => pureState(spinCoherentKet(spinHalfSpace(), theta, phi));
// one direction per site (θ_i, φ_i)
const directions = [
  [1.1, 0.4],
  [2.0, 2.3],
  [0.6, -1.2],
  [1.6, 4.0],
  [2.5, 1.0],
];
const spins = (n: number) => directions.slice(0, n).map(([theta, phi]) => spin(theta, phi));
const cases = [
  {
    name: '(4.52) N = 5',
    system: spinEnsemble([5]),
    p: [0.45, 0.8, 0.3, 5],
    rho: () => tensorState(...spins(5)),
  },
  {
    name: '(6.1) N_A = 3, N_B = 2',
    system: nonreciprocalSpecies([3, 2]),
    p: [0.35, 0.5, -0.3, 0.4, 0.7, 3, 2],
    rho: () => tensorState(...spins(5)),
  },
  {
    name: '(7.1) N_d = 2, N_ud = 1, Fock cutoff 18',
    system: undrivenLaser([2, 1]),
    p: [0.6, 1.3, 0.9, 0.2, 0.15, 2, 1],
    rho: () => tensorState(pureState(coherentKet(fockSpace(18), { re: 0.6 * Math.cos(0.3), im: 0.6 * Math.sin(0.3) })), ...spins(3)),
  },
];

describe('cumulantEquations with u1 on a product state averaged over one common phase: orders 2 and 4 exact, order 3 not', () => {
  for (const c of cases) {
    const rho = commonPhaseAverage(c.rho());
    const worstAt = (order: number) => {
      const eqs = cumulantEquations(c.system.model, { moments: c.system.moments, order, u1: true });
      const y = momentsOf(eqs, rho);
      const out = new Float64Array(eqs.size);
      compileCumulantRhs(eqs)(out, y, 0, Float64Array.from(c.p));
      const want = exactRates(c.system.model, rho, c.p, eqs.moments);
      const got: number[] = [];
      const ref: number[] = [];
      eqs.moments.forEach((m, i) => {
        got.push(out[m.offset], m.real ? 0 : out[m.offset + 1]);
        ref.push(want[i].re, m.real ? 0 : want[i].im);
      });
      return { eqs, got, ref, worst: Math.max(...got.map((g, j) => Math.abs(g - ref[j]))) };
    };

    it(`${c.name}: orders 2 and 4 equal Tr[O Lρ] for every moment (1e-10); order 3 misses by > 1e-3`, () => {
      // the state has the correlations the check needs: ⟨σ+_1σ−_2⟩ = ⟨σ+_1⟩⟨σ−_2⟩ of the two
      // directions (complex), and, with a mode, ⟨a σ+⟩ ≠ 0
      const two = worstAt(2);
      const pair = two.eqs.moments.find((m) => m.order === 2 && m.name.startsWith('σ+') && m.name.includes('σ−') && !m.name.includes('a'));
      vexpect(pair).toBeDefined();
      const { offset, operator } = pair as MomentVariable;
      const table = operator.context.table;
      const firstSpin = table.sites.findIndex((s) => s.kind === 'spin');
      const [i, j] = table.siteLists[operator.terms.keys().next().value as number].map((site) => directions[site - firstSpin]);
      // |⟨σ+⟩| = sin θ/2 in a spin coherent state
      const y = momentsOf(two.eqs, rho);
      expectClose(Math.hypot(y[offset], y[offset + 1]), (Math.sin(i[0]) * Math.sin(j[0])) / 4, { atol: 1e-12 });
      vexpect(Math.abs(y[offset + 1])).toBeGreaterThan(0.05);
      expectClose(two.got, two.ref, { atol: 1e-10 });
      const four = worstAt(4);
      vexpect(four.eqs.moments.some((m) => m.order === 4)).toBe(true);
      expectClose(four.got, four.ref, { atol: 1e-10 });
      vexpect(worstAt(3).worst).toBeGreaterThan(1e-3);
    });
  }
});

import { describe, expect as vexpect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { correlationEquations } from './correlation-equations';
import { cumulantEquations } from './cumulant-equations';
import { operatorAlgebra } from './operator-algebra';
import { regressionSpectrum } from './regression-spectrum';

// The regression matrix of thesis Eq. (7.14), written out for explicit atoms: the laser (7.1)
// with Nd = 2 driven and Nud = 1 undriven spins, H = Ω(a†S− + aS+), κD[a], γ+D[σ+_d],
// γ−D[σ−], (γz/2)D[σz]. With c = (⟨a†(τ)a⟩, ⟨σ+_d1(τ)a⟩, ⟨σ+_d2(τ)a⟩, ⟨σ+_u1(τ)a⟩) and the
// factorization (7.13), M has −κ/2, iΩ to every spin (the sum giving iNdΩ, iNudΩ of 7.14 for
// equal spins), −iΩs_z of each spin back to a†, and −(Γ + γ+)/2, −Γ/2 on the diagonal
// (Γ = γ− + 2γz); s_z is each spin's ⟨σz⟩ in y. Checked at random moments and parameters; c(0)
// is ⟨X a⟩ read from y. Tolerance 1e-14 of the entries (a few products of O(1) numbers).

function laser() {
  const alg = operatorAlgebra({
    sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: 'd1' }, { kind: 'spin', name: 'd2' }, { kind: 'spin', name: 'u1' }],
    parameters: ['Omega', 'kappa', 'gp', 'gm', 'gz'],
  });
  const sMinus = alg.sum([1, 2, 3].map((i) => alg.sigmaMinus(i)));
  const coupling = alg.create(0).times(sMinus);
  const model = {
    hamiltonian: alg.parameter('Omega').times(coupling.plus(coupling.dagger())),
    dissipators: [
      { rate: 'kappa', jump: alg.destroy(0) },
      ...[1, 2].map((i) => ({ rate: 'gp', jump: alg.sigmaPlus(i) })),
      ...[1, 2, 3].map((i) => ({ rate: 'gm', jump: alg.sigmaMinus(i) })),
      ...[1, 2, 3].map((i) => ({ rate: alg.parameter('gz').times(0.5), jump: alg.sigmaZ(i) })),
    ],
  };
  return { alg, model, eqs: cumulantEquations(model, { moments: [alg.sigmaZ(1), alg.create(0).times(alg.destroy(0))], order: 2, u1: true }) };
}

describe('correlationEquations: the regression matrix (7.14) with the factorization (7.13)', () => {
  const { alg, model, eqs } = laser();
  it('gives (7.14) for explicit spins at random moments and parameters, and c(0) = ⟨X a⟩ from y', () => {
    const rng = createRng(7);
    for (let trial = 0; trial < 3; trial++) {
      const [Om, ka, gp, gm, gz] = [0.3, 5, 1, 0.2, 0.1].map((s) => s * (0.5 + rng.uniform()));
      const y = Float64Array.from({ length: eqs.size }, () => rng.uniform() - 0.5);
      const c = correlationEquations(model, eqs, { a: alg.create(0), b: alg.destroy(0), y, p: [Om, ka, gp, gm, gz] });
      vexpect(c.names).toEqual(['a†', 'σ+_d1', 'σ+_d2', 'σ+_u1']);
      const sz = [1, 2, 3].map((i) => eqs.value(y, alg.sigmaZ(i)).re);
      const G = gm + 2 * gz;
      const want = new Float64Array(32);
      const set = (i: number, j: number, re: number, im: number) => {
        want[2 * (4 * i + j)] = re;
        want[2 * (4 * i + j) + 1] = im;
      };
      set(0, 0, -ka / 2, 0);
      for (let s = 1; s <= 3; s++) {
        set(0, s, 0, Om);
        set(s, 0, 0, -Om * sz[s - 1]);
        set(s, s, -(G + (s < 3 ? gp : 0)) / 2, 0);
      }
      expectClose(c.matrix.data, want, { atol: 1e-14 });
      const c0 = c.operators.flatMap((x) => {
        const v = eqs.value(y, x.times(alg.destroy(0)));
        return [v.re, v.im];
      });
      expectClose(c.initial, Float64Array.from(c0), { atol: 0 });
    }
  });

  it('regressionSpectrum: 2Re[(iω − M)⁻¹c(0)]_0 — a single mode gives the Lorentzian n̄κ/((ω − Δ)² + κ²/4) at +Δ (e^{−iωτ} convention)', () => {
    const m = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }], parameters: ['Delta', 'km', 'kp'] });
    const mm = { hamiltonian: m.parameter('Delta').times(m.create(0).times(m.destroy(0))), dissipators: [{ rate: 'km', jump: m.destroy(0) }, { rate: 'kp', jump: m.create(0) }] };
    const e = cumulantEquations(mm, { moments: [m.create(0).times(m.destroy(0))], order: 2, u1: true });
    const [Delta, km, kp] = [1.3, 0.9, 0.4];
    const nbar = kp / (km - kp);
    const c = correlationEquations(mm, e, { a: m.create(0), b: m.destroy(0), y: [nbar], p: [Delta, km, kp] });
    const omega = [-1.3, 0, 0.8, 1.3, 2];
    const k = km - kp;
    expectClose(regressionSpectrum(c, omega), Float64Array.from(omega.map((w) => (nbar * k) / ((w - Delta) ** 2 + (k * k) / 4))), { rtol: 1e-13 });
  });

  it('refuses what it cannot factorize or read, naming it', () => {
    const y = new Float64Array(eqs.size);
    vexpect(() => correlationEquations(model, eqs, { a: alg.create(0).times(alg.destroy(0)), b: alg.destroy(0), y })).toThrow(/config.a must be one operator/);
    vexpect(() => correlationEquations(model, eqs, { a: alg.create(0), b: alg.destroy(0), y: [1] })).toThrow(/config.y must hold the \d+ moment values/);
    vexpect(() => correlationEquations(model, eqs, { a: alg.create(0), b: alg.destroy(0), y, p: [1] })).toThrow(/config.p must hold the values/);
    const driven = { hamiltonian: model.hamiltonian.plus(alg.create(0).plus(alg.destroy(0))), dissipators: model.dissipators };
    vexpect(() => correlationEquations(driven, eqs, { a: alg.create(0), b: alg.destroy(0), y, p: [1, 1, 1, 1, 1] })).toThrow(/has a constant term/);
    const kerr = { hamiltonian: alg.create(0).times(alg.create(0)).times(alg.destroy(0)).times(alg.destroy(0)), dissipators: [] };
    vexpect(() => correlationEquations(kerr, eqs, { a: alg.create(0), b: alg.destroy(0), y, p: [1, 1, 1, 1, 1] })).toThrow(/needs exactly one/);
    vexpect(() => regressionSpectrum(correlationEquations(model, eqs, { a: alg.create(0), b: alg.destroy(0), y, p: [1, 1, 1, 1, 1] }), [NaN])).toThrow(/omega\[0\] must be finite/);
  });
});

describe('correlationEquations with declared charges (config.charges of the equations)', () => {
  // two modes with a parametric coupling g(ab + a†b†), detunings, losses; conserved a†a − b†b ({ b: -1 }).
  // The Heisenberg equations are linear: L†a† = (iΔa − κa/2)a† + ig·b, L†b = −ig·a† − (iΔb + κb/2)b,
  // so c = (⟨a†(τ)a⟩, ⟨b(τ)a⟩) has M = [[iΔa − κa/2, ig], [−ig, −iΔb − κb/2]] exactly, c(0) = (⟨a†a⟩, ⟨ab⟩).
  // Under the standard charge b is not a partner of a† and the term ig·b was refused.
  it('picks b as the partner of a† and gives the exact linear M (1e-15)', () => {
    const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, { kind: 'boson', name: 'b' }], parameters: ['g', 'da', 'db', 'ka', 'kb'] });
    const [a, b] = [alg.destroy(0), alg.destroy(1)];
    const n = (x: typeof a) => x.dagger().times(x);
    const pair = a.times(b);
    const model = {
      hamiltonian: alg.sum([alg.parameter('g').times(pair.plus(pair.dagger())), alg.parameter('da').times(n(a)), alg.parameter('db').times(n(b))]),
      dissipators: [{ rate: 'ka', jump: a }, { rate: 'kb', jump: b }],
    };
    const eqs = cumulantEquations(model, { moments: [n(a)], order: 2, u1: true, charges: { b: -1 } });
    vexpect(eqs.moments.map((m) => m.name)).toEqual(['ab', 'a†a', 'b†b']);
    const y = Float64Array.of(0.3, -0.2, 0.9, 0.6); // ⟨ab⟩ = 0.3 − 0.2i, ⟨a†a⟩, ⟨b†b⟩
    const [g, da, db, ka, kb] = [0.7, 0.4, -0.9, 0.5, 0.8];
    const c = correlationEquations(model, eqs, { a: alg.create(0), b: a, y, p: Float64Array.of(g, da, db, ka, kb) });
    vexpect(c.names).toEqual(['a†', 'b']);
    expectClose(Array.from(c.matrix.data), [-ka / 2, da, 0, g, 0, -g, -kb / 2, -db], { atol: 1e-15 });
    expectClose(Array.from(c.initial), [0.9, 0, 0.3, -0.2], { atol: 1e-15 });
  });
});

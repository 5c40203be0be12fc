import { describe, expect as vexpect, it } from 'vitest';
import { denseZeros, expm } from '@qsync/linalg';
import { applyLindbladianInto, expect, lindbladian, pureState, spinCoherentKet, spinHalfSpace, tensorState, type DensityMatrix } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { cumulantEquations } from './cumulant-equations';
import { momentsOf } from './moments-of';
import { operatorAlgebra } from './operator-algebra';
import { toOperator } from './to-operator';

// A check that tells the cumulant closure from a mean-field closure. On a product of a displaced
// squeezed mode D(α)S(ξ)|0⟩ and a spin-coherent state every normal-ordered joint cumulant of more
// than two atoms vanishes (the mode is Gaussian: its normally ordered characteristic function is
// the exponential of a quadratic; different sites are independent), but the second cumulants of
// the mode do not (⟨aa⟩ − ⟨a⟩² = −e^{iφ} sinh r cosh r, ⟨a†a⟩ − |⟨a⟩|² = sinh² r). So the order-2
// truncation (and every higher one) is exact there, while the mean-field closure (order 1, every
// moment a product of ⟨a⟩, ⟨σ±⟩, ⟨σz⟩) misses the Kerr and two-photon-loss terms by these
// cumulants. On a coherent mode (r = 0) both are exact: that state cannot tell them apart.
// Model: H = Δa†a + χa†²a² + η(a + a†) + (ω/2)σz + g(a†σ− + aσ+), κD[a] + κ2D[a²] + γD[σ−]
// (no U(1) filter: the drive and the squeezing break it). Reference: Tr[O Lρ] from `lindbladian`,
// Fock cutoff 60 (r = 0.3: the probability beyond it is ~tanh(r)^60 ≈ 1e-32). Tolerance 1e-10.

const cutoff = 60;
const p = [0.3, 0.25, 0.4, -0.5, 0.7, 1.1, 0.35, 0.6];

// D(α)S(ξ)|0⟩ on 80 levels by the matrix exponential, then the lowest `cutoff` kept (the rest ~1e-40)
function displacedSqueezed(alpha: { re: number; im: number }, r: number, phi: number): DensityMatrix {
  const big = 80;
  const gen = (f: (m: number, n: number) => { re: number; im: number } | null) => {
    const g = denseZeros(big, big);
    for (let m = 0; m < big; m++) {
      for (let n = 0; n < big; n++) {
        const v = f(m, n);
        if (v !== null) {
          g.data[2 * (m * big + n)] = v.re;
          g.data[2 * (m * big + n) + 1] = v.im;
        }
      }
    }
    return g;
  };
  // S(ξ) = exp((ξ*a² − ξa†²)/2), ξ = r e^{iφ}; D(α) = exp(αa† − α*a)
  const s = expm(gen((m, n) => {
    if (m === n - 2) return { re: (r * Math.cos(phi) * Math.sqrt(n * (n - 1))) / 2, im: (-r * Math.sin(phi) * Math.sqrt(n * (n - 1))) / 2 };
    if (m === n + 2) return { re: (-r * Math.cos(phi) * Math.sqrt(m * (m - 1))) / 2, im: (-r * Math.sin(phi) * Math.sqrt(m * (m - 1))) / 2 };
    return null;
  }));
  const d = expm(gen((m, n) => {
    if (m === n + 1) return { re: alpha.re * Math.sqrt(m), im: alpha.im * Math.sqrt(m) };
    if (m === n - 1) return { re: -alpha.re * Math.sqrt(n), im: alpha.im * Math.sqrt(n) };
    return null;
  }));
  // ket = D·S·|0⟩ = D·(first column of S)
  const data = new Float64Array(2 * cutoff);
  for (let m = 0; m < cutoff; m++) {
    for (let k = 0; k < big; k++) {
      const dr = d.data[2 * (m * big + k)];
      const di = d.data[2 * (m * big + k) + 1];
      const sr = s.data[2 * (k * big)];
      const si = s.data[2 * (k * big) + 1];
      data[2 * m] += dr * sr - di * si;
      data[2 * m + 1] += dr * si + di * sr;
    }
  }
  return pureState({ dims: [cutoff], data });
}

describe('cumulant closure against mean field on a displaced squeezed mode ⊗ spin', () => {
  const alg = operatorAlgebra({
    sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }],
    parameters: ['Delta', 'chi', 'eta', 'w', 'g', 'kappa', 'k2', 'gamma'],
  });
  const par = (n: string) => alg.parameter(n);
  const a = alg.destroy(0);
  const ad = alg.create(0);
  const jc = ad.times(alg.sigmaMinus(1));
  const hamiltonian = alg.sum([
    par('Delta').times(ad.times(a)),
    par('chi').times(ad.times(ad).times(a).times(a)),
    par('eta').times(a.plus(ad)),
    par('w').times(alg.sigmaZ(1)).times(0.5),
    par('g').times(jc.plus(jc.dagger())),
  ]);
  const dissipators = [
    { rate: 'kappa', jump: a },
    { rate: 'k2', jump: a.times(a) },
    { rate: 'gamma', jump: alg.sigmaMinus(1) },
  ];
  const model = { hamiltonian, dissipators };
  const spin = pureState(spinCoherentKet(spinHalfSpace(), 1.2, -0.7));
  const alpha = { re: 0.5 * Math.cos(0.9), im: 0.5 * Math.sin(0.9) };

  const mismatch = (rho: DensityMatrix, order: number) => {
    const eqs = cumulantEquations(model, { moments: [a, alg.sigmaZ(1)], order });
    const y = momentsOf(eqs, rho);
    const out = new Float64Array(eqs.size);
    compileCumulantRhs(eqs)(out, y, 0, Float64Array.from(p));
    const l = lindbladian(
      toOperator(hamiltonian, rho.dims, p),
      dissipators.map((d) => ({ rate: p[alg.parameters.indexOf(d.rate)], jump: toOperator(d.jump, rho.dims) })),
    );
    const n = rho.matrix.rows;
    const lr = { dims: rho.dims, matrix: applyLindbladianInto(denseZeros(n, n), l, rho.matrix) };
    const got: number[] = [];
    const want: number[] = [];
    for (const m of eqs.moments) {
      const v = expect(toOperator(m.operator, rho.dims), lr);
      got.push(out[m.offset], m.real ? 0 : out[m.offset + 1]);
      want.push(v.re, m.real ? 0 : v.im);
    }
    return { eqs, y, got, want, worst: Math.max(...got.map((x, j) => Math.abs(x - want[j]))) };
  };

  it('the state is the intended one: ⟨a⟩ = α, ⟨a†a⟩ − |α|² = sinh²r, ⟨aa⟩ − α² = −e^{iφ} sinh r cosh r (r = 0.3, φ = 0.8)', () => {
    const rho = tensorState(displacedSqueezed(alpha, 0.3, 0.8), spin);
    const { eqs, y } = mismatch(rho, 2);
    const at = (name: string) => {
      const m = eqs.moments.find((x) => x.name === name) as { offset: number; real: boolean };
      return { re: y[m.offset], im: m.real ? 0 : y[m.offset + 1] };
    };
    const [sh, ch] = [Math.sinh(0.3), Math.cosh(0.3)];
    expectClose([at('a').re, at('a').im], [alpha.re, alpha.im], { atol: 1e-12 });
    expectClose(at('a†a').re - (alpha.re ** 2 + alpha.im ** 2), sh * sh, { atol: 1e-12 });
    const a2 = { re: alpha.re ** 2 - alpha.im ** 2, im: 2 * alpha.re * alpha.im };
    expectClose([at('a^2').re - a2.re, at('a^2').im - a2.im], [-sh * ch * Math.cos(0.8), -sh * ch * Math.sin(0.8)], { atol: 1e-12 });
  });

  it('squeezed: orders 2 and 3 equal Tr[O Lρ] (1e-10); mean field (order 1) misses by > 1e-2', () => {
    const rho = tensorState(displacedSqueezed(alpha, 0.3, 0.8), spin);
    for (const order of [2, 3]) {
      const r = mismatch(rho, order);
      vexpect(r.eqs.moments.some((m) => m.name === 'a^2')).toBe(true);
      expectClose(r.got, r.want, { atol: 1e-10 });
    }
    vexpect(mismatch(rho, 1).worst).toBeGreaterThan(1e-2);
  });

  it('coherent (r = 0): mean field is exact too (1e-10) — this state cannot tell the closures apart', () => {
    const rho = tensorState(displacedSqueezed(alpha, 0, 0), spin);
    for (const order of [1, 2]) {
      const r = mismatch(rho, order);
      expectClose(r.got, r.want, { atol: 1e-10 });
    }
  });
});

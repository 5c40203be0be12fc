import { describe, expect, it } from 'vitest';
import { csrAdjoint, csrIdentity, csrKron, csrMatvecInto, csrTranspose } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import {
  create,
  dagger,
  destroy,
  embed,
  fockSpace,
  lindbladian,
  liouvillianMatrix,
  num,
  plus,
  power,
  scaled,
  sigmaMinus,
  spinHalfSpace,
  tensorSpace,
  times,
} from '@qsync/operators';
import type { Lindbladian } from '@qsync/operators';
import { compileLindbladRhs } from './lindblad-rhs';
import { compileWeightedStencil } from './compile-weighted-stencil';
import type { OperatorSandwich } from './compile-weighted-stencil';
import { packHermitianInto } from './pack-hermitian-into';
import { unpackHermitianInto } from './unpack-hermitian-into';

function randomMatrix(n: number, seed: number, hermitian: boolean): Float64Array {
  let state = seed >>> 0;
  const rand = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const x = new Float64Array(2 * n * n);
  for (let k = 0; k < x.length; k++) x[k] = rand();
  if (hermitian) {
    for (let i = 0; i < n; i++) {
      x[2 * (i * n + i) + 1] = 0;
      for (let j = 0; j < i; j++) {
        x[2 * (i * n + j)] = x[2 * (j * n + i)];
        x[2 * (i * n + j) + 1] = -x[2 * (j * n + i) + 1];
      }
    }
  }
  return x;
}

/** vec(AρB) = (A ⊗ Bᵀ) vec(ρ) (row-major vec): the dense superoperator, an independent evaluation. */
function superoperatorApply(a: CsrMatrix, b: CsrMatrix, rho: Float64Array): Float64Array {
  return csrMatvecInto(new Float64Array(rho.length), csrKron(a, csrTranspose(b)), rho);
}

/** max |x − y| / max |y|. */
function relativeDeviation(x: Float64Array, y: Float64Array): number {
  let d = 0;
  let s = 0;
  for (let k = 0; k < x.length; k++) {
    d = Math.max(d, Math.abs(x[k] - y[k]));
    s = Math.max(s, Math.abs(y[k]));
  }
  return d / s;
}

// The fused kernel and the superoperator matrix sum the same O(10) products per entry in a
// different order: they agree to a few ulps of the largest entry; a missing or wrong term
// changes entries by O(1) of it.
const RTOL = 1e-13;

/** Kerr-type generator on a Fock space (cutoff N): drive breaks U(1), so every shift occurs. */
function drivenKerr(N: number): Lindbladian {
  const s = fockSpace(N);
  const a = destroy(s);
  const ad = create(s);
  const H = plus(plus(scaled(num(s), 0.3), scaled(times(power(ad, 2), power(a, 2)), -0.05)), scaled(plus(a, ad), 1.7));
  return lindbladian(H, [
    { rate: 1.2, jump: a },
    { rate: 0.2, jump: ad },
    { rate: 0.4, jump: power(a, 2) },
  ]);
}

describe.each(['js', 'wasm'] as const)('compileWeightedStencil, backend %s', (backend) => {
  it('compileLindbladRhs equals the dense superoperator L·vec(ρ) at random states: Hermitian half, non-Hermitian input, small n', () => {
    for (const N of [2, 3, 9]) {
      const l = drivenKerr(N);
      const L = liouvillianMatrix(l);
      const rhs = compileLindbladRhs(l);
      expect(rhs.hermitian).toBe(true);
      const rho = randomMatrix(N, 11 + N, true);
      const out = new Float64Array(rho.length);
      rhs.applyInto(out, rho);
      expect(relativeDeviation(out, csrMatvecInto(new Float64Array(rho.length), L, rho))).toBeLessThan(RTOL);
      // a non-Hermitian ρ (as a spectrum's propagation of aρ needs) through the full kernel
      const full = compileWeightedStencil(
        [[{ left: l.left }, { right: l.right }, ...l.sandwiches.map((sw) => ({ left: sw.left, right: sw.right, scale: sw.rate }))]],
        { n: N, backend },
      );
      const x = randomMatrix(N, 5 + N, false);
      full.applyInto(out, x, Float64Array.of(1, 0));
      expect(relativeDeviation(out, csrMatvecInto(new Float64Array(x.length), L, x))).toBeLessThan(RTOL);
    }
  });

  it('a generator that does not preserve Hermiticity takes the full path and still equals the superoperator', () => {
    const s = tensorSpace(spinHalfSpace(), fockSpace(4));
    const sm = embed(sigmaMinus(spinHalfSpace()), s, 0);
    const a = embed(destroy(fockSpace(4)), s, 1);
    const l = lindbladian(scaled(times(dagger(a), a), 0.5), [{ rate: 0.7, jump: sm, jump2: a }]);
    const rhs = compileLindbladRhs(l);
    expect(rhs.hermitian).toBe(false);
    const rho = randomMatrix(8, 3, true);
    const out = new Float64Array(rho.length);
    rhs.applyInto(out, rho);
    expect(relativeDeviation(out, csrMatvecInto(new Float64Array(rho.length), liouvillianMatrix(l), rho))).toBeLessThan(RTOL);
  });

  it('weighted groups with complex weights equal Σ_g w_g Σ A ρ B on a two-mode space (shifts 1 and N)', () => {
    const N = 4;
    const s = tensorSpace(fockSpace(N), fockSpace(N));
    const a = embed(destroy(fockSpace(N)), s, 0).matrix;
    const b = embed(destroy(fockSpace(N)), s, 1).matrix;
    const ab = times(embed(destroy(fockSpace(N)), s, 0), embed(destroy(fockSpace(N)), s, 1)).matrix;
    const l = drivenKerr(N * N); // a generator of the right size (only its shape matters here)
    const groups: OperatorSandwich[][] = [
      [{ left: l.left }, { right: l.right }, ...l.sandwiches.map((sw) => ({ left: sw.left, right: sw.right, scale: sw.rate }))],
      [{}],
      [{ left: a }, { left: ab, scale: 0.3 }],
      [{ right: csrAdjoint(a) }],
      [{ left: a, right: csrAdjoint(b) }],
      [{ left: b, right: csrAdjoint(a) }],
    ];
    const w = Float64Array.of(0.01, 0, 0.9, 0, 0.2, -0.7, 0.2, 0.7, -0.3, 0.45, -0.3, -0.45);
    const n = N * N;
    const expected = new Float64Array(2 * n * n);
    const x = randomMatrix(n, 17, false);
    const idCsr = csrIdentity(n);
    groups.forEach((group, g) => {
      for (const p of group) {
        const y = superoperatorApply(p.left ?? idCsr, p.right ?? idCsr, x);
        const c = p.scale ?? 1;
        for (let k = 0; k < y.length; k += 2) {
          expected[k] += c * (w[2 * g] * y[k] - w[2 * g + 1] * y[k + 1]);
          expected[k + 1] += c * (w[2 * g] * y[k + 1] + w[2 * g + 1] * y[k]);
        }
      }
    });
    const kernel = compileWeightedStencil(groups, { n, backend, weightKinds: ['real', 'real', 'complex', 'complex', 'complex', 'complex'] });
    const out = new Float64Array(2 * n * n);
    kernel.applyInto(out, x, w);
    expect(relativeDeviation(out, expected)).toBeLessThan(RTOL);
    // the Hermitian half: these weights make the sum Hermitian-preserving (groups 2/3 and 4/5 are conjugate pairs
    // except the ab term, so drop it)
    const hg = groups.map((group, g) => (g === 2 ? [group[0]] : group));
    const half = compileWeightedStencil(hg, { n, backend, hermitian: true, weightKinds: ['real', 'real', 'complex', 'complex', 'complex', 'complex'] });
    const full = compileWeightedStencil(hg, { n, backend, weightKinds: ['real', 'real', 'complex', 'complex', 'complex', 'complex'] });
    const rho = randomMatrix(n, 23, true);
    const o1 = new Float64Array(2 * n * n);
    const o2 = new Float64Array(2 * n * n);
    half.applyInto(o1, rho, w);
    full.applyInto(o2, rho, w);
    expect(relativeDeviation(o1, o2)).toBeLessThan(RTOL);
  });

  it('the packed upper triangle (applyPackedInto) equals the superoperator on Hermitian states, also with shifts N and N ± 1', () => {
    const cases: [Lindbladian, number][] = [
      [drivenKerr(2), 2],
      [drivenKerr(3), 3],
      [drivenKerr(9), 9],
    ];
    const s = tensorSpace(fockSpace(3), fockSpace(4));
    const a = embed(destroy(fockSpace(3)), s, 0);
    const b = embed(destroy(fockSpace(4)), s, 1);
    const H = plus(scaled(times(dagger(a), b), 0.8), plus(scaled(times(dagger(b), a), 0.8), scaled(plus(a, dagger(a)), 0.6)));
    cases.push([lindbladian(H, [{ rate: 0.9, jump: a }, { rate: 0.4, jump: times(a, b) }, { rate: 0.3, jump: dagger(b) }]), 12]);
    for (const [l, n] of cases) {
      const kernel = compileWeightedStencil(
        [[{ left: l.left }, { right: l.right }, ...l.sandwiches.map((sw) => ({ left: sw.left, right: sw.right, scale: sw.rate }))]],
        { n, backend, hermitian: true, weightKinds: ['real'] },
      );
      const rho = randomMatrix(n, 31 + n, true);
      const packed = packHermitianInto(new Float64Array(n * (n + 1)), rho, n);
      const out = new Float64Array(n * (n + 1));
      kernel.applyPackedInto(out, packed, Float64Array.of(0.7, 0));
      const full = unpackHermitianInto(new Float64Array(2 * n * n), out, n);
      const expected = csrMatvecInto(new Float64Array(rho.length), liouvillianMatrix(l), rho).map((v) => 0.7 * v);
      for (let i = 0; i < n; i++) expected[2 * (i * n + i) + 1] = 0; // the unpacked diagonal is real
      expect(relativeDeviation(full, expected)).toBeLessThan(RTOL);
    }
  });

  it('refuses bad input by name', () => {
    const a = destroy(fockSpace(3)).matrix;
    expect(() => compileWeightedStencil([[{ left: a }]], { n: 4, backend })).toThrow(/groups\[0\]\[0\]\.left must be 4×4/);
    expect(() => compileWeightedStencil([[{ left: a, scale: NaN }]], { n: 3, backend })).toThrow(/scale must be finite/);
    expect(() => compileWeightedStencil([], { n: 3, backend })).toThrow(/'groups'/);
    expect(() => compileWeightedStencil([[{ left: a }]], { n: 0, backend })).toThrow(/'n'/);
    expect(() => compileWeightedStencil([[{ left: a }]], { n: 3, weightKinds: [], backend })).toThrow(/'weightKinds'/);
    const k = compileWeightedStencil([[{ left: a }]], { n: 3, backend });
    const x = new Float64Array(18);
    expect(() => k.applyInto(x, x, Float64Array.of(1, 0))).toThrow(/out must not be rho/);
    expect(() => k.applyInto(new Float64Array(18), x, new Float64Array(0))).toThrow(/'weights'/);
    expect(() => k.applyUpperInto(new Float64Array(18), x, Float64Array.of(1, 0))).toThrow(/hermitian: true/);
  });
});

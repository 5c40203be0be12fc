import { csrToDense, eigenvalues } from '@qsync/linalg';
import { dickeLiouvillianMatrix, liouvillianMatrix } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { liouvillianEigenvalues } from './liouvillian-eigenvalues';
import { ensembleDicke, ensembleTensor } from './test-support/spin-ensemble';
import { vdpPair } from './test-support/vdp-pair';

/** Distance from (re, im) to the nearest entry of an interleaved list. */
function nearest(list: Float64Array, re: number, im: number): number {
  let best = Infinity;
  for (let k = 0; k < list.length; k += 2) best = Math.min(best, Math.hypot(list[k] - re, list[k + 1] - im));
  return best;
}

describe('liouvillianEigenvalues', () => {
  // Eq. (4.52) with dephasing and a frequency ω Sz (complex eigenvalues in the coherence sectors).
  const p = { n: 4, V: 3, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.15, omega: 0.7 };
  const full = eigenvalues(csrToDense(liouvillianMatrix(ensembleTensor(p).l))); // 256 eigenvalues

  for (const q of [0, 1, 2, -1]) {
    it(`finds eigenvalues of the full tensor Liouvillian in the PI sector m − m′ = ${q} (N = 4; 1e-9)`, () => {
      // The PI operators are an invariant subspace of the 256×256 Liouvillian, so every eigenvalue
      // of a PI sector is one of its eigenvalues. Dense QR and shift-invert Arnoldi on O(1)
      // eigenvalues agree to ~1e-13; 1e-9 is far below the spacing of the spectrum (≥ 1e-2).
      const r = liouvillianEigenvalues(ensembleDicke(p), { difference: q, count: 4 });
      for (let k = 0; k < r.eigenvalues.length; k += 2) {
        expect(nearest(full, r.eigenvalues[k], r.eigenvalues[k + 1])).toBeLessThan(1e-9);
      }
      // … and they are the ones of the sector nearest the shift (dense check of the small block)
      const block = eigenvalues(csrToDense(dickeLiouvillianMatrix(ensembleDicke(p), { difference: q }).matrix));
      const sigma = 1e-3 * 8; // default shift: 1e-3·max|L_kk|, checked loosely through the ordering below
      const byDistance = Array.from({ length: block.length / 2 }, (_, i) => i).sort(
        (a, b) => Math.hypot(block[2 * a] - sigma, block[2 * a + 1]) - Math.hypot(block[2 * b] - sigma, block[2 * b + 1]),
      );
      for (const i of byDistance.slice(0, 3)) {
        expect(nearest(r.eigenvalues, block[2 * i], block[2 * i + 1])).toBeLessThan(1e-9);
      }
      if (q !== 0) {
        // ω Sz shifts the whole sector by −iqω (ρ(m, m′) ∝ e^{−iω(m − m′)t}): the same search
        // without it, shifted by the same amount, finds the same eigenvalues moved by +iqω.
        const r0 = liouvillianEigenvalues(ensembleDicke({ ...p, omega: 0 }), {
          difference: q,
          count: 4,
          shift: { re: 8e-3, im: 0 },
        });
        const rw = liouvillianEigenvalues(ensembleDicke(p), { difference: q, count: 4, shift: { re: 8e-3, im: -q * p.omega } });
        for (let k = 0; k < rw.eigenvalues.length; k += 2) {
          expect(nearest(r0.eigenvalues, rw.eigenvalues[k], rw.eigenvalues[k + 1] + q * p.omega)).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('gives λ = 0 (the steady state) and the gap in the population sector; the gap matches dense QR', () => {
    const r = liouvillianEigenvalues(ensembleDicke(p), { count: 3 });
    expectClose([r.eigenvalues[0], r.eigenvalues[1]], [0, 0], { atol: 1e-12 });
    expect(r.eigenvalues[2]).toBeLessThan(-1e-2);
  });

  it('reaches N = 100 (population sector of 2601) without a dense eigendecomposition of L', () => {
    const r = liouvillianEigenvalues(ensembleDicke({ n: 100, V: 3, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 }), { count: 3 });
    expect(r.blockSize).toBe(51 * 51);
    expectClose(r.eigenvalues[0], 0, { atol: 1e-10 });
    expect(r.eigenvalues[2]).toBeLessThan(0);
  });

  it('works on a Lindbladian (population block of the vdP pair), matching dense QR of that block', () => {
    const { l } = vdpPair(4);
    const r = liouvillianEigenvalues(l, { count: 4 });
    const dense = eigenvalues(csrToDense(liouvillianMatrix(l)));
    for (let k = 0; k < r.eigenvalues.length; k += 2) expect(nearest(dense, r.eigenvalues[k], r.eigenvalues[k + 1])).toBeLessThan(1e-9);
  });

  it('refuses bad options by name', () => {
    const l = ensembleDicke({ n: 3, V: 1, gammaPlus: 1, gammaMinus: 1 });
    expect(() => liouvillianEigenvalues(l, { count: 0 })).toThrow(/'count' must be an integer in 1…/);
    expect(() => liouvillianEigenvalues(l, { tol: 2 })).toThrow(/'tol' must be in \(0, 1\)/);
    expect(() => liouvillianEigenvalues(l, { shift: 0 })).toThrow(/singular at σ = 0/);
    expect(() => liouvillianEigenvalues(vdpPair(2).l, { difference: 1 })).toThrow(/'difference' selects a sector/);
    expect(() => liouvillianEigenvalues(l, { count: 4, maxKrylov: 3 })).toThrow(/'maxKrylov' must be an integer ≥ count = 4, got 3/);
    expect(() => liouvillianEigenvalues(l, { maxKrylov: 10.5 })).toThrow(/'maxKrylov' must be an integer/);
    expect(() => liouvillianEigenvalues(l, { shift: NaN })).toThrow(/'shift' must be a finite number or Complex/);
    expect(() => liouvillianEigenvalues(l, { shift: { re: 0.1, im: Infinity } })).toThrow(/'shift' must be a finite number or Complex/);
  });

  it('says so when Arnoldi does not converge within maxKrylov', () => {
    // N = 20: a population block of 121; 6 eigenvalues to 1e-13 cannot come out of a 6-dimensional Krylov space
    const l = ensembleDicke({ n: 20, V: 3, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 });
    expect(() => liouvillianEigenvalues(l, { count: 6, maxKrylov: 6, tol: 1e-13 })).toThrow(
      /^liouvillianEigenvalues: shift-invert Arnoldi did not converge to 'tol' = 1e-13 within a Krylov dimension of 6/,
    );
  });
});

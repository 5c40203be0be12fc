import { describe, expect, it } from 'vitest';
import { kerrBenchModel, KERR_BENCH_PARAMS } from './kerr-bench-model';

/** H[i][j] (complex) of a CSR operator, 0 where not stored. */
function entry(m: ReturnType<typeof kerrBenchModel>['hamiltonian']['matrix'], i: number, j: number): [number, number] {
  for (let p = m.rowPtr[i]; p < m.rowPtr[i + 1]; p++) if (m.colIdx[p] === j) return [m.data[2 * p], m.data[2 * p + 1]];
  return [0, 0];
}

describe('kerrBenchModel', () => {
  it('has the matrix elements of H = Δa†a − (U/2)a†²a² + F(a + a†) in the Fock basis', () => {
    const { Delta, U, F } = KERR_BENCH_PARAMS;
    const N = 8;
    const H = kerrBenchModel(N).hamiltonian.matrix;
    for (let n = 0; n < N; n++) {
      // ⟨n|H|n⟩ = Δn − (U/2)n(n − 1), ⟨n|H|n+1⟩ = ⟨n+1|H|n⟩ = F√(n + 1); nothing else
      const [re, im] = entry(H, n, n);
      expect(Math.abs(re - (Delta * n - (U / 2) * n * (n - 1)))).toBeLessThan(1e-14);
      expect(im).toBe(0);
      if (n + 1 < N) {
        expect(Math.abs(entry(H, n, n + 1)[0] - F * Math.sqrt(n + 1))).toBeLessThan(1e-14);
        expect(Math.abs(entry(H, n + 1, n)[0] - F * Math.sqrt(n + 1))).toBeLessThan(1e-14);
      }
      if (n + 2 < N) expect(entry(H, n, n + 2)).toEqual([0, 0]);
    }
  });

  it('has loss γ(1 + n_th)D[a] and gain γ n_th D[a†], from |0⟩, at cutoff 50 by default', () => {
    const m = kerrBenchModel();
    expect([m.loss.rate, m.gain.rate]).toEqual([1.2, 0.2]);
    expect(m.rho0.matrix.rows).toBe(50);
    // a|1⟩ = |0⟩: the loss jump lowers, the gain jump raises
    expect(entry(m.loss.jump.matrix, 0, 1)).toEqual([1, 0]);
    expect(entry(m.gain.jump.matrix, 1, 0)).toEqual([1, 0]);
    expect(m.rho0.matrix.data[0]).toBe(1);
  });
});

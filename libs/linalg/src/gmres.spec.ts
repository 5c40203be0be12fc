import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { gmres } from './gmres';
import { ilu0 } from './ilu0';
import { solveDense } from './solve-dense';
import { convectionDiffusion, csrApply } from './test-support/convection-diffusion';
import { denseFromCsr, randomVector, seededUniform, vecNormInf } from './test-support/solver-fixtures';

/** out = diag(d)·x. */
function diagonal(d: ArrayLike<number>) {
  return (out: Float64Array, x: Float64Array) => {
    for (let k = 0; k < d.length / 2; k++) {
      out[2 * k] = d[2 * k] * x[2 * k] - d[2 * k + 1] * x[2 * k + 1];
      out[2 * k + 1] = d[2 * k] * x[2 * k + 1] + d[2 * k + 1] * x[2 * k];
    }
  };
}

/** Cyclic shift (x_{k−1} → position k), a unitary matrix on which GMRES(m < n) stagnates. */
function cyclicShift(out: Float64Array, x: Float64Array): void {
  const n = x.length / 2;
  for (let k = 0; k < n; k++) {
    const from = (k + n - 1) % n;
    out[2 * k] = x[2 * from];
    out[2 * k + 1] = x[2 * from + 1];
  }
}

/** min over x ∈ span{b, Ab, …, A^{k−1}b} of ‖b − A·x‖₂, by projecting b on an orthonormal basis of A·K_k. */
function krylovLeastSquaresResidual(apply: (out: Float64Array, x: Float64Array) => void, b: Float64Array, k: number): number {
  const basis: Float64Array[] = [];
  let v = Float64Array.from(b);
  for (let j = 0; j < k; j++) {
    const w = new Float64Array(b.length);
    apply(w, v);
    v = Float64Array.from(w); // the next power A^{j+1}b, kept unorthogonalised
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        let dr = 0;
        let di = 0; // ⟨q, w⟩
        for (let i = 0; i < w.length; i += 2) {
          dr += q[i] * w[i] + q[i + 1] * w[i + 1];
          di += q[i] * w[i + 1] - q[i + 1] * w[i];
        }
        for (let i = 0; i < w.length; i += 2) {
          w[i] -= dr * q[i] - di * q[i + 1];
          w[i + 1] -= dr * q[i + 1] + di * q[i];
        }
      }
    }
    const norm = Math.hypot(...w);
    basis.push(w.map((x) => x / norm));
  }
  const r = Float64Array.from(b);
  for (const q of basis) {
    let dr = 0;
    let di = 0;
    for (let i = 0; i < r.length; i += 2) {
      dr += q[i] * r[i] + q[i + 1] * r[i + 1];
      di += q[i] * r[i + 1] - q[i + 1] * r[i];
    }
    for (let i = 0; i < r.length; i += 2) {
      r[i] -= dr * q[i] - di * q[i + 1];
      r[i + 1] -= dr * q[i + 1] + di * q[i];
    }
  }
  return Math.hypot(...r);
}

describe('gmres', () => {
  it('runs the doc example', () => {
    const res = gmres(diagonal([2, 0, 0, 4]), Float64Array.of(2, 0, 2, 0));
    expect(res.iterations).toBe(2);
    expect(res.converged).toBe(true);
    // two exact Arnoldi steps on a 2×2 system: a few ulps
    expectClose(res.x, [1, 0, 0, -0.5], { atol: 1e-15 });
  });

  const w = 16;
  const a = convectionDiffusion(w, 0.4, 0.3);
  const n = w * w;
  const b = randomVector(n, seededUniform(5));
  const reference = solveDense(denseFromCsr(a), b);

  it('solves a nonsymmetric complex convection–diffusion system and matches the dense solve', () => {
    const res = gmres(csrApply(a), b, { tol: 1e-10, restart: 40, maxIterations: 2000 });
    expect(res.converged).toBe(true);
    expect(res.residualNorm).toBeLessThanOrEqual(1e-10);
    // forward error ≤ κ(A)·relative residual; κ ≈ 1e2 on a 16×16 grid
    expectClose(res.x, reference, { atol: 1e-7 * vecNormInf(reference) });
  });

  it('needs fewer iterations with the ILU(0) preconditioner and reaches the same solution', () => {
    const options = { tol: 1e-10, restart: 40, maxIterations: 2000 };
    const plain = gmres(csrApply(a), b, options);
    const pre = gmres(csrApply(a), b, { ...options, precondition: ilu0(a) });
    expect(pre.converged).toBe(true);
    expect(pre.iterations).toBeLessThan(plain.iterations / 2);
    // same system, same tolerance as above
    expectClose(pre.x, reference, { atol: 1e-7 * vecNormInf(reference) });
  });

  it('reports non-convergence with converged = false and a finite residual', () => {
    // GMRES(4) on the 8-cycle with b = e_1 makes no progress at all: residual stays exactly 1
    const e1 = new Float64Array(16);
    e1[0] = 1;
    const stalled = gmres(cyclicShift, e1, { restart: 4, maxIterations: 40 });
    expect(stalled.converged).toBe(false);
    expect(stalled.iterations).toBe(40);
    expectClose(stalled.residualNorm, 1, { atol: 1e-14 }); // x stays 0 up to rounding
    // too few iterations on the convection–diffusion system: not converged, and x is what GMRES
    // promises after k = 5 steps from x0 = 0, the minimiser of ‖b − A·x‖ over x ∈ K_5(A, b)
    const short = gmres(csrApply(a), b, { maxIterations: 5 });
    expect(short.converged).toBe(false);
    expect(short.iterations).toBe(5);
    // the reported residual is the true one of the returned x
    const ax = new Float64Array(2 * n);
    csrApply(a)(ax, short.x);
    const bNorm = Math.hypot(...b);
    expectClose(short.residualNorm, Math.hypot(...ax.map((v, k) => b[k] - v)) / bNorm, { rtol: 1e-12 });
    // and the least-squares optimum over K_5 by an independent route: min ‖b − W·c‖ = ‖b − QQ†b‖
    // for an orthonormal basis Q of W = [Ab, …, A⁵b] (Gram–Schmidt twice); W is well conditioned
    // enough at k = 5 that both agree to ~1e-12, far below the residual (≈ 0.3)
    expectClose(short.residualNorm, krylovLeastSquaresResidual(csrApply(a), b, 5) / bNorm, { rtol: 1e-9 });
  });

  it('survives a singular system without NaN', () => {
    // diag(1, 0)·x = (1, 1) has no solution; the best residual is 1/√2 of ‖b‖
    const res = gmres(diagonal([1, 0, 0, 0]), Float64Array.of(1, 0, 1, 0), { maxIterations: 20 });
    expect(res.converged).toBe(false);
    expect(res.x.every(Number.isFinite)).toBe(true);
    // no blow-up along the null direction (a tiny rotated pivot is dropped, not divided by)
    expect(vecNormInf(res.x)).toBeLessThan(10);
    expectClose(res.residualNorm, Math.SQRT1_2, { rtol: 1e-12 }); // least-squares optimum
    // A = 0: no direction at all
    const zero = gmres(diagonal([0, 0, 0, 0]), Float64Array.of(1, 0, 0, 0), { maxIterations: 3 });
    expect(zero.converged).toBe(false);
    expect(zero.residualNorm).toBe(1);
  });

  it('ends at an invariant Krylov space: k distinct eigenvalues need k steps', () => {
    // diag with eigenvalues {1, 2i, −3} repeated: the Krylov space has dimension 3
    const d = [1, 0, 0, 2, -3, 0, 1, 0, 0, 2, -3, 0];
    const res = gmres(diagonal(d), randomVector(6, seededUniform(2)));
    expect(res.iterations).toBe(3);
    expect(res.converged).toBe(true);
  });

  it('starts from x0 and returns at once when it already solves the system; b = 0 gives x = 0', () => {
    const res = gmres(csrApply(a), b, { x0: reference });
    expect(res.iterations).toBe(0);
    expect(res.converged).toBe(true);
    const zero = gmres(csrApply(a), new Float64Array(2 * n), { x0: b });
    expect(zero.residualNorm).toBe(0);
    expect(zero.x.every((v) => v === 0)).toBe(true);
  });

  it('rejects bad arguments, naming them', () => {
    const ok = diagonal([1, 0, 1, 0]);
    const b2 = Float64Array.of(1, 0, 1, 0);
    expect(() => gmres(null as unknown as typeof ok, b2)).toThrow(/gmres: argument 'apply' must be a function/);
    expect(() => gmres(ok, new Float64Array(3))).toThrow(/argument 'b' must be a Float64Array of even length/);
    expect(() => gmres(ok, Float64Array.of(NaN, 0))).toThrow(/argument 'b' must be finite/);
    expect(() => gmres(ok, b2, { tol: 0 })).toThrow(/option 'tol' must be a finite number > 0/);
    expect(() => gmres(ok, b2, { restart: 0 })).toThrow(/option 'restart' must be an integer ≥ 1/);
    expect(() => gmres(ok, b2, { maxIterations: 1.5 })).toThrow(/option 'maxIterations'/);
    expect(() => gmres(ok, b2, { x0: new Float64Array(2) })).toThrow(/argument 'x0' must have length 2·n = 4/);
    expect(() =>
      gmres(ok, b2, { precondition: 3 as unknown as (o: Float64Array, x: Float64Array) => void }),
    ).toThrow(/option 'precondition' must be a function/);
    const bad = (out: Float64Array) => out.fill(NaN);
    expect(() => gmres(bad, b2)).toThrow(/argument 'apply' returned a non-finite value/);
    expect(() => gmres(ok, b2, { precondition: bad })).toThrow(
      /argument 'precondition' returned a non-finite value/,
    );
  });
});

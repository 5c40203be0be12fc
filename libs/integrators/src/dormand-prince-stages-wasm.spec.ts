import { describe, expect, it } from 'vitest';
import { createDormandPrince } from './create-dormand-prince';
import { dormandPrinceStagesWasm } from './dormand-prince-stages-wasm';

/** Deterministic numbers in (−1, 1). */
function fill(a: Float64Array, seed: number): void {
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(seed * 12.9898 + i * 78.233) * 0.9;
}

describe('dormandPrinceStagesWasm', () => {
  it.each([1, 7, 64, 301])('each combination equals the JavaScript sum bit for bit (n = %i, odd n padded)', (n) => {
    const w = dormandPrinceStagesWasm(n);
    expect(w).not.toBeNull();
    if (w === null) return;
    fill(w.y, 1);
    w.k.forEach((k, j) => fill(k, j + 2));
    const c = [0.3, -1.7, 2.25, 0.125, -0.6, 1e-3, -2e-3, 3e-3, -4e-3, 5e-3];
    w.coef.set(c);
    for (let kind = 1; kind <= 5; kind++) {
      w.run(kind);
      for (let i = 0; i < n; i++) {
        let s = w.y[i];
        for (let j = 0; j < kind; j++) s = s + c[j] * w.k[j][i];
        expect(w.yStage[i]).toBe(s);
      }
    }
    w.run(6);
    const ks = [0, 2, 3, 4, 5]; // k1, k3, k4, k5, k6
    for (let i = 0; i < n; i++) {
      let s = w.y[i];
      let e = c[5] * w.k[0][i];
      ks.forEach((kj, q) => {
        s = s + c[q] * w.k[kj][i];
        if (q > 0) e = e + c[5 + q] * w.k[kj][i];
      });
      expect(w.yNew[i]).toBe(s);
      expect(w.yStage[i]).toBe(e);
    }
  });

  it.each([1, 7, 64, 301])('the error sum, continuous extension and interpolation equal the JavaScript loops (n = %i)', (n) => {
    const w = dormandPrinceStagesWasm(n);
    expect(w).not.toBeNull();
    if (w === null) return;
    fill(w.y, 1);
    fill(w.yNew, 11);
    fill(w.yStage, 12);
    w.k.forEach((k, j) => fill(k, j + 2));
    const [e7, atol, rtol, hs] = [-0.025, 1e-3, 1e-2, 0.03];
    w.coef.set([e7, atol, rtol]);
    w.run(7);
    // kind 7 covers the even part; the lane sums may round differently from one running sum
    let sum = 0;
    for (let i = 0; i < n - (n & 1); i++) {
      const a = Math.abs(w.y[i]);
      const b = Math.abs(w.yNew[i]);
      const q = (w.yStage[i] + e7 * w.k[6][i]) / (atol + rtol * (a > b ? a : b));
      sum += q * q;
    }
    expect(Math.abs(w.coef[10] + w.coef[11] - sum)).toBeLessThanOrEqual(1e-14 * sum);
    expect(w.coef[12] + w.coef[13]).toBe(0);
    if (n > 1) {
      w.yNew[0] = Infinity; // a non-finite y_new shows as NaN in the finiteness sum
      w.run(7);
      expect(w.coef[12] + w.coef[13]).toBeNaN();
      fill(w.yNew, 11);
    }
    w.coef[0] = hs;
    w.run(8);
    const D = [-12715105075 / 11282082432, 87487479700 / 32700410799, -10690763975 / 1880347072, 701980252875 / 199316789632, -1453857185 / 822651844, 69997945 / 29380423];
    const [k1, , k3, k4, k5, k6, k7] = w.k;
    for (let i = 0; i < n; i++) {
      const dy = w.yNew[i] - w.y[i];
      const b = hs * k1[i] - dy;
      expect([w.r[0][i], w.r[1][i], w.r[2][i], w.r[3][i]]).toEqual([w.y[i], dy, b, dy - hs * k7[i] - b]);
      expect(w.r[4][i]).toBe(hs * (D[0] * k1[i] + D[1] * k3[i] + D[2] * k4[i] + D[3] * k5[i] + D[4] * k6[i] + D[5] * k7[i]));
    }
    const [th, th1] = [0.37, 0.63];
    w.coef.set([th, th1]);
    w.run(9);
    const r = w.r;
    for (let i = 0; i < n; i++) expect(w.yOut[i]).toBe(r[0][i] + th * (r[1][i] + th1 * (r[2][i] + th * (r[3][i] + th1 * r[4][i]))));
  });

  it('runs createDormandPrince on 100 damped rotations (n = 200, the WebAssembly path) to the tolerance, and like n below the threshold', () => {
    // pair m: (x, y)' = (−γx − ωy, ωx − γy), from (1, 0): x = e^{−γt} cos ωt, y = e^{−γt} sin ωt
    const M = 100;
    const om = Float64Array.from({ length: M }, (_, m) => 0.5 + 0.1 * m);
    const ga = Float64Array.from({ length: M }, (_, m) => 0.05 * (m % 7));
    const rhs = (out: Float64Array, y: Float64Array) => {
      for (let m = 0; m < out.length / 2; m++) {
        out[2 * m] = -ga[m] * y[2 * m] - om[m] * y[2 * m + 1];
        out[2 * m + 1] = om[m] * y[2 * m] - ga[m] * y[2 * m + 1];
      }
    };
    const y0 = new Float64Array(2 * M);
    for (let m = 0; m < M; m++) y0[2 * m] = 1;
    const s = createDormandPrince(rhs, y0, 0, { rtol: 1e-9, atol: 1e-11 });
    const y = new Float64Array(2 * M);
    s.advanceTo(3, y);
    let worst = 0;
    for (let m = 0; m < M; m++) {
      const d = Math.exp(-ga[m] * 3);
      worst = Math.max(worst, Math.abs(y[2 * m] - d * Math.cos(om[m] * 3)), Math.abs(y[2 * m + 1] - d * Math.sin(om[m] * 3)));
    }
    expect(worst).toBeLessThan(1e-7);
    // the same 10 pairs alone (n = 20 < 64: the JavaScript loops) against 10 copies of them (n = 200:
    // WebAssembly): the same steps, and the same values up to the rounding of the error norm's sum
    const sub = (out: Float64Array, yy: Float64Array) => {
      for (let m = 0; m < out.length / 2; m++) {
        const q = 90 + m;
        out[2 * m] = -ga[q] * yy[2 * m] - om[q] * yy[2 * m + 1];
        out[2 * m + 1] = om[q] * yy[2 * m] - ga[q] * yy[2 * m + 1];
      }
    };
    const big = (out: Float64Array, yy: Float64Array) => {
      // 10 copies of the block (n = 200): the error norm is the same RMS, so the steps match
      for (let r = 0; r < 10; r++) {
        for (let m = 0; m < 10; m++) {
          const q = 90 + m;
          const p = 20 * r + 2 * m;
          out[p] = -ga[q] * yy[p] - om[q] * yy[p + 1];
          out[p + 1] = om[q] * yy[p] - ga[q] * yy[p + 1];
        }
      }
    };
    const a0 = new Float64Array(20);
    for (let m = 0; m < 10; m++) a0[2 * m] = 1;
    const b0 = new Float64Array(200);
    for (let r = 0; r < 10; r++) b0.set(a0, 20 * r);
    const sa = createDormandPrince(sub, a0, 0, { rtol: 1e-8, atol: 1e-10 });
    const sb = createDormandPrince(big, b0, 0, { rtol: 1e-8, atol: 1e-10 });
    const ya = new Float64Array(20);
    const yb = new Float64Array(200);
    sa.advanceTo(2, ya);
    sb.advanceTo(2, yb);
    expect(sb.stats).toEqual(sa.stats);
    for (let r = 0; r < 10; r++) ya.forEach((v, i) => expect(Math.abs(yb[20 * r + i] - v)).toBeLessThan(1e-13));
  });
});

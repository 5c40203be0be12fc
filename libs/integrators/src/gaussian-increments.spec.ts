import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { gaussianIncrements } from './gaussian-increments';

describe('gaussianIncrements', () => {
  it('runs the doc example', () => {
    const inc = gaussianIncrements(createRng(1));
    const dW = new Float64Array(4);
    inc(dW, null, 0.01);
    // the same normals, scaled by √h: ΔW = √h ξ
    const xi = new Float64Array(4);
    createRng(1).fillNormalZigguratInto(xi);
    expect(Array.from(dW)).toEqual(Array.from(xi, (x) => 0.1 * x));
  });

  it('draws (ΔW, ΔZ) with Var ΔW = h, Var ΔZ = h³/3, Cov = h²/2 and zero means', () => {
    const n = 1 << 16;
    const h = 0.3;
    const dW = new Float64Array(n);
    const dZ = new Float64Array(n);
    gaussianIncrements(createRng(11))(dW, dZ, h);
    let mw = 0;
    let mz = 0;
    let ww = 0;
    let zz = 0;
    let wz = 0;
    for (let i = 0; i < n; i++) {
      mw += dW[i];
      mz += dZ[i];
      ww += dW[i] * dW[i];
      zz += dZ[i] * dZ[i];
      wz += dW[i] * dZ[i];
    }
    // Standard errors of Gaussian sample moments from n = 65536 draws: mean σ/√n, second moments
    // √2·σ²/√n (≈ 0.55 % relative), the cross moment √(σ_W²σ_Z² + c²)/√n; tolerances are 4 SE.
    const se = 4 / Math.sqrt(n);
    expectClose(mw / n, 0, { atol: se * Math.sqrt(h) });
    expectClose(mz / n, 0, { atol: se * Math.sqrt(h ** 3 / 3) });
    expectClose(ww / n, h, { rtol: se * Math.SQRT2 });
    expectClose(zz / n, h ** 3 / 3, { rtol: se * Math.SQRT2 });
    expectClose(wz / n, h ** 2 / 2, { atol: se * Math.sqrt((h * h ** 3) / 3 + h ** 4 / 4) });
    // the correlation √3/2 is what makes ΔZ an integral of the same W (independent would give 0);
    // sample-correlation SE ≈ (1 − ρ²)/√n = 0.001, so 0.005 is 5 SE
    expectClose(wz / Math.sqrt(ww * zz), Math.sqrt(3) / 2, { atol: 0.005 });
  });

  it('draws all ξ of a step, then all ξ′: a fixed order, so a seed fixes the increments', () => {
    const dW = new Float64Array(3);
    const dZ = new Float64Array(3);
    gaussianIncrements(createRng(5))(dW, dZ, 0.5);
    const xi = new Float64Array(6);
    createRng(5).fillNormalZigguratInto(xi);
    const h = 0.5;
    for (let i = 0; i < 3; i++) {
      expect(dW[i]).toBe(Math.sqrt(h) * xi[i]);
      expect(dZ[i]).toBe(0.5 * h * (dW[i] + Math.sqrt(h / 3) * xi[3 + i]));
    }
  });
});

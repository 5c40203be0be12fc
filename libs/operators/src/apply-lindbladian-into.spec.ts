import { describe, expect, it } from 'vitest';
import { csrMatvecInto, denseZeros } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { scaled } from './algebra';
import { applyLindbladianInto } from './apply-lindbladian-into';
import { lindbladian } from './lindbladian';
import { liouvillianMatrix } from './liouvillian-matrix';
import { spinHalfSpace } from './space';
import { createRng, randomDensity, randomLindbladian } from './test-support/random-operators';
import { sigmaMinus, sigmaZ } from './spin-half-operators';

describe('applyLindbladianInto', () => {
  const rng = createRng(21);

  it('two-level amplitude damping: ρ̇_11 = −γρ_11, ρ̇_00 = γρ_11, ρ̇_01 = (iω − γ/2)ρ_01', () => {
    const s = spinHalfSpace();
    const omega = 0.9;
    const gamma = 0.35;
    const l = lindbladian(scaled(sigmaZ(s), omega / 2), [{ rate: gamma, jump: sigmaMinus(s) }]);
    const rho = randomDensity(rng, [2]).matrix;
    const out = applyLindbladianInto(denseZeros(2, 2), l, rho);
    const r = rho.data;
    const d = out.data;
    // each entry is a sum of two or three rounded products: rtol 1e-15 (a few ulps)
    expectClose([d[6], d[7]], [-gamma * r[6], -gamma * r[7]], { rtol: 1e-15, atol: 1e-17 });
    expectClose([d[0], d[1]], [gamma * r[6], gamma * r[7]], { rtol: 1e-15, atol: 1e-17 });
    // (iω − γ/2)(x + iy) = (−γx/2 − ωy) + i(ωx − γy/2)
    const [x, y] = [r[2], r[3]];
    expectClose([d[2], d[3]], [-(gamma / 2) * x - omega * y, omega * x - (gamma / 2) * y], { rtol: 1e-14 });
  });

  it('equals liouvillianMatrix·vec(ρ) with row-major vec (random L with cross dissipators)', () => {
    const dims = [2, 3];
    const l = randomLindbladian(rng, dims);
    const rho = randomDensity(rng, dims).matrix;
    const viaMatrix = new Float64Array(72);
    csrMatvecInto(viaMatrix, liouvillianMatrix(l), rho.data);
    const direct = applyLindbladianInto(denseZeros(6, 6), l, rho);
    // entries ~10 from sums of ~100 products in different orders: 1e-13 absolute
    expectClose(direct.data, viaMatrix, { atol: 1e-13 });
  });

  it('rejects wrongly sized matrices and out aliasing rho', () => {
    const l = randomLindbladian(rng, [2]);
    const rho = randomDensity(rng, [2]).matrix;
    expect(() => applyLindbladianInto(denseZeros(3, 3), l, rho)).toThrow(
      "applyLindbladianInto: argument 'out' must be a 2×2 DenseMatrix, got 3×3",
    );
    expect(() => applyLindbladianInto(denseZeros(2, 2), l, denseZeros(2, 1))).toThrow(
      "applyLindbladianInto: argument 'rho' must be a 2×2 DenseMatrix, got 2×1",
    );
    expect(() => applyLindbladianInto(rho, l, rho)).toThrow("applyLindbladianInto: argument 'out' must not share memory with 'rho'");
  });
});

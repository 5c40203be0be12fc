// Wiener increments drawn from a seeded generator (internal to the SDE steppers).
import type { Rng } from '@qsync/linalg';
import type { WienerIncrements } from './sde-types';

/**
 * Wiener increments from `rng` (ziggurat normals, `fillNormalZigguratInto`): ΔW = √h ξ and, when asked for, ΔZ = ½ h (ΔW + √(h/3) ξ′) with
 * independent standard normals ξ, ξ′ (Kloeden & Platen 1992, §10.4), so that
 * Var ΔW = h, Var ΔZ = h³/3 and Cov(ΔW, ΔZ) = h²/2. Per step all ξ are drawn first, then all
 * ξ′: the same generator state gives the same increments, bit for bit. Allocates nothing.
 *
 * @param rng - the source of standard normals
 * @returns a {@link WienerIncrements} writing into the caller's arrays
 * @example
 * const inc = gaussianIncrements(createRng(1));
 * const dW = new Float64Array(100_000);
 * inc(dW, null, 0.01);
 * // Var ΔW = h = 0.01, here to the sampling error h·√(2/n) = 4.5e-5 of 10⁵ draws
 * dW.reduce((s, x) => s + x * x, 0) / dW.length; // ≈ 0.0099
 */
export function gaussianIncrements(rng: Rng): WienerIncrements {
  return (dW, dZ, h) => {
    rng.fillNormalZigguratInto(dW, 0, dW.length, Math.sqrt(h));
    if (dZ !== null) {
      rng.fillNormalZigguratInto(dZ);
      const c = Math.sqrt(h / 3);
      const half = 0.5 * h;
      for (let i = 0; i < dZ.length; i++) dZ[i] = half * (dW[i] + c * dZ[i]);
    }
  };
}

// Brownian paths shared between SDE runs of different step sizes (test support).
import type { Rng } from '@qsync/linalg';
import type { WienerIncrements } from '../sde-types';

/**
 * A sampled Brownian path for `paths` independent realizations over `steps` fine steps of
 * length h: per fine step k and realization p, ΔW and ΔZ = ∫ (W(s) − W(t_k)) ds, stored
 * step-major (index k·paths + p), the batch layout of the SDE steppers.
 */
export interface BrownianPath {
  readonly paths: number;
  readonly steps: number;
  readonly h: number;
  readonly dW: Float64Array;
  readonly dZ: Float64Array;
}

/**
 * Draws a path: ΔW = √h ξ, ΔZ = ½ h (ΔW + √(h/3) ξ′) with independent normals, the exact joint
 * law of (ΔW, ΔZ) (Var ΔZ = h³/3, Cov = h²/2; Kloeden & Platen 1992, §10.4).
 */
export function brownianPath(paths: number, steps: number, h: number, rng: Rng): BrownianPath {
  const dW = new Float64Array(paths * steps);
  const dZ = new Float64Array(paths * steps);
  const xi = new Float64Array(2);
  const sh = Math.sqrt(h);
  const c = Math.sqrt(h / 3);
  for (let i = 0; i < dW.length; i++) {
    rng.fillGaussianInto(xi);
    dW[i] = sh * xi[0];
    dZ[i] = 0.5 * h * (dW[i] + c * xi[1]);
  }
  return { paths, steps, h, dW, dZ };
}

/**
 * Wiener increments of a coarse run on the same path: each call consumes the next `m` fine steps
 * (k = 0 … m−1 from t_0) and writes ΔW = Σ ΔW_k and ΔZ = Σ [ΔZ_k + (W(t_k) − W(t_0)) h]. Throws
 * when the stepper asks for a step other than m·h or runs past the end of the path.
 */
export function coarseIncrements(path: BrownianPath, m: number): WienerIncrements {
  const { paths, steps, h } = path;
  if (steps % m !== 0) throw new Error(`coarseIncrements: m = ${m} must divide the ${steps} fine steps`);
  let next = 0; // first fine step not yet consumed
  return (dW, dZ, hCoarse) => {
    if (Math.abs(hCoarse - m * h) > 1e-9 * m * h) {
      throw new Error(`coarseIncrements: expected a step of ${m * h}, got ${hCoarse}`);
    }
    if (next + m > steps) throw new Error('coarseIncrements: ran past the end of the Brownian path');
    dW.fill(0); // running W(t_k) − W(t_0)
    if (dZ !== null) dZ.fill(0);
    for (let k = next; k < next + m; k++) {
      const row = k * paths;
      if (dZ !== null) for (let p = 0; p < paths; p++) dZ[p] += path.dZ[row + p] + dW[p] * h;
      for (let p = 0; p < paths; p++) dW[p] += path.dW[row + p];
    }
    next += m;
  };
}

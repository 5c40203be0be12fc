import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link tiltedWashboardDiffusion}: the noisy Adler equation (2.25) and the quadrature grid. */
export interface TiltedWashboardDiffusionConfig {
  /** detuning δ (rate) */
  delta: number;
  /** coupling V ≥ 0 (rate) */
  V: number;
  /** noise amplitude σ > 0 (σ² a rate) */
  sigma: number;
  /** outer (x) points, periodic midpoint rule, integer ≥ 8 (default 256) */
  xPoints?: number;
  /** inner (y) intervals, composite Simpson, even integer ≥ 8 (default 2048) */
  yIntervals?: number;
}

/** The parameter table of {@link tiltedWashboardDiffusion}. */
export const tiltedWashboardDiffusionParameters: ParameterTable = {
  delta: { description: 'detuning δ' },
  V: { description: 'coupling V', min: 0 },
  sigma: { description: 'noise amplitude σ', min: 0, exclusiveMin: true },
  xPoints: { description: 'outer quadrature points', min: 8, integer: true, default: 256 },
  yIntervals: { description: 'inner quadrature intervals (even)', min: 8, integer: true, default: 2048 },
};

/**
 * Mean velocity and effective diffusion coefficient of the noisy Adler equation (thesis Eq. 2.25),
 * dφ = (δ − V sin φ) dt + σ dW, in the tilted washboard U(φ) = −δφ − V cos φ (Eq. 2.26): the
 * closed forms of Reimann et al., Phys. Rev. Lett. 87, 010602 (2001), with noise intensity
 * Dn = σ²/2 and period L = 2π,
 *
 *   I₊(x) = (1/Dn) ∫₀^L e^{(U(x) − U(x − y))/Dn} dy,   I₋(x) = (1/Dn) ∫₀^L e^{(U(x + y) − U(x))/Dn} dy,
 *   ⟨φ̇⟩ = L (1 − e^{−δL/Dn}) / ∫₀^L I₊ dx,   D_eff = Dn ⟨I₊² I₋⟩ / ⟨I₊⟩³   (⟨·⟩ the mean over a period),
 *
 * so that Var φ(t) grows as 2·D_eff·t at late times: near the edge of the Arnold tongue the
 * noise-driven slips make D_eff several times the free Dn. Quadrature on a fixed grid (x: periodic
 * midpoint rule, spectrally accurate; y: composite Simpson), accurate to ~1e-8 while the exponent
 * changes by much less than 1 per y step (Dn/|δ| ≫ 2π/yIntervals); V = 0 gives ⟨φ̇⟩ = δ and
 * D_eff = Dn to that accuracy.
 *
 * @param config - delta, V, sigma and the grid (see {@link TiltedWashboardDiffusionConfig})
 * @returns `velocity` ⟨φ̇⟩ (rad per time unit; equals {@link tiltedWashboard}'s) and `diffusion` D_eff (rad² per time unit)
 * @throws Error naming the parameter when one is missing, unknown or out of range
 * @example
 * tiltedWashboardDiffusion({ delta: 1, V: 0, sigma: 0.5 }).diffusion; // 0.125 — free diffusion σ²/2
 * tiltedWashboardDiffusion({ delta: 1.1, V: 1, sigma: 0.5 }).diffusion; // ≈ 0.418 — slips near the tongue's edge
 */
export function tiltedWashboardDiffusion(config: TiltedWashboardDiffusionConfig): { velocity: number; diffusion: number } {
  const p = resolveParameters('tiltedWashboardDiffusion', tiltedWashboardDiffusionParameters, config as unknown as Record<string, unknown>);
  if (p.yIntervals % 2 !== 0) {
    throw new Error(`tiltedWashboardDiffusion: parameter 'yIntervals' must be even (Simpson's rule), got ${p.yIntervals}`);
  }
  const L = 2 * Math.PI;
  const dn = (p.sigma * p.sigma) / 2;
  const nx = p.xPoints;
  const ny = p.yIntervals;
  const u = (x: number) => -p.delta * x - p.V * Math.cos(x);
  const h = L / ny;
  const simpson = (k: number) => ((k === 0 || k === ny ? 1 : k % 2 === 1 ? 4 : 2) * h) / 3;
  let meanPlus = 0;
  let meanPlusPlusMinus = 0;
  for (let i = 0; i < nx; i++) {
    const x = ((i + 0.5) * L) / nx;
    const ux = u(x);
    let ip = 0;
    let im = 0;
    for (let k = 0; k <= ny; k++) {
      const y = k * h;
      const w = simpson(k);
      ip += w * Math.exp((ux - u(x - y)) / dn);
      im += w * Math.exp((u(x + y) - ux) / dn);
    }
    ip /= dn;
    im /= dn;
    meanPlus += ip / nx;
    meanPlusPlusMinus += (ip * ip * im) / nx;
  }
  return {
    velocity: (1 - Math.exp((-p.delta * L) / dn)) / meanPlus,
    diffusion: (dn * meanPlusPlusMinus) / meanPlus ** 3,
  };
}

import { resolveParameters, type ParameterTable } from './parameters';

/**
 * The exact stationary state of the noisy Adler equation (thesis Eq. 2.25),
 *
 *   dφ = (δ − V sin φ) dt + σ dW = −U′(φ) dt + σ dW,   U(φ) = −δφ − V cos φ (Eq. 2.26),
 *
 * on the circle, by quadrature (Risken, "The Fokker–Planck equation", Sec. 11.3; the noise is
 * additive, so Itô and Stratonovich agree). With the noise intensity Dn = σ²/2 its Fokker–Planck
 * equation ∂P/∂t = ∂(U′P)/∂φ + Dn ∂²P/∂φ² has the periodic stationary solution of constant
 * probability current J,
 *
 *   P(φ) = C e^{−U(φ)/Dn} ∫_φ^{φ+2π} e^{U(ψ)/Dn} dψ,   J = C·Dn·(1 − e^{−2πδ/Dn}),
 *
 * (insert: Dn P′ + U′P = C·Dn·(e^{(U(φ+2π) − U(φ))/Dn} − 1) is constant, and U(φ + 2π) = U(φ) − 2πδ
 * makes P periodic), C fixed by ∫P = 1; the mean velocity is ⟨φ̇⟩ = ∫₀^{2π} J dφ = 2πJ. It is the
 * independent reference of simulated phase histograms and observed frequencies of Sec. 2.2
 * (Figs. 2.4, 2.5).
 */
/** Nodes and weights of 8-point Gauss–Legendre quadrature on [−1, 1] (positive half). */
const GL_NODES = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
const GL_WEIGHTS = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

/** Parameters of {@link tiltedWashboard}: the noisy Adler equation (2.25) and the grid. */
export interface TiltedWashboardConfig {
  /** detuning δ (rate) */
  delta: number;
  /** coupling V ≥ 0 (rate) */
  V: number;
  /** noise amplitude σ > 0 (σ² a rate) */
  sigma: number;
  /** grid points n, integer ≥ 8 (default 1024) */
  points?: number;
}

/** The parameter table of {@link tiltedWashboard}. */
export const tiltedWashboardParameters: ParameterTable = {
  delta: { description: 'detuning δ' },
  V: { description: 'coupling V', min: 0 },
  sigma: { description: 'noise amplitude σ', min: 0, exclusiveMin: true },
  points: { description: 'grid points n', min: 8, integer: true, default: 1024 },
};

/** The stationary density on a periodic grid, its maximum, and the mean velocity, from {@link tiltedWashboard}. */
export interface TiltedWashboardState {
  /** grid φ_j = −π + (j + ½)·2π/n, j = 0 … n − 1 (rad) */
  readonly phi: Float64Array;
  /** P(φ_j), normalised: Σ P_j·2π/n = 1 (1/rad) */
  readonly density: Float64Array;
  /** mean phase velocity ⟨φ̇⟩ = 2πJ (rad per time unit) */
  readonly velocity: number;
  /**
   * the maximum of P: the largest grid value refined by the parabola through it and its two
   * neighbours (position to O(h²/w), height to O((h/w)⁴) for a peak of width w = √(Dn/V)). With
   * noise it sits below the noise-free lock arcsin(δ/V) (Eq. 2.22): at the maximum P′ = 0, so
   * J = (δ − V sin φ*)P(φ*), sin φ* = (δ − J/P(φ*))/V.
   */
  readonly maximum: { readonly phase: number; readonly density: number };
}

/**
 * Stationary density and mean velocity of dφ = (δ − V sin φ) dt + σ dW on the circle (see the
 * module comment), in O(n) work. With h = 2π/n and the grid φ_j, write
 * Q_j = e^{−U(φ_j)/Dn} ∫_{φ_j}^{φ_j+2π} e^{U/Dn} = Σ_{k=j}^{j+n−1} e^{(U_k − U_j)/Dn} c_k with the
 * one-cell integrals c_k = ∫_{φ_k}^{φ_k+h} e^{(U(ψ) − U_k)/Dn} dψ (periodic in k; each by
 * Gauss–Legendre on sub-cells short enough that the exponent changes by ≤ 1 across one, so exact
 * to ~1e-14). Shifting the window by one cell gives the recursion
 *
 *   Q_j = e^{(U_{j+1} − U_j)/Dn} Q_{j+1} + (1 − e^{−2πδ/Dn}) c_j,
 *
 * all terms positive for δ ≥ 0 (no cancellation), run backwards from Q_n = Q_0, which is summed
 * directly; everything in logarithms, so no exponent overflows. The density is exact at the grid
 * points (up to rounding); only the normalisation ∫P dφ is a periodic trapezoid (spectrally
 * accurate once h resolves the peak width √(Dn/V)). Negative δ maps to δ > 0 by φ → −φ.
 *
 * @param config - delta, V, sigma and the grid size `points` (see {@link TiltedWashboardConfig})
 * @throws Error naming the parameter when one is missing, unknown or out of range
 * @example
 * tiltedWashboard({ delta: 0, V: 0, sigma: 1, points: 8 }).density[3]; // 1 / (2 * Math.PI) — flat
 * tiltedWashboard({ delta: 2, V: 1, sigma: 0.1 }).velocity; // ≈ 1.732054 — √(δ² − V²) = √3 = 1.732051 (Eq. 2.23) plus the noise's O(σ⁴)
 * tiltedWashboard({ delta: 1, V: 2, sigma: 1 }).maximum.phase; // → 0.5108…, below arcsin(δ/V) = π/6 = 0.5236
 */
export function tiltedWashboard(config: TiltedWashboardConfig): TiltedWashboardState {
  const p = resolveParameters('tiltedWashboard', tiltedWashboardParameters, config as unknown as Record<string, unknown>);
  const { delta, V, sigma } = p;
  const n = p.points;
  const flip = delta < 0;
  const d = Math.abs(delta);
  const dn = (sigma * sigma) / 2;
  const h = (2 * Math.PI) / n;
  const phi = new Float64Array(n);
  const u = new Float64Array(n); // U(φ_j)/Dn
  for (let j = 0; j < n; j++) {
    phi[j] = -Math.PI + (j + 0.5) * h;
    u[j] = (-d * phi[j] - V * Math.cos(phi[j])) / dn;
  }
  // ln c_k: sub-cells so that the exponent (|δ| + V)·s/Dn changes by at most 1 across each
  const sub = Math.max(1, Math.ceil((h * (d + V)) / dn));
  const logCell = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const width = h / sub;
    let sum = 0;
    for (let m = 0; m < sub; m++) {
      const mid = (m + 0.5) * width;
      for (let g = 0; g < GL_NODES.length; g++) {
        for (const sign of [-1, 1]) {
          const s = mid + (sign * GL_NODES[g] * width) / 2;
          const exponent = (-d * s - V * (Math.cos(phi[k] + s) - Math.cos(phi[k]))) / dn;
          sum += GL_WEIGHTS[g] * Math.exp(exponent);
        }
      }
    }
    logCell[k] = Math.log((sum * width) / 2);
  }
  // ln Q_0 = ln Σ_{k<n} e^{u_k − u_0 + ln c_k}
  const terms = new Float64Array(n);
  for (let k = 0; k < n; k++) terms[k] = u[k] - u[0] + logCell[k];
  const logQ = new Float64Array(n);
  logQ[0] = logSumExp(terms);
  // ln(1 − e^{−2πδ/Dn}); −∞ at δ = 0, where Q_j = e^{u_{j+1} − u_j} Q_{j+1} (I constant)
  const logGap = d > 0 ? Math.log(-Math.expm1((-2 * Math.PI * d) / dn)) : -Infinity;
  let next = logQ[0]; // Q_n = Q_0 (periodic)
  // u_n = u_0 − 2πδ/Dn: U continues down the tilt
  let uNext = u[0] - (2 * Math.PI * d) / dn;
  for (let j = n - 1; j >= 1; j--) {
    logQ[j] = logAddExp(uNext - u[j] + next, logGap + logCell[j]);
    next = logQ[j];
    uNext = u[j];
  }
  let top = -Infinity;
  for (const q of logQ) top = Math.max(top, q);
  let z = 0;
  for (let j = 0; j < n; j++) z += Math.exp(logQ[j] - top) * h;
  const density = new Float64Array(n);
  for (let j = 0; j < n; j++) density[flip ? n - 1 - j : j] = Math.exp(logQ[j] - top) / z;
  // J = Dn (1 − e^{−2πδ/Dn}) / ∫Q dφ, ∫Q dφ = z·e^{top}
  const current = d > 0 ? Math.exp(Math.log(dn) + logGap - top - Math.log(z)) : 0;
  return { phi, density, velocity: (flip ? -1 : 1) * 2 * Math.PI * current, maximum: parabolaMaximum(phi, density) };
}

/** The largest value of a periodic grid function, refined by the parabola through it and its neighbours. */
function parabolaMaximum(phi: Float64Array, density: Float64Array): { phase: number; density: number } {
  const n = density.length;
  let k = 0;
  for (let j = 1; j < n; j++) if (density[j] > density[k]) k = j;
  const y0 = density[(k + n - 1) % n];
  const y1 = density[k];
  const y2 = density[(k + 1) % n];
  const c = y0 - 2 * y1 + y2;
  if (!(c < 0)) return { phase: phi[k], density: y1 };
  const h = phi[1] - phi[0];
  let phase = phi[k] + (h * (y0 - y2)) / (2 * c);
  if (phase >= Math.PI) phase -= 2 * Math.PI;
  else if (phase < -Math.PI) phase += 2 * Math.PI;
  return { phase, density: y1 - (y0 - y2) ** 2 / (8 * c) };
}

function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
}

function logSumExp(x: Float64Array): number {
  let m = -Infinity;
  for (const v of x) m = Math.max(m, v);
  let s = 0;
  for (const v of x) s += Math.exp(v - m);
  return m + Math.log(s);
}

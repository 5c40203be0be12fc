/** The stationary locked state of the Kuramoto model for given frequencies, from {@link kuramotoLockedState}. */
export interface KuramotoLockedState {
  /** |z| of the locked state (Eq. 2.30), the largest root of the self-consistency; 0 when none is locked */
  readonly abs: number;
  /** 1 for an oscillator locked to the mean field (|ω_j| < V|z|), 0 for one that drifts */
  readonly locked: Uint8Array;
  /** φ_j − ψ = arcsin(ω_j/(V|z|)) of each locked oscillator (rad, in (−π/2, π/2)); NaN marks a drifting one, which has no fixed phase */
  readonly phases: Float64Array;
}

/** Iterations of r ← F(r) before giving up (each costs one pass over the frequencies). */
const MAX_ITERATIONS = 100_000;

/**
 * The partially locked stationary state of N Kuramoto oscillators (Eq. 2.29 without noise) with the
 * given natural frequencies, without simulation: the finite-N form of the self-consistency
 * (2.35)–(2.36). In a stationary z = |z|e^{iψ} each oscillator feels the mean field V|z| (Eq. 2.31),
 * so by the Adler equation one with |ω_j| < V|z| locks at φ_j − ψ = arcsin(ω_j/(V|z|)) (Eq. 2.22)
 * and one with |ω_j| > V|z| drifts. Counting, as the thesis does, no contribution from the drifting
 * ones (exact on average when they come in pairs ±ω_j, e.g. for frequencies symmetric about 0, such
 * as the Lorentzian quantiles of `kuramoto`'s `frequencies: 'quantile'`), |z| solves
 *
 *   |z| = F(|z|),   F(r) = (1/N) Σ_{|ω_j| < Vr} √(1 − (ω_j/(Vr))²),
 *
 * the sum form of Eq. (2.36); for a Lorentzian of width G and N → ∞ its root is √(1 − 2G/V) (2.37).
 * z = 0 always solves it; the locked state is the largest root, found by the iteration r ← F(r)
 * from r = 1: F is non-decreasing and F(1) ≤ 1, so the iterates fall monotonically onto the largest
 * root (to 0 when there is none), at the rate F′ there (stopped when the remaining distance,
 * estimated from two steps, is below 1e-15).
 *
 * Frequencies are measured in the frame that rotates with z (subtract the mean-field frequency).
 *
 * @param frequencies - ω_j of the N oscillators (finite, N ≥ 1; rad per unit time)
 * @param V - coupling V ≥ 0 of Eq. (2.29), in the same unit
 * @throws Error naming `frequencies` or `V` when one is empty, not finite or negative, and when the
 *   iteration has not converged after 100 000 steps (V at the edge of locking, F′ → 1)
 * @example
 * // two oscillators ±ω are the Adler pair with δ = 2ω: |z|² = (1 + √(1 − (2ω/V)²))/2
 * kuramotoLockedState([-0.3, 0.3], 1).abs; // Math.sqrt(0.9) — √((1 + 0.8)/2)
 * kuramotoLockedState([-0.3, 0.3], 1).phases; // Float64Array [-Math.asin(0.6) / 2, Math.asin(0.6) / 2] — φ_AB = arcsin(δ/V), Eq. 2.22
 * kuramotoLockedState([-0.6, 0.6], 1).abs; // 0 — |δ| = 1.2 > V: they drift
 */
export function kuramotoLockedState(frequencies: ArrayLike<number>, V: number): KuramotoLockedState {
  const FN = 'kuramotoLockedState';
  const given = frequencies as ArrayLike<unknown> | null | undefined;
  if (given == null || typeof given !== 'object' || typeof given.length !== 'number' || given.length < 1) {
    throw new Error(`${FN}: argument 'frequencies' must be a non-empty array of numbers, got ${String(frequencies)}`);
  }
  const n = frequencies.length;
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(frequencies[j])) throw new Error(`${FN}: argument 'frequencies' must be finite, got ${frequencies[j]} at index ${j}`);
  }
  if (!(V >= 0) || !Number.isFinite(V)) throw new Error(`${FN}: argument 'V' must be a finite coupling ≥ 0, got ${V}`);

  const F = (r: number): number => {
    const field = V * r;
    let s = 0;
    for (let j = 0; j < n; j++) {
      const x = frequencies[j] / field;
      if (Math.abs(x) < 1) s += Math.sqrt(1 - x * x);
    }
    return s / n;
  };
  let r = V > 0 ? 1 : 0;
  let step = Infinity;
  for (let k = 0; r > 0; k++) {
    if (k === MAX_ITERATIONS) {
      throw new Error(`${FN}: the iteration r ← F(r) has not converged after ${MAX_ITERATIONS} steps (r = ${r}): V = ${V} is at the edge of locking`);
    }
    const next = F(r);
    const last = step;
    step = r - next;
    r = next;
    if (step === 0) break;
    // linear convergence at the rate q = F′: the remaining distance is step·q/(1 − q)
    const q = step / last;
    if (k > 0 && q < 1 && (step * q) / (1 - q) <= 1e-15) break;
  }

  const locked = new Uint8Array(n);
  const phases = new Float64Array(n).fill(Number.NaN);
  for (let j = 0; j < n; j++) {
    const x = frequencies[j] / (V * r);
    if (r > 0 && Math.abs(x) < 1) {
      locked[j] = 1;
      phases[j] = Math.asin(x);
    }
  }
  return { abs: r, locked, phases };
}

/**
 * The phase tracker behind `currentPhase` and `currentPhaseOf`: a one-pole low-pass of the
 * complex current and the unwrapped phase of its output in the thesis's sign (α = r e^{−iφ},
 * so φ = −arg). State carries over from block to block. Not part of the public entry.
 */
const TWO_PI = 2 * Math.PI;

export class PhaseTracker {
  private readonly a: number;
  private yRe = 0;
  private yIm = 0;
  private prevArg = 0;
  private turns = 0;
  private started = false;

  /** `tau` = 0: no filtering; else y_n = a·y_{n−1} + (1 − a)·I_n with a = e^{−Δt/τ}, y_{−1} = 0. */
  constructor(dt: number, tau: number) {
    this.a = tau === 0 ? 0 : Math.exp(-dt / tau);
  }

  /**
   * Tracks samples `from … to − 1` of the interleaved current `x`, writing φ (rad) and |y| into
   * phase[j − from], amplitude[j − from].
   */
  run(x: Float64Array, from: number, to: number, phase: Float64Array, amplitude: Float64Array): void {
    const a = this.a;
    const b = 1 - a;
    let { yRe, yIm, prevArg, turns } = this;
    for (let j = from; j < to; j++) {
      yRe = a * yRe + b * x[2 * j];
      yIm = a * yIm + b * x[2 * j + 1];
      const arg = Math.atan2(yIm, yRe);
      if (this.started) {
        // consecutive raw angles in (−π, π] differ by less than 2π: one turn at most
        const d = arg - prevArg;
        if (d > Math.PI) turns--;
        else if (d < -Math.PI) turns++;
      }
      this.started = true;
      prevArg = arg;
      // 0 − (…): +0, not −0, for a current on the positive real axis
      phase[j - from] = 0 - (arg + TWO_PI * turns);
      amplitude[j - from] = Math.hypot(yRe, yIm);
    }
    this.yRe = yRe;
    this.yIm = yIm;
    this.prevArg = prevArg;
    this.turns = turns;
  }
}

/** Checks the `tau` option: a finite number ≥ 0 (0: no filter). */
export function assertTau(fn: string, tau: unknown): asserts tau is number {
  if (typeof tau !== 'number' || !Number.isFinite(tau) || tau < 0) {
    throw new Error(`${fn}: option 'tau' must be a finite number ≥ 0 (0: no low-pass), got ${String(tau)}`);
  }
}

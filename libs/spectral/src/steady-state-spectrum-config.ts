import type { RegressionOptions } from './regression-problem';

/** Options of {@link steadyStateSpectrum} and {@link steadyStateSpectrumChunked}. */
export interface SteadyStateSpectrumConfig extends RegressionOptions {
  /**
   * 'resolvent' (default): S(ω) = 2 Re Tr[A Y], one sparse solve of (iω − L)Y = X₀ per frequency
   * on the blocks of L that X₀ = Bρ_ss lives in, by the method `solver` picks. 'fourier': the
   * τ-evolution X(τ) = e^{Lτ}X₀ by Dormand–Prince, Fourier-transformed on the same steps. The two
   * agree to about 1e-8 relative with the default tolerances (an independent check of each other).
   */
  method?: 'resolvent' | 'fourier';
  /**
   * 'resolvent': how (iω − L)Y = X₀ is solved on the m unknowns of the blocks.
   * 'band-lu': a band LU of (iω − L) at every frequency, in one reverse Cuthill–McKee ordering.
   * 'gmres': GMRES (restart 100, at most 1000 iterations) preconditioned by ILU(0) of (iω − L),
   * started from the previous frequency's Y; a frequency where it does not reach `tol` is solved
   * by the band LU. 'auto' (default): GMRES where the blocks hold no populations and the band LU
   * would cost more than 1e6 complex multiply-adds per frequency (m·kl·(kl + ku + 1), kl and ku
   * the bandwidths in that ordering; ⟨a†(τ)a⟩ of the vdP pair from cutoff 7 on), the band LU otherwise
   * (small blocks, and the population block, nearly singular at small |ω|). Whatever the solver,
   * a population block at |ω| ≤ 1e-9·max|L_kk| is solved at ω = 0 by a band LU with one unknown
   * pinned.
   */
  solver?: 'auto' | 'band-lu' | 'gmres';
  /** 'resolvent' with GMRES: relative residual at which it stops (default 1e-13). */
  tol?: number;
  /** 'fourier': relative tolerance of the Dormand–Prince steps (default 1e-10). */
  rtol?: number;
  /** 'fourier': absolute tolerance, in units of ρ and of S (default 1e-13). */
  atol?: number;
  /**
   * 'fourier': integrate until ‖X(τ)‖₂ ≤ decay·‖X₀‖₂ (default 1e-12), or until X is at the level
   * of the absolute tolerance, ‖X‖₂ ≤ 10·atol·√(2m) for m kept entries of ρ.
   */
  decay?: number;
  /** 'fourier': give up (with an error) if X has not decayed by this τ (default 1e5). */
  tauMax?: number;
  /**
   * {@link steadyStateSpectrumChunked} only: wall-clock ms of computing between yields to the
   * event loop, as `chunkedObservable`'s option (default 16; 0 yields, and reports progress,
   * after every chunk).
   */
  yieldEvery?: number;
}

import type { RegressionOptions } from './regression-problem';

/** Options of {@link steadyStateSpectrum} and {@link steadyStateSpectrumChunked}. */
export interface SteadyStateSpectrumConfig extends RegressionOptions {
  /**
   * 'resolvent' (default): S(ω) = 2 Re Tr[A (iω − L)⁻¹ X₀], one sparse band LU of (iω − L) per
   * frequency on the blocks of L that X₀ = Bρ_ss lives in. 'fourier': the τ-evolution
   * X(τ) = e^{Lτ}X₀ by Dormand–Prince, Fourier-transformed on the same steps. The two agree to
   * about 1e-8 relative with the default tolerances (an independent check of each other).
   */
  method?: 'resolvent' | 'fourier';
  /**
   * 'resolvent': how (iω − L)Y = X₀ is solved. 'band-lu': band LU after a reverse Cuthill–McKee
   * ordering; 'gmres': GMRES with an ILU(0) preconditioner, warm-started from the previous
   * frequency (band LU where it does not converge); 'auto' (default): GMRES when the band LU
   * would cost more than 1e6 multiply-adds per frequency and X₀ has no population component.
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

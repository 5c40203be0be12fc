/**
 * A sampled two-sided power spectral density: `density[j]` = S(`omega[j]`), `omega`
 * ascending in rad per time unit. Shared result type of the spectral estimators.
 */
export interface Spectrum {
  /** angular frequencies ω_j (rad per time unit), ascending, fftshift order */
  readonly omega: Float64Array;
  /** S(ω_j) in (signal unit)² × time unit; ∫ S dω/2π is the mean power */
  readonly density: Float64Array;
}

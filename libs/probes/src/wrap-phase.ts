const PI = Math.PI;
const TWO_PI = 2 * Math.PI;

/**
 * Reduces a phase to the interval [−π, π): returns φ − 2πk with the integer k that puts it there.
 * Both ends of the circle map to −π (wrapPhase(π) = wrapPhase(3π) = −π), so a histogram on
 * [−π, π) never sees a value at +π. The reduction is exact up to the rounding of 2πk, i.e. about
 * |φ|·2^−52 rad.
 *
 * @param phi - phase in radians, finite (NaN and ±∞ give NaN)
 * @returns the equivalent phase in [−π, π)
 * @example
 * wrapPhase(3 * Math.PI / 2); // -Math.PI / 2
 */
export function wrapPhase(phi: number): number {
  let w = phi - TWO_PI * Math.floor((phi + PI) / TWO_PI);
  // floor of a rounded quotient can be off by one at the ends of the interval
  if (w >= PI) w -= TWO_PI;
  else if (w < -PI) w += TWO_PI;
  return w;
}

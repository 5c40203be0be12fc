import { assertFiniteArray } from './assert';

/** The mean of t² with its expected value and standard error, from {@link meanSquaredT}. */
export interface MeanSquaredT {
  /** the mean of t² */
  readonly value: number;
  /** its expectation ν/(ν − 2) */
  readonly expected: number;
  /** its standard deviation √(Var t²/n) */
  readonly standardError: number;
}

/**
 * The reduced χ² of n independent Student-t statistics t_k with ν degrees of freedom (each a
 * deviation of an estimate from its exact value over the standard error estimated from the same ν + 1
 * independent realizations): the mean of t², with the value it has when every deviation is
 * pure noise, E t² = ν/(ν − 2) (1 for ν → ∞, where t is normal and this is χ²/n), and the standard
 * deviation √(Var t²/n), Var t² = 2ν²(ν − 1)/((ν − 2)²(ν − 4)). It condenses many comparisons
 * with a closed form (a curve, a grid) into one number with an error, where the largest |t| would
 * need a multiple-comparison bound.
 *
 * @param t - the t statistics (at least one, finite)
 * @param nu - degrees of freedom ν > 4 (realizations − 1), so that Var t² is finite
 * @returns `{ value, expected, standardError }`
 * @throws Error naming `t` or `nu` on bad input
 * @example
 * meanSquaredT([1, -2, 0.5, 0], 10); // { value: 1.3125, expected: 1.25, standardError: Math.sqrt(4.6875 / 4) }
 */
export function meanSquaredT(t: ArrayLike<number>, nu: number): MeanSquaredT {
  const FN = 'meanSquaredT';
  assertFiniteArray(FN, 't', t);
  if (!(nu > 4) || !Number.isFinite(nu)) throw new Error(`${FN}: argument 'nu' must be a finite number of degrees of freedom > 4, got ${nu}`);
  let s = 0;
  for (let k = 0; k < t.length; k++) s += t[k] * t[k];
  const variance = (2 * nu * nu * (nu - 1)) / ((nu - 2) ** 2 * (nu - 4));
  return { value: s / t.length, expected: nu / (nu - 2), standardError: Math.sqrt(variance / t.length) };
}

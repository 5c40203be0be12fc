import { create, destroy, fockSpace, lindbladian, num, power, scaled } from '@qsync/operators';
import type { MeanFieldMasterEquation } from '../mean-field-types';

/**
 * The mean-field equation of N → ∞ quantum vdP oscillators, built from operators directly (the models
 * library sits above this one): ρ̇ = (κ1 D[a†] + κ2 D[a²] + V D[a])ρ − i[H_mf, ρ] with
 * H_mf = (iV/2)(Tr[aρ] a† − Tr[a†ρ] a), the partial trace of (4.18) over all oscillators but one
 * (Eqs. 4.19–4.20 with the factor ½ that tracing out D[a_i − a_j] gives). `coupling` scales the
 * mean-field term alone (1: the equation; the specs break it with 2, the factor of Eq. 4.20 as printed).
 */
export function vdpMeanField(
  cutoff: number,
  { kappa1 = 1, kappa2 = 1, V = 1, coupling = 1 }: { kappa1?: number; kappa2?: number; V?: number; coupling?: number } = {},
) {
  const space = fockSpace(cutoff);
  const a = destroy(space);
  const l0 = lindbladian(scaled(num(space), 0), [
    { rate: kappa1, jump: create(space) },
    { rate: kappa2, jump: power(a, 2) },
    { rate: V, jump: a },
  ]);
  const equation: MeanFieldMasterEquation = { lindbladian: l0, terms: [{ c: { re: 0, im: (coupling * V) / 2 }, x: a, y: create(space) }] };
  return { space, a, l0, equation };
}

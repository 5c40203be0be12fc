import {
  collective,
  create,
  dagger,
  destroy,
  embed,
  fockSpace,
  lindbladian,
  num,
  plus,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinHalfSpace,
  tensorSpace,
  times,
  type Lindbladian,
  type Operator,
  type Space,
} from '@qsync/operators';
import { assertSpinRates } from './assert-spin-rates';
import { embedOnSites } from './embed-on-sites';
import { resolveParameters, type ParameterTable } from './parameters';
import { spinEnsembleObservables, type SpinEnsembleOperators } from './spin-ensemble-observables';

/** Parameters of the superradiant laser, thesis Eq. (4.59). */
export interface SuperradiantLaserConfig {
  /** Number of atoms (spins) N, integer 2…8 (the exact space is cutoff·2^N). */
  N: number;
  /** Fock cutoff of the cavity mode (integer ≥ 2). */
  cutoff: number;
  /** Atom–cavity coupling Ω ≥ 0 of −iΩ[a†S− + aS+, ρ]. */
  Omega: number;
  /** Cavity loss rate κ > 0, the rate of D[a]. */
  kappa: number;
  /** Repumping (gain) rate γ+ ≥ 0 of each atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0 of each atom. */
  gammaMinus: number;
}

/** The parameter table of {@link superradiantLaser}, as scenarios and the CLI see it. */
export const superradiantLaserParameters: ParameterTable = {
  N: { description: 'number of atoms N', min: 2, max: 8, integer: true },
  cutoff: { description: 'Fock cutoff of the cavity mode', min: 2, integer: true },
  Omega: { description: 'atom–cavity coupling Ω of Ω(a†S− + aS+)', min: 0 },
  kappa: { description: 'cavity loss rate κ, the rate of D[a]', min: 0, exclusiveMin: true },
  gammaPlus: { description: 'repumping rate γ+ of each atom', min: 0 },
  gammaMinus: { description: 'spontaneous-emission rate γ− of each atom', min: 0 },
};

/** The laser's cavity and atom operators: a, a†, n = a†a and the ensemble's pair averages. */
export interface SuperradiantLaserOperators extends SpinEnsembleOperators {
  readonly a: Operator;
  readonly adag: Operator;
  readonly n: Operator;
}

/** A superradiant laser: the cavity ⊗ N atoms, its generator and the operators one measures. */
export interface SuperradiantLaser {
  /** cavity ⊗ spin_1 ⊗ … ⊗ spin_N (the cavity is the first factor). */
  readonly space: Space;
  /** The cavity's Fock space. */
  readonly cavity: Space;
  readonly lindbladian: Lindbladian;
  readonly operators: SuperradiantLaserOperators;
  readonly parameters: Readonly<SuperradiantLaserConfig>;
  /** The collective coupling V = 4NΩ²/κ of the spin ensemble (4.52) it reduces to for κ ≫ √N Ω. */
  readonly badCavityCoupling: number;
}

/**
 * The superradiant laser, thesis Eq. (4.59), in the frame rotating with the common atom and
 * cavity frequency: ρ̇ = −iΩ[a†S− + aS+, ρ] + κ D[a]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i])ρ, exactly
 * in the space cavity ⊗ N spins (Fock cutoff for the cavity). In the bad-cavity limit
 * κ ≫ √N Ω the cavity follows the atoms, a ≈ −2iΩS−/κ, and the atoms obey the spin ensemble
 * (4.52) with V = 4NΩ²/κ (`badCavityCoupling`).
 *
 * @example
 * const laser = superradiantLaser({ N: 2, cutoff: 4, Omega: 0.5, kappa: 20, gammaPlus: 1, gammaMinus: 0.1 });
 * laser.lindbladian.dims; // [4, 2, 2]
 * laser.badCavityCoupling; // 0.1 — 4·2·0.25/20
 */
export function superradiantLaser(config: SuperradiantLaserConfig): SuperradiantLaser {
  const p = resolveParameters('superradiantLaser', superradiantLaserParameters, config as unknown as Record<string, unknown>);
  assertSpinRates('superradiantLaser', p.gammaPlus, p.gammaMinus);
  const n = p.N;
  const cavity = fockSpace(p.cutoff);
  const spin = spinHalfSpace();
  const space = tensorSpace(cavity, ...Array.from({ length: n }, () => spin));
  // the atoms are factors 1 … N, after the cavity
  const sp = embedOnSites(sigmaPlus(spin), space, n, 1);
  const sm = embedOnSites(sigmaMinus(spin), space, n, 1);
  const sMinus = collective(sm);
  const a = embed(destroy(cavity), space, 0);
  const adag = embed(create(cavity), space, 0);
  const h = scaled(plus(times(adag, sMinus), times(a, dagger(sMinus))), p.Omega);
  const l = lindbladian(h, [
    { rate: p.kappa, jump: a },
    ...sp.map((jump) => ({ rate: p.gammaPlus, jump })),
    ...sm.map((jump) => ({ rate: p.gammaMinus, jump })),
  ]);
  return {
    space,
    cavity,
    lindbladian: l,
    operators: { a, adag, n: embed(num(cavity), space, 0), ...spinEnsembleObservables(space, n, sMinus, collective(embedOnSites(sigmaZ(spin), space, n, 1))) },
    parameters: { N: n, cutoff: p.cutoff, Omega: p.Omega, kappa: p.kappa, gammaPlus: p.gammaPlus, gammaMinus: p.gammaMinus },
    badCavityCoupling: (4 * n * p.Omega * p.Omega) / p.kappa,
  };
}

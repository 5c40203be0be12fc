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
import { embedOnSites } from './embed-on-sites';
import { resolveParameters, type ParameterTable } from './parameters';
import { undrivenAtomLaserCavity, undrivenAtomLaserRates } from './undriven-atom-laser-support';

/** Largest N_d + N_ud of the exact model (the space is cutoff·2^(N_d + N_ud)). */
export const MAX_UNDRIVEN_ATOM_LASER_N = 8;

/** Parameters of the exact laser with undriven atoms, thesis Eqs. (7.1), (7.18). */
export interface UndrivenAtomLaserConfig {
  /** Number of driven atoms N_d (integer ≥ 0). */
  Nd: number;
  /** Number of undriven atoms N_ud (integer ≥ 0); 1 ≤ N_d + N_ud ≤ 8. */
  Nud: number;
  /** Fock cutoff of the cavity mode (integer ≥ 2). */
  cutoff: number;
  /** Atom–cavity coupling Ω ≥ 0. */
  Omega: number;
  /** Cavity loss rate κ > 0. */
  kappa: number;
  /** Cavity–atom detuning ωc − ωs of Eq. (7.18) (default 0). */
  detuning?: number;
  /** Drive rate γ+ ≥ 0 of each driven atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0 of each atom (default 0). */
  gammaMinus?: number;
  /** Dephasing rate γz ≥ 0 of (γz/2)D[σz] on each atom (default 0). */
  gammaZ?: number;
}

/** The parameter table of {@link undrivenAtomLaser}. */
export const undrivenAtomLaserParameters: ParameterTable = {
  Nd: { description: 'number of driven atoms N_d', min: 0, max: MAX_UNDRIVEN_ATOM_LASER_N, integer: true },
  Nud: { description: 'number of undriven atoms N_ud', min: 0, max: MAX_UNDRIVEN_ATOM_LASER_N, integer: true },
  cutoff: { description: 'Fock cutoff of the cavity mode', min: 2, integer: true },
  ...undrivenAtomLaserCavity,
  ...undrivenAtomLaserRates,
};

/** The operators of the exact laser one measures. */
export interface UndrivenAtomLaserOperators {
  readonly a: Operator;
  readonly adag: Operator;
  /** a†a. */
  readonly n: Operator;
  /** S− = Σ σ−, over all atoms. */
  readonly Sminus: Operator;
  readonly Splus: Operator;
  /** Σ_d σz_d / N_d: its mean is s^z_d (absent when N_d = 0). */
  readonly sigmaZDriven?: Operator;
  /** Σ_ud σz_ud / N_ud: its mean is s^z_ud (absent when N_ud = 0). */
  readonly sigmaZUndriven?: Operator;
  /** σ+, σ−, σz of each driven atom, in tensor order. */
  readonly driven: readonly { readonly sigmaPlus: Operator; readonly sigmaMinus: Operator; readonly sigmaZ: Operator }[];
  /** σ+, σ−, σz of each undriven atom, in tensor order. */
  readonly undriven: readonly { readonly sigmaPlus: Operator; readonly sigmaMinus: Operator; readonly sigmaZ: Operator }[];
}

/** The exact laser: cavity ⊗ N_d driven ⊗ N_ud undriven atoms, its generator and operators. */
export interface UndrivenAtomLaser {
  /** cavity ⊗ d_1 ⊗ … ⊗ d_Nd ⊗ ud_1 ⊗ … ⊗ ud_Nud. */
  readonly space: Space;
  readonly cavity: Space;
  readonly lindbladian: Lindbladian;
  readonly operators: UndrivenAtomLaserOperators;
  readonly parameters: Readonly<Record<string, number>>;
  /** V = 2NΩ²/κ of the bad-cavity equations (7.4), N = N_d + N_ud. */
  readonly badCavityCoupling: number;
}

/**
 * The superradiant laser with N_d driven and N_ud undriven atoms, thesis Eq. (7.1), with the
 * cavity–atom detuning of Eq. (7.18), exactly in cavity ⊗ atoms (Fock cutoff):
 * ρ̇ = −i[(ωc − ωs)a†a + Ω(a†S− + aS+), ρ] + κD[a]ρ + γ+Σ_d D[σ+_d]ρ + Σ_all (γ−D[σ−] + (γz/2)D[σz])ρ,
 * in the frame rotating at the atomic frequency ωs. With N_ud = 0 and γz = 0 it is Ch. 4's
 * `superradiantLaser` (4.59). For the steady state use `steadyState` of @qsync/integrators,
 * for the spectrum `steadyStateSpectrum` of @qsync/spectral (a = `operators.a`).
 *
 * @example
 * const laser = undrivenAtomLaser({ Nd: 2, Nud: 1, cutoff: 4, Omega: 0.5, kappa: 20, gammaPlus: 1 });
 * laser.lindbladian.dims; // [4, 2, 2, 2]
 * laser.badCavityCoupling; // 0.075 — 2·3·0.25/20
 * undrivenAtomLaser({ Nd: 6, Nud: 3, cutoff: 4, Omega: 0.5, kappa: 20, gammaPlus: 1 }); // throws "Nd + Nud must be ≥ 1 and ≤ 8"
 */
export function undrivenAtomLaser(config: UndrivenAtomLaserConfig): UndrivenAtomLaser {
  const fn = 'undrivenAtomLaser';
  const p = resolveParameters(fn, undrivenAtomLaserParameters, config as unknown as Record<string, unknown>);
  const nd = p.Nd;
  const nud = p.Nud;
  const total = nd + nud;
  if (total < 1 || total > MAX_UNDRIVEN_ATOM_LASER_N) {
    throw new Error(`${fn}: Nd + Nud must be ≥ 1 and ≤ ${MAX_UNDRIVEN_ATOM_LASER_N} (the space is cutoff·2^(Nd + Nud)), got Nd = ${nd}, Nud = ${nud}`);
  }
  const cavity = fockSpace(p.cutoff);
  const spin = spinHalfSpace();
  const space = tensorSpace(cavity, ...Array.from({ length: total }, () => spin));
  // atoms are factors 1 … N: the driven first, then the undriven
  const sp = embedOnSites(sigmaPlus(spin), space, total, 1);
  const sm = embedOnSites(sigmaMinus(spin), space, total, 1);
  const sz = embedOnSites(sigmaZ(spin), space, total, 1);
  const sMinus = collective(sm);
  const a = embed(destroy(cavity), space, 0);
  const adag = embed(create(cavity), space, 0);
  const n = embed(num(cavity), space, 0);
  const h = plus(scaled(plus(times(adag, sMinus), times(a, dagger(sMinus))), p.Omega), scaled(n, p.detuning));
  const l = lindbladian(h, [
    { rate: p.kappa, jump: a },
    ...sp.slice(0, nd).map((jump) => ({ rate: p.gammaPlus, jump })),
    ...sm.map((jump) => ({ rate: p.gammaMinus, jump })),
    ...sz.map((jump) => ({ rate: p.gammaZ / 2, jump })),
  ]);
  const site = (i: number) => ({ sigmaPlus: sp[i], sigmaMinus: sm[i], sigmaZ: sz[i] });
  const driven = Array.from({ length: nd }, (_, i) => site(i));
  const undriven = Array.from({ length: nud }, (_, i) => site(nd + i));
  return {
    space,
    cavity,
    lindbladian: l,
    operators: {
      a,
      adag,
      n,
      Sminus: sMinus,
      Splus: dagger(sMinus),
      ...(nd > 0 ? { sigmaZDriven: scaled(collective(sz.slice(0, nd)), 1 / nd) } : {}),
      ...(nud > 0 ? { sigmaZUndriven: scaled(collective(sz.slice(nd)), 1 / nud) } : {}),
      driven,
      undriven,
    },
    parameters: Object.freeze({ ...p }),
    badCavityCoupling: (2 * total * p.Omega * p.Omega) / p.kappa,
  };
}

/**
 * The spin ensemble of thesis Eq. (4.52) with local dephasing, in both representations, for the
 * specs: ρ̇ = (V/N) D[S−]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i] + γz D[σz_i])ρ (+ an optional
 * collective Hamiltonian ω Sz + Ω Sx), as a permutation-invariant `dickeLindbladian` and as the
 * tensor-product `lindbladian` of N spins built spin by spin with `embed`.
 */
import {
  collective,
  dickeLindbladian,
  dickeSpace,
  dickeSpin,
  embed,
  lindbladian,
  plus,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaX,
  sigmaZ,
  spinHalfSpace,
  tensorSpace,
  type Dissipator,
  type DickeLindbladian,
  type Lindbladian,
  type Operator,
  type Space,
} from '@qsync/operators';

export interface EnsembleParameters {
  readonly n: number;
  readonly V: number;
  readonly gammaPlus: number;
  readonly gammaMinus: number;
  readonly gammaZ?: number;
  /** ω of ω Sz (U(1)-symmetric). */
  readonly omega?: number;
  /** Ω of Ω Sx (breaks the U(1) symmetry). */
  readonly drive?: number;
}

export function ensembleDicke(p: EnsembleParameters): DickeLindbladian {
  const s = dickeSpace(p.n);
  const h =
    (p.omega ?? 0) !== 0 || (p.drive ?? 0) !== 0
      ? plus(scaled(dickeSpin(s, 'z'), p.omega ?? 0), scaled(dickeSpin(s, 'x'), p.drive ?? 0))
      : null;
  return dickeLindbladian(s, h, [{ rate: p.V / p.n, jump: dickeSpin(s, '-') }], {
    gain: p.gammaPlus,
    loss: p.gammaMinus,
    dephasing: p.gammaZ ?? 0,
  });
}

export function ensembleTensor(p: EnsembleParameters): { l: Lindbladian; space: Space; Sp: Operator; Sm: Operator; Sz: Operator } {
  const one = spinHalfSpace();
  const space = tensorSpace(...Array.from({ length: p.n }, () => one));
  const each = (f: (s: Space) => Operator) => Array.from({ length: p.n }, (_, i) => embed(f(one), space, i));
  const Sp = collective(each(sigmaPlus));
  const Sm = collective(each(sigmaMinus));
  const Sz = scaled(collective(each(sigmaZ)), 0.5);
  const Sx = scaled(collective(each(sigmaX)), 0.5);
  const dissipators: Dissipator[] = [{ rate: p.V / p.n, jump: Sm }];
  for (let i = 0; i < p.n; i++) {
    dissipators.push({ rate: p.gammaPlus, jump: each(sigmaPlus)[i] });
    dissipators.push({ rate: p.gammaMinus, jump: each(sigmaMinus)[i] });
    if ((p.gammaZ ?? 0) !== 0) dissipators.push({ rate: p.gammaZ as number, jump: each(sigmaZ)[i] });
  }
  const h = plus(scaled(Sz, p.omega ?? 0), scaled(Sx, p.drive ?? 0));
  return { l: lindbladian(h, dissipators), space, Sp, Sm, Sz };
}

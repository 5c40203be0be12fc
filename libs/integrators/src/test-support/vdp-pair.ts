import {
  coherentKet,
  create,
  destroy,
  embed,
  fockSpace,
  lindbladian,
  minus,
  num,
  power,
  pureState,
  scaled,
  tensorKet,
  tensorSpace,
} from '@qsync/operators';

/**
 * Two coupled quantum vdP oscillators, thesis Eq. (4.8), built from operators directly (the
 * models library sits above this one): ρ̇ = κ1(D[a†]+D[b†])ρ + κ(D[a]+D[b])ρ + κ2(D[a²]+D[b²])ρ
 * − i(δ/2)[a†a − b†b, ρ] + V D[a−b]ρ, with a start state |α = 0.5> ⊗ |α = 0.5i>.
 */
export function vdpPair(N: number, { kappa = 1, kappa1 = 3, kappa2 = 1, delta = 0.5, V = 1 } = {}) {
  const mode = fockSpace(N);
  const s = tensorSpace(mode, mode);
  const a = embed(destroy(mode), s, 0);
  const b = embed(destroy(mode), s, 1);
  const l = lindbladian(scaled(minus(embed(num(mode), s, 0), embed(num(mode), s, 1)), delta / 2), [
    { rate: kappa1, jump: embed(create(mode), s, 0) },
    { rate: kappa1, jump: embed(create(mode), s, 1) },
    { rate: kappa, jump: a },
    { rate: kappa, jump: b },
    { rate: kappa2, jump: power(a, 2) },
    { rate: kappa2, jump: power(b, 2) },
    { rate: V, jump: minus(a, b) },
  ]);
  const rho0 = pureState(tensorKet(coherentKet(mode, { re: 0.5, im: 0 }), coherentKet(mode, { re: 0, im: 0.5 })));
  return { l, rho0, a, b, mode };
}

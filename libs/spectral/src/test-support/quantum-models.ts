import {
  create,
  destroy,
  fockSpace,
  lindbladian,
  num,
  power,
  scaled,
  sigmaMinus,
  sigmaPlus,
  sigmaZ,
  spinHalfSpace,
  type Lindbladian,
  type Operator,
} from '@qsync/operators';

/** One spin-1/2 limit cycle, thesis Eq. (4.26): H = (ω/2)σz, gain γ+ D[σ+], loss γ− D[σ−]. */
export function spinLimitCycle(omega: number, gainRate: number, lossRate: number): {
  l: Lindbladian;
  sp: Operator;
  sm: Operator;
  sz: Operator;
} {
  const s = spinHalfSpace();
  const sp = sigmaPlus(s);
  const sm = sigmaMinus(s);
  const sz = sigmaZ(s);
  const l = lindbladian(scaled(sz, omega / 2), [
    { rate: gainRate, jump: sp },
    { rate: lossRate, jump: sm },
  ]);
  return { l, sp, sm, sz };
}

/** One quantum vdP oscillator, thesis Eq. (4.1), at Fock cutoff `cutoff`. */
export function vanDerPolOscillator(
  cutoff: number,
  p: { omega: number; kappa1: number; kappa2: number; kappa: number },
): { l: Lindbladian; a: Operator; adag: Operator; n: Operator } {
  const f = fockSpace(cutoff);
  const a = destroy(f);
  const adag = create(f);
  const l = lindbladian(scaled(num(f), p.omega), [
    { rate: p.kappa1, jump: adag },
    { rate: p.kappa2, jump: power(a, 2) },
    { rate: p.kappa, jump: a },
  ]);
  return { l, a, adag, n: num(f) };
}

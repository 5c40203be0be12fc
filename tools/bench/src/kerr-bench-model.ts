import { create, destroy, fockKet, fockSpace, num, plus, power, pureState, scaled, times } from '@qsync/operators';
import type { DensityMatrix, Dissipator, Operator } from '@qsync/operators';

/** The QuantumToolbox.jl paper's cross-package benchmark problem (Fock cutoff 50). */
export const KERR_BENCH_PARAMS = { N: 50, Delta: 0.1, U: -0.05, F: 2, gamma: 1, nth: 0.2, tEnd: 10, mesolveTimes: 100, smesolveTimes: 500, dt: 1e-3 } as const;

/** The driven Kerr oscillator of {@link kerrBenchModel}. */
export interface KerrBenchModel {
  readonly hamiltonian: Operator;
  /** loss γ(1 + n_th) D[a] (the monitored channel of the smesolve benchmark) */
  readonly loss: Dissipator;
  /** gain γ n_th D[a†] */
  readonly gain: Dissipator;
  /** a†a */
  readonly number: Operator;
  /** |0⟩⟨0| */
  readonly rho0: DensityMatrix;
}

/**
 * The driven Kerr oscillator H = Δa†a − (U/2)a†²a² + F(a + a†) with loss γ(1 + n_th)D[a] and
 * gain γ n_th D[a†], from |0⟩ (parameters {@link KERR_BENCH_PARAMS}, cutoff `N`).
 *
 * @param N - Fock cutoff (default 50)
 * @example
 * const m = kerrBenchModel(4);
 * [m.loss.rate, m.gain.rate, m.rho0.matrix.rows]; // [1.2, 0.2, 4]
 */
export function kerrBenchModel(N: number = KERR_BENCH_PARAMS.N): KerrBenchModel {
  const { Delta, U, F, gamma, nth } = KERR_BENCH_PARAMS;
  const space = fockSpace(N);
  const a = destroy(space);
  const ad = create(space);
  const n = num(space);
  const hamiltonian = plus(plus(scaled(n, Delta), scaled(times(power(ad, 2), power(a, 2)), -U / 2)), scaled(plus(a, ad), F));
  return {
    hamiltonian,
    loss: { rate: gamma * (1 + nth), jump: a },
    gain: { rate: gamma * nth, jump: ad },
    number: n,
    rho0: pureState(fockKet(space, 0)),
  };
}

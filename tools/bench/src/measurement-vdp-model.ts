import { coherentKet, create, destroy, fockSpace, num, power, pureState, scaled } from '@qsync/operators';
import type { DensityMatrix, Operator } from '@qsync/operators';
import type { DiffusiveSmeModel } from '@qsync/unravelers';

/** The quantum vdP oscillator of Fig. 4.1 (rates in units of κ), as qutip_measurement_bench.py has it. */
export const VDP_BENCH_PARAMS = { omega: 4, gain: 4, loss: 1, loss2: 0.5, alpha: 1 } as const;

/** The heterodyne vdP problem of {@link measurementVdpModel}. */
export interface MeasurementVdpProblem {
  readonly model: DiffusiveSmeModel;
  readonly rho0: DensityMatrix;
  /** a, the sampled expectation value */
  readonly a: Operator;
}

/**
 * The quantum vdP oscillator of Eq. 4.6 with Fig. 4.1's rates ({@link VDP_BENCH_PARAMS}):
 * H = 4a†a, gain 4D[a†], two-photon loss 0.5D[a²], loss D[a] watched by a heterodyne detector,
 * from the coherent state |α = 1⟩, at Fock cutoff N.
 *
 * @param N - Fock cutoff
 * @example
 * const p = measurementVdpModel(4);
 * [p.model.monitored[0].unraveling, p.rho0.matrix.rows]; // ['heterodyne', 4]
 */
export function measurementVdpModel(N: number): MeasurementVdpProblem {
  const space = fockSpace(N);
  const a = destroy(space);
  const p = VDP_BENCH_PARAMS;
  return {
    model: {
      hamiltonian: scaled(num(space), p.omega),
      dissipators: [
        { rate: p.gain, jump: create(space) },
        { rate: p.loss2, jump: power(a, 2) },
      ],
      monitored: [{ rate: p.loss, jump: a, unraveling: 'heterodyne' }],
    },
    rho0: pureState(coherentKet(space, { re: p.alpha, im: 0 })),
    a,
  };
}

import { compileCumulantRhs, cumulantEquations, momentsOf, operatorAlgebra } from '@qsync/cumulants';
import { dormandPrince } from '@qsync/integrators';
import { fockKet, pureState, spinHalfSpace } from '@qsync/operators';

/** The dissipative Ising chain of QuantumCumulants.jl issue #294, as qutip_ising_bench.py solves it. */
export const ISING_BENCH_PARAMS = { n: 6, J: 1, hx: 1, gamma: 0.2, tEnd: 20, nT: 201 } as const;

/** Times (s) of one time-to-first-solve run of {@link benchCumulantIsing}. */
export interface CumulantIsingRun {
  readonly order: number;
  /** real equations (self-adjoint moments count 1, the others 2) */
  readonly size: number;
  readonly deriveSeconds: number;
  readonly compileSeconds: number;
  /** the initial moments of the all-up product state (`momentsOf` per site) */
  readonly initialSeconds: number;
  readonly solveSeconds: number;
  /** derive + compile + initial + solve, wall clock */
  readonly totalSeconds: number;
  /** the same in CPU time of this process (user + system, all threads: V8's compiler threads count), which a loaded machine inflates less */
  readonly cpuSeconds: number;
  readonly rhsEvaluations: number;
  /** ⟨σz⟩ of the central spin (index 2) at the nT output times */
  readonly sz: number[];
}

/**
 * One time-to-first-solve run on the Ising chain (H = −J Σσz_iσz_{i+1} − h_x Σσx_i, decay γσ−_i,
 * all spins up, t ∈ [0, 20] at 201 times): derive the order-k cumulant equations of ⟨σz_3⟩,
 * compile them, set up the initial moments and integrate them with Dormand–Prince at the given
 * tolerances, each stage timed by the wall clock.
 *
 * @param config - `{ order, rtol = 1e-6, atol = 1e-8 }`
 * @example
 * const run = benchCumulantIsing({ order: 1 });
 * run.size; // 18
 * run.sz[0]; // 1
 */
export function benchCumulantIsing(config: { order: number; rtol?: number; atol?: number }): CumulantIsingRun {
  const { n, J, hx, gamma, tEnd, nT } = ISING_BENCH_PARAMS;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const alg = operatorAlgebra({
    sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })),
    parameters: ['J', 'hx', 'gamma'],
  });
  const zz = Array.from({ length: n - 1 }, (_, i) => alg.sigmaZ(i).times(alg.sigmaZ(i + 1)));
  const xs = Array.from({ length: n }, (_, i) => alg.sigmaX(i));
  const model = {
    hamiltonian: alg.parameter('J').times(alg.sum(zz)).plus(alg.parameter('hx').times(alg.sum(xs))).times(-1),
    dissipators: Array.from({ length: n }, (_, i) => ({ rate: 'gamma', jump: alg.sigmaMinus(i) })),
  };
  const eqs = cumulantEquations(model, { moments: [alg.sigmaZ(2)], order: config.order });
  const t1 = performance.now();
  const rhs = compileCumulantRhs(eqs);
  const t2 = performance.now();
  const up = pureState(fockKet(spinHalfSpace(), 1));
  const y0 = momentsOf(eqs, Array.from({ length: n }, () => up));
  const t3 = performance.now();
  const p = Float64Array.of(J, hx, gamma);
  const times = Array.from({ length: nT }, (_, i) => (i * tEnd) / (nT - 1));
  const sol = dormandPrince((out, y, t) => rhs(out, y, t, p), y0, times, { rtol: config.rtol ?? 1e-6, atol: config.atol ?? 1e-8 });
  const t4 = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const zIndex = eqs.moments.findIndex((m) => m.name === 'σz_3');
  const offset = eqs.moments[zIndex].offset;
  return {
    order: config.order,
    size: eqs.size,
    deriveSeconds: (t1 - t0) / 1e3,
    compileSeconds: (t2 - t1) / 1e3,
    initialSeconds: (t3 - t2) / 1e3,
    solveSeconds: (t4 - t3) / 1e3,
    totalSeconds: (t4 - t0) / 1e3,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rhsEvaluations: sol.stats.rhsEvaluations,
    sz: sol.y.map((y) => y[offset]),
  };
}

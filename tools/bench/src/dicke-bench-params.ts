/**
 * The problem of the permutation-invariant steady-state benchmark (python/piqs_bench.py has the
 * same): thesis Eq. (4.52) with local dephasing, V = 4, γ+ = 1, γ− = 0.2, γz = 0.1.
 *
 * @example
 * DICKE_BENCH_PARAMS.V; // 4
 */
export const DICKE_BENCH_PARAMS = { V: 4, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 } as const;

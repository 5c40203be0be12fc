import { compileLindbladRhs, createDormandPrince, mesolve, steadyState } from '@qsync/integrators';
import { csrMatvecInto } from '@qsync/linalg';
import { coupledVanDerPol } from '@qsync/models';
import { coherentKet, expect, liouvillianMatrix, pureState, tensorKet } from '@qsync/operators';
import { lastValueFrom, toArray } from 'rxjs';
import { median } from './median';
import { populationBlock } from './population-block';

/** The benchmark problem: thesis Eq. (4.8), case pair_a of test/fixtures/qutip-vdp.json. */
export const BENCH_PARAMS = { kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 } as const;
/** Output times of mesolve: linspace(0, 20, 201), as in qutip_bench.py. */
export const BENCH_T_END = 20;
export const BENCH_N_T = 201;
/** Tolerances both adaptive solvers get (QuTiP's defaults). */
export const BENCH_RTOL = 1e-6;
export const BENCH_ATOL = 1e-8;

/** qsync's timings and results at one Fock cutoff; times in ms (RHS, build) or s (solves). */
export interface QsyncCase {
  readonly N: number;
  /** Hilbert dimension n = N². */
  readonly dim: number;
  /** Stored entries of the n²×n² Liouvillian CSR matrix. */
  readonly nnz: number;
  /** Building the CSR Liouvillian (`liouvillianMatrix`), ms, one call. */
  readonly liouvillian_ms: number;
  readonly rhs_terms: number;
  readonly rhs_hermitian: boolean;
  /** Median of single `compileLindbladRhs(l).applyInto` calls, ms. */
  readonly rhs_ms: number;
  /** Median of single `csrMatvecInto(out, L, x)` calls, ms. */
  readonly rhs_csr_ms: number;
  readonly rhs_reps: number;
  /** Entries and stored nonzeros of the population block (see `populationBlock`). */
  readonly block_size: number;
  readonly block_nnz: number;
  /** Median of single `csrMatvecInto` calls on the population block, ms. */
  readonly rhs_block_ms: number;
  /** `mesolve(…)` collected with lastValueFrom(toArray()), s. */
  readonly mesolve_s: number;
  /** The same integration with `createDormandPrince` + `compileLindbladRhs` on all of ρ (no Observable). */
  readonly dp5: IntegrationStats;
  /** The same integration with `createDormandPrince` + CSR product on the population block only. */
  readonly dp5_block: IntegrationStats;
  /** max_k |Re L_kk|: the fastest decay rate on the Liouvillian's diagonal (sets DP5's stable step). */
  readonly max_decay_rate: number;
  readonly mesolve_expect_re: readonly number[];
  readonly mesolve_expect_im: readonly number[];
  /** `steadyState(l)` (default method), s. */
  readonly steady_s: number;
  readonly steady_method: string;
  readonly steady_residual: number;
  readonly steady_block_size: number;
  readonly steady_adagb: readonly [number, number];
}

/** Work and time of one Dormand–Prince integration over the benchmark's output times. */
export interface IntegrationStats {
  /** Wall time of the whole integration, s. */
  readonly s: number;
  /** Of that, time spent inside the right-hand side (summed per call), s. */
  readonly rhs_s: number;
  readonly steps: number;
  readonly rejected: number;
  readonly rhs_evaluations: number;
}

/** Options of {@link benchQsync}. */
export interface BenchQsyncConfig {
  /** Single RHS calls per median (after as many warm-up calls, at least 20). */
  rhsReps: number;
  /** Called with progress messages. */
  onLog?: (line: string) => void;
}

/**
 * Times qsync on the coupled vdP pair at Fock cutoff N: one Lindblad RHS (matrix-free stencil,
 * CSR on all of ρ, CSR on the population block), mesolve over t ∈ [0, 20] (201 outputs,
 * rtol 1e-6, atol 1e-8, from |α=1⟩⊗|α=i⟩), the same integration with the Dormand–Prince
 * stepper directly, once with the stencil on all of ρ and once with the CSR block (for step and
 * RHS counts and the time inside the RHS), and the steady state. Only the solver calls are
 * timed; model, ρ0 and the CSR matrix are built before.
 *
 * @param N - Fock cutoff per oscillator (≥ 2)
 * @param config - RHS repetitions, progress callback
 * @example
 * const c = await benchQsync(4, { rhsReps: 20 });
 * c.dim; // 16 — N² at N = 4
 * c.steady_residual; // < 1e-12
 * c.rhs_ms; // > 0 — a few µs here; 0.03 ms at N = 8
 */
export async function benchQsync(N: number, config: BenchQsyncConfig): Promise<QsyncCase> {
  if (!(Number.isInteger(N) && N >= 2)) throw new Error(`benchQsync: argument 'N' must be an integer ≥ 2, got ${N}`);
  if (!(Number.isInteger(config.rhsReps) && config.rhsReps >= 1)) {
    throw new Error(`benchQsync: option 'rhsReps' must be an integer ≥ 1, got ${config.rhsReps}`);
  }
  const log = config.onLog ?? (() => undefined);
  const model = coupledVanDerPol({ cutoff: N, ...BENCH_PARAMS });
  const l = model.lindbladian;
  const n = l.left.rows;
  const rho0 = pureState(
    tensorKet(coherentKet(model.modeA, { re: 1, im: 0 }), coherentKet(model.modeB, { re: 0, im: 1 })),
  );
  const x = rho0.matrix.data;

  log(`N=${N}: liouvillianMatrix`);
  let t0 = performance.now();
  const L = liouvillianMatrix(l);
  const liouvillianMs = performance.now() - t0;
  let maxDecay = 0;
  for (let r = 0; r < L.rows; r++) {
    for (let p = L.rowPtr[r]; p < L.rowPtr[r + 1]; p++) if (L.colIdx[p] === r) maxDecay = Math.max(maxDecay, Math.abs(L.data[2 * p]));
  }

  log(`N=${N}: RHS ×${config.rhsReps}`);
  const rhs = compileLindbladRhs(l);
  const out = new Float64Array(2 * n * n);
  const rhsMs = medianCallMs(() => rhs.applyInto(out, x), config.rhsReps);
  const csrMs = medianCallMs(() => csrMatvecInto(out, L, x), config.rhsReps);
  const block = populationBlock(L, n, [model.operators.adagb.matrix]);
  const m = block.indices.length;
  const xb = new Float64Array(2 * m);
  block.indices.forEach((k, q) => {
    xb[2 * q] = x[2 * k];
    xb[2 * q + 1] = x[2 * k + 1];
  });
  const outb = new Float64Array(2 * m);
  const blockMs = medianCallMs(() => csrMatvecInto(outb, block.matrix, xb), config.rhsReps);

  const times = Array.from({ length: BENCH_N_T }, (_, k) => (k * BENCH_T_END) / (BENCH_N_T - 1));
  log(`N=${N}: mesolve`);
  t0 = performance.now();
  const frames = await lastValueFrom(
    mesolve(l, rho0, times, { expect: { adagb: model.operators.adagb }, rtol: BENCH_RTOL, atol: BENCH_ATOL }).pipe(toArray()),
  );
  const mesolveS = (performance.now() - t0) / 1e3;
  const re: number[] = [];
  const im: number[] = [];
  for (const f of frames) {
    const ch = f.channels.adagb;
    if (ch === undefined || ch.kind !== 'complex') throw new Error(`benchQsync: frame at t = ${f.t} has no complex channel 'adagb'`);
    re.push(ch.re);
    im.push(ch.im);
  }

  log(`N=${N}: Dormand–Prince + stencil RHS on all of ρ (step and RHS counts)`);
  const dp5 = integrate((o, s) => rhs.applyInto(o, s), x, times);
  log(`N=${N}: Dormand–Prince + CSR on the population block`);
  const dp5Block = integrate((o, s) => csrMatvecInto(o, block.matrix, s), xb, times);

  log(`N=${N}: steadyState ×3`);
  // Best of three: the first call at a new size still has V8 compiling its loops for it.
  let ss = steadyState(l);
  let steadyS = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    t0 = performance.now();
    ss = steadyState(l);
    steadyS = Math.min(steadyS, (performance.now() - t0) / 1e3);
  }
  const e = expect(model.operators.adagb, ss.rho);

  return {
    N,
    dim: n,
    nnz: L.rowPtr[L.rows],
    liouvillian_ms: liouvillianMs,
    rhs_terms: rhs.terms,
    rhs_hermitian: rhs.hermitian,
    rhs_ms: rhsMs,
    rhs_csr_ms: csrMs,
    rhs_reps: config.rhsReps,
    block_size: m,
    block_nnz: block.matrix.rowPtr[m],
    rhs_block_ms: blockMs,
    mesolve_s: mesolveS,
    dp5,
    dp5_block: dp5Block,
    max_decay_rate: maxDecay,
    mesolve_expect_re: re,
    mesolve_expect_im: im,
    steady_s: steadyS,
    steady_method: ss.method,
    steady_residual: ss.residual,
    steady_block_size: ss.blockSize,
    steady_adagb: [e.re, e.im],
  };
}

/**
 * Dormand–Prince (rtol 1e-6, atol 1e-8) from y0 through `times`, with the time spent inside the
 * right-hand side summed call by call (performance.now costs ~0.1 µs, far below one RHS).
 */
function integrate(f: (out: Float64Array, y: Float64Array) => void, y0: Float64Array, times: readonly number[]): IntegrationStats {
  const y = Float64Array.from(y0);
  let inRhs = 0;
  const t0 = performance.now();
  const stepper = createDormandPrince(
    (o, s) => {
      const a = performance.now();
      f(o, s);
      inRhs += performance.now() - a;
    },
    y,
    times[0],
    { rtol: BENCH_RTOL, atol: BENCH_ATOL },
  );
  for (let k = 1; k < times.length; k++) stepper.advanceTo(times[k], y);
  const total = performance.now() - t0;
  return {
    s: total / 1e3,
    rhs_s: inRhs / 1e3,
    steps: stepper.stats.steps,
    rejected: stepper.stats.rejected,
    rhs_evaluations: stepper.stats.rhsEvaluations,
  };
}

/**
 * Median over `reps` single calls of fn, in ms, after warm-up calls (at least 20 and at least
 * 300 ms, so V8 has optimised the kernel before timing starts).
 */
function medianCallMs(fn: () => void, reps: number): number {
  const w0 = performance.now();
  for (let k = 0; k < 20 || performance.now() - w0 < 300; k++) fn();
  const ms: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

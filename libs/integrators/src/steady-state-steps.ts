import type { Progress } from '@qsync/frames';
import {
  bandLuFactorSteps,
  bandLuSolveInto,
  bandwidth,
  connectedComponents,
  csrMatvecInto,
  gmres,
  ilu0,
  reverseCuthillMcKee,
  type CsrMatrix,
} from '@qsync/linalg';
import { dickeLiouvillianMatrix } from '@qsync/operators';
import type { DensityMatrix, DickeLindbladian, DickeState, Lindbladian } from '@qsync/operators';
import { lindbladStencil, type LindbladStencil } from './lindblad-rhs';
import { blockMatrix, blocksContaining } from './liouvillian-blocks';
import type { SteadyStateConfig, SteadyStateResult } from './steady-state';

/**
 * The solve behind `steadyState` and `steadyStateChunked`: checks the options at once (so a
 * chunked caller throws at the call, not on subscription) and returns a factory of the solve, a
 * generator that yields progress (or nothing, between phases) and returns the
 * {@link SteadyStateResult}; each call of the factory is a fresh solve (one per subscription).
 * `fn` names the caller in option errors. Internal to integrators.
 */
export function steadyStateSteps(
  fn: string,
  l: Lindbladian | DickeLindbladian,
  config: SteadyStateConfig,
): () => Generator<Progress | void, SteadyStateResult<DensityMatrix> | SteadyStateResult<DickeState>, void> {
  const options = checkConfig(fn, config);
  // Errors of the solve itself keep the name steadyState (callers match on them), options name the caller.
  return () => solveSteadyState('steadyState', l, options);
}

interface CheckedConfig {
  readonly method: 'auto' | 'direct' | 'iterative';
  readonly tol: number;
  readonly maxIterations: number;
}

function checkConfig(fn: string, config: SteadyStateConfig): CheckedConfig {
  const method = config.method ?? 'auto';
  if (method !== 'auto' && method !== 'direct' && method !== 'iterative') {
    throw new Error(`${fn}: 'method' must be 'auto', 'direct' or 'iterative', got '${String(method)}'`);
  }
  const tol = config.tol ?? 1e-14;
  if (!(tol > 0)) throw new Error(`${fn}: 'tol' must be > 0, got ${tol}`);
  const maxIterations = config.maxIterations ?? 2000;
  if (!(Number.isInteger(maxIterations) && maxIterations > 0)) {
    throw new Error(`${fn}: 'maxIterations' must be a positive integer, got ${maxIterations}`);
  }
  return { method, tol, maxIterations };
}

function isDicke(l: Lindbladian | DickeLindbladian): l is DickeLindbladian {
  return (l as Partial<DickeLindbladian>).space?.kind === 'dicke';
}

/** The block S of L that holds the populations, where its entries sit in ρ, and how to finish ρ. */
interface PopulationProblem {
  readonly S: CsrMatrix;
  /** Positions (into the block) of the populations. */
  readonly populations: Int32Array;
  /** Writes the normalised state from the block solution x (interleaved, length 2·S.rows). */
  finish(x: Float64Array): DensityMatrix | DickeState;
}

/** The solve shared by {@link steadyState} and {@link steadyStateChunked}: a generator of progress. */
function* solveSteadyState(
  fn: string,
  l: Lindbladian | DickeLindbladian,
  { method, tol, maxIterations }: CheckedConfig,
): Generator<Progress | void, SteadyStateResult<DensityMatrix> | SteadyStateResult<DickeState>, void> {
  const problem = isDicke(l) ? dickeProblem(fn, l) : lindbladProblem(fn, l);
  yield;
  const { S, populations } = problem;
  const m = S.rows;

  const perm = reverseCuthillMcKee(S);
  const { lower, upper } = bandwidth(S, perm);
  // Band LU with pivoting stores (2·kl + ku + 1)·m entries and costs about m·kl·(kl + ku).
  // 'auto' (timings in the README): the band LU below 1e8 operations, and beyond while the band is
  // narrow, ops ≤ 8m² (kl ≈ √m: the Dicke generator, ops/m² ≈ 2, where GMRES needs 110–200
  // iterations and is 2–3× slower); GMRES with ILU(0) for wide bands beyond 1e8 (two coupled vdP
  // oscillators, ops/m² ≈ 24–48, converge in 30–55 iterations, 3–5× faster from cutoff 16 on).
  const bytes = 16 * (2 * lower + upper + 1) * m;
  const ops = m * lower * (lower + upper + 1);
  const directFits = bytes < 1e9 && ops < 1e11;
  let direct = method === 'direct' || (method === 'auto' && (ops < 1e8 || (ops <= 8 * m * m && directFits)));

  const x = new Float64Array(2 * m);
  let iterations = 0;
  if (!direct) {
    try {
      iterations = yield* solveWithTraceConstraint(fn, S, populations, x, tol, maxIterations);
    } catch (e) {
      if (method === 'iterative' || !directFits) throw e;
      direct = true;
    }
  }
  if (direct) iterations = yield* nullVectorByInverseIteration(fn, S, perm, populations, x);

  const rho = problem.finish(x);
  // L is block diagonal and ρ vanishes outside the block: ‖Lρ‖ = ‖S·ρ[block]‖ (x now normalised).
  const lrho = new Float64Array(2 * m);
  csrMatvecInto(lrho, S, x);
  let sq = 0;
  for (let k = 0; k < lrho.length; k++) sq += lrho[k] * lrho[k];
  const residual = Math.sqrt(sq);
  if (!Number.isFinite(residual)) {
    throw new Error(`${fn}: the solve produced non-finite values (is the Liouvillian finite?)`);
  }
  return { rho, residual, method: direct ? 'direct' : 'iterative', blockSize: m, iterations } as
    | SteadyStateResult<DensityMatrix>
    | SteadyStateResult<DickeState>;
}

function lindbladProblem(fn: string, l: Lindbladian): PopulationProblem {
  const stencil = lindbladStencil(l);
  const n = stencil.n;
  const block = populationBlock(fn, stencil);
  const S = blockMatrix(stencil, block);
  const pops: number[] = [];
  for (let k = 0; k < block.length; k++) if (block[k] % (n + 1) === 0) pops.push(k);
  return {
    S,
    populations: Int32Array.from(pops),
    finish(x) {
      const rho = new Float64Array(2 * n * n);
      for (let k = 0; k < block.length; k++) {
        rho[2 * block[k]] = x[2 * k];
        rho[2 * block[k] + 1] = x[2 * k + 1];
      }
      normalizeHermitian(rho, n);
      for (let k = 0; k < block.length; k++) {
        x[2 * k] = rho[2 * block[k]];
        x[2 * k + 1] = rho[2 * block[k] + 1];
      }
      return { dims: l.dims, matrix: { rows: n, cols: n, data: rho } };
    },
  };
}

function dickeProblem(fn: string, l: DickeLindbladian): PopulationProblem {
  const { space } = l;
  const { matrix: S, indices, populations } = dickeLiouvillianMatrix(l, l.u1Symmetric ? { difference: 0 } : {});
  // Every population must be reachable from every other: a conserved quantity (j, when only
  // collective processes act) splits them and leaves the steady state undetermined.
  const { labels } = connectedComponents(S);
  const label = labels[populations[0]];
  const seen = new Set<number>();
  for (let k = 0; k < populations.length; k++) seen.add(labels[populations[k]]);
  if (seen.size > 1 || populations.some((p) => labels[p] !== label)) {
    throw new Error(
      `${fn}: the steady state is not unique: the populations fall into ${seen.size} blocks that the ` +
        'Liouvillian does not connect (with collective processes alone the total spin j is conserved); ' +
        'add a local process (gain, loss or dephasing) or solve each j separately',
    );
  }
  return {
    S,
    populations,
    finish(x) {
      const data = new Float64Array(2 * space.size);
      for (let k = 0; k < indices.length; k++) {
        data[2 * indices[k]] = x[2 * k];
        data[2 * indices[k] + 1] = x[2 * k + 1];
      }
      normalizeDicke(data, l);
      for (let k = 0; k < indices.length; k++) {
        x[2 * k] = data[2 * indices[k]];
        x[2 * k + 1] = data[2 * indices[k] + 1];
      }
      return { space, data };
    },
  };
}

/** Indices (in vec order) of the block of L that holds the populations ρ_ii. */
function populationBlock(fn: string, stencil: LindbladStencil): Int32Array {
  const n = stencil.n;
  const block = blocksContaining(stencil, [0]);
  const inBlock = new Uint8Array(n * n);
  for (let k = 0; k < block.length; k++) inBlock[block[k]] = 1;
  const stray: number[] = [];
  for (let i = 1; i < n; i++) if (inBlock[i * n + i] === 0) stray.push(i * n + i);
  if (stray.length > 0) {
    // Count the separate blocks the populations fall into, for the message.
    let blocks = 1;
    const covered = new Uint8Array(n * n);
    for (const k of stray) {
      if (covered[k] === 1) continue;
      blocks++;
      for (const q of blocksContaining(stencil, [k])) covered[q] = 1;
    }
    throw new Error(
      `${fn}: the steady state is not unique: the populations fall into ${blocks} ` +
        'blocks that the Liouvillian does not connect (a conserved quantity); ' +
        'add a process that connects them or solve each sector separately',
    );
  }
  return block;
}

/**
 * Null vector of the singular block S by inverse iteration on its band LU: each solve
 * multiplies the null component by 1/(rounding-sized pivot), so two or three sweeps converge.
 * Yields progress in columns of the factorization, then one unit per sweep.
 */
function* nullVectorByInverseIteration(
  fn: string,
  S: CsrMatrix,
  perm: Int32Array,
  populations: Int32Array,
  x: Float64Array,
): Generator<Progress, number, void> {
  const m = S.rows;
  const maxSweeps = 6;
  const total = m + maxSweeps;
  const steps = bandLuFactorSteps(S, perm, { allowSingular: true });
  let step = steps.next();
  while (step.done !== true) {
    yield { done: step.value.done, total };
    step = steps.next();
  }
  const f = step.value;
  // One replaced pivot is the one null direction of S (the steady state). Two or more: S has a
  // null space of dimension > 1 (a conserved quantity that does not split the sparsity graph, e.g.
  // H commuting with every jump), and which null vector inverse iteration returns is arbitrary.
  if (f.pivotsReplaced > 1) {
    throw new Error(
      `${fn}: the steady state is not unique: the populations' block of L has ${f.pivotsReplaced} zero pivots ` +
        '(a null space of dimension > 1: a conserved quantity, e.g. a Hamiltonian that commutes with every jump ' +
        'operator); add a process that breaks it',
    );
  }
  yield { done: m, total };
  // Start from a multiple of the identity: it overlaps every physical steady state.
  x.fill(0);
  for (let k = 0; k < populations.length; k++) x[2 * populations[k]] = 1;
  const y = new Float64Array(2 * m);
  const r = new Float64Array(2 * m);
  let best = Infinity;
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    bandLuSolveInto(y, f, x);
    let norm = 0;
    for (let k = 0; k < 2 * m; k++) norm = Math.max(norm, Math.abs(y[k]));
    if (!(norm > 0) || !Number.isFinite(norm)) {
      throw new Error(`${fn}: inverse iteration failed (zero or non-finite iterate)`);
    }
    for (let k = 0; k < 2 * m; k++) y[k] /= norm;
    csrMatvecInto(r, S, y);
    let res = 0;
    for (let k = 0; k < 2 * m; k++) res = Math.max(res, Math.abs(r[k]));
    if (res >= best * 0.5 && sweeps >= 2) break;
    best = Math.min(best, res);
    x.set(y);
    yield { done: m + sweeps + 1, total };
  }
  yield { done: total, total };
  return sweeps;
}

/**
 * Solves S x = 0 with Tr x = 1 by GMRES: the first population equation becomes the trace row.
 * Runs restart cycles of 100 iterations, yielding after each (progress in iterations).
 */
function* solveWithTraceConstraint(
  fn: string,
  S: CsrMatrix,
  populations: Int32Array,
  x: Float64Array,
  tol: number,
  maxIterations: number,
): Generator<Progress, number, void> {
  const m = S.rows;
  const p = populations[0];
  const isPop = new Uint8Array(m);
  for (let k = 0; k < populations.length; k++) isPop[populations[k]] = 1;
  // Build S' = S with row p replaced by the trace functional (keeps CSR order: columns ascending).
  const rowPtr = new Int32Array(m + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  for (let k = 0; k < m; k++) {
    if (k === p) {
      for (let c = 0; c < m; c++) {
        if (isPop[c] === 1) {
          cols.push(c);
          vals.push(1, 0);
        }
      }
    } else {
      for (let q = S.rowPtr[k]; q < S.rowPtr[k + 1]; q++) {
        cols.push(S.colIdx[q]);
        vals.push(S.data[2 * q], S.data[2 * q + 1]);
      }
    }
    rowPtr[k + 1] = cols.length;
  }
  const A: CsrMatrix = { rows: m, cols: m, rowPtr, colIdx: Int32Array.from(cols), data: Float64Array.from(vals) };
  const b = new Float64Array(2 * m);
  b[2 * p] = 1;
  const precondition = ilu0(A);
  yield { done: 0, total: maxIterations };
  const restart = 100;
  let iterations = 0;
  let current: Float64Array | undefined;
  for (;;) {
    const result = gmres((out, v) => csrMatvecInto(out, A, v), b, {
      tol,
      restart,
      maxIterations: Math.min(restart, maxIterations - iterations),
      precondition,
      ...(current !== undefined ? { x0: current } : {}),
    });
    iterations += result.iterations;
    current = result.x;
    if (result.converged) {
      yield { done: maxIterations, total: maxIterations };
      break;
    }
    if (iterations >= maxIterations || result.iterations === 0) {
      throw new Error(
        `${fn}: GMRES did not converge in ${iterations} iterations ` +
          `(relative residual ${result.residualNorm.toExponential(2)} > tol ${tol}); ` +
          "try method 'direct' or a larger 'maxIterations'",
      );
    }
    yield { done: iterations, total: maxIterations };
  }
  x.set(current);
  return iterations;
}

/**
 * Divides by the complex trace (inverse iteration returns the null vector up to a phase). The
 * trace of a unique steady state is not zero (Tr L(ρ) = 0 for every ρ, so the null vector is the
 * only part of the start, the identity, with a trace); were it zero, the non-finite result would
 * be caught by the residual check.
 */
function divideByTrace(data: Float64Array, tr: number, tri: number): void {
  const d = tr * tr + tri * tri;
  const cr = tr / d;
  const ci = -tri / d;
  for (let k = 0; k < data.length; k += 2) {
    const re = data[k];
    const im = data[k + 1];
    data[k] = re * cr - im * ci;
    data[k + 1] = re * ci + im * cr;
  }
}

/** Makes the n×n block at `o` exactly Hermitian, (ρ + ρ†)/2. */
function hermitize(rho: Float64Array, o: number, n: number): void {
  for (let i = 0; i < n; i++) {
    rho[2 * (o + i * n + i) + 1] = 0;
    for (let j = i + 1; j < n; j++) {
      const a = 2 * (o + i * n + j);
      const b = 2 * (o + j * n + i);
      const re = 0.5 * (rho[a] + rho[b]);
      const im = 0.5 * (rho[a + 1] - rho[b + 1]);
      rho[a] = re;
      rho[a + 1] = im;
      rho[b] = re;
      rho[b + 1] = -im;
    }
  }
}

/** Makes ρ exactly Hermitian and scales it to unit trace. */
function normalizeHermitian(rho: Float64Array, n: number): void {
  let tr = 0;
  let tri = 0;
  for (let i = 0; i < n; i++) {
    tr += rho[2 * (i * n + i)];
    tri += rho[2 * (i * n + i) + 1];
  }
  divideByTrace(rho, tr, tri);
  hermitize(rho, 0, n);
}

/** The same for the blocks ρ_j of a permutation-invariant state (Tr ρ = Σ_j Tr ρ_j). */
function normalizeDicke(data: Float64Array, l: DickeLindbladian): void {
  const { space } = l;
  let tr = 0;
  let tri = 0;
  for (let b = 0; b < space.blocks; b++) {
    const d = 2 * space.j[b] + 1;
    const o = space.vecOffset[b];
    for (let k = 0; k < d; k++) {
      tr += data[2 * (o + k * d + k)];
      tri += data[2 * (o + k * d + k) + 1];
    }
  }
  divideByTrace(data, tr, tri);
  for (let b = 0; b < space.blocks; b++) hermitize(data, space.vecOffset[b], 2 * space.j[b] + 1);
}

import { arrayChannel, chunkedObservable, complexChannel, realChannel } from '@qsync/frames';
import type { Channel, ChunkedObservable, Frame } from '@qsync/frames';
import { csrMatvecInto, type CsrMatrix } from '@qsync/linalg';
import type { DensityMatrix, Lindbladian, Operator } from '@qsync/operators';
import { createDormandPrince } from './create-dormand-prince';
import { createRk4 } from './create-rk4';
import { compileLindbladRhs, compilePackedLindbladRhs, lindbladStencil } from './lindblad-rhs';
import { packHermitianInto } from './pack-hermitian-into';
import { unpackHermitianInto } from './unpack-hermitian-into';
import { blockMatrix, blocksContaining } from './liouvillian-blocks';
import type { OdeStepper } from './ode-types';

/** Options of {@link mesolve}. */
export interface MesolveConfig {
  /** Operators whose expectation values Tr[O ρ(t)] are emitted, each as a complex channel of that name. */
  expect?: Readonly<Record<string, Operator>>;
  /** Also emit the state as channel `rho` (a copy: an n×n complex array channel). Default false. */
  includeState?: boolean;
  /** 'dormand-prince' (adaptive 5(4), default) or 'rk4' (fixed step `dt`). */
  method?: 'dormand-prince' | 'rk4';
  /** Relative tolerance of the adaptive method (default 1e-8). */
  rtol?: number;
  /** Absolute tolerance of the adaptive method, on the entries of ρ (default 1e-10). */
  atol?: number;
  /** Step of 'rk4' (required for it), in the model's time unit. */
  dt?: number;
  /** Largest step of the adaptive method (default ∞). */
  hMax?: number;
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
  /**
   * Evolve only the blocks of L that the requested channels need (default true). A symmetry
   * splits L into blocks that evolve independently (for U(1)-symmetric models: one per difference
   * of excitation numbers); ⟨a†b⟩, ⟨a†a⟩ and Tr ρ need only the block of the populations. Exact,
   * not an approximation; ignored when `includeState` asks for all of ρ.
   */
  symmetryReduction?: boolean;
}

/**
 * Integrates the Lindblad master equation ρ̇ = Lρ (Eq. 3.8) from ρ0 and emits one frame per
 * requested time, as a cold Observable: nothing runs until subscribed, the work runs in slices
 * that yield to the event loop, and unsubscribing stops it. `withProgress()` adds the progress of
 * each subscription in output times {done, total} (read it with `tapProgress` of @qsync/frames).
 *
 * Each frame has the channels named in `expect` (complex ⟨O⟩ = Tr[O ρ(t)]), `trace` (real
 * Tr ρ(t)) and, with `includeState`, `rho` (a copy of ρ(t), complex n×n). The right-hand side is
 * matrix-free on the shifted diagonals of the operators (see `compileLindbladRhs`); a Hermitian
 * ρ0 under a Hermiticity-preserving L is evolved as its packed upper triangle (the error norm of
 * the step control is then the RMS over those entries).
 *
 * @param l the generator (`lindbladian` of `@qsync/operators`)
 * @param rho0 initial density matrix, dims equal to l.dims
 * @param times output times, finite and non-decreasing; the first is the initial time
 * @example
 * // a damped oscillator from |1⟩: ⟨n⟩(t) = e^{−t}
 * const space = fockSpace(10);
 * const l = lindbladian(num(space), [{ rate: 1, jump: destroy(space) }]);
 * const frames = await lastValueFrom(
 *   mesolve(l, pureState(fockKet(space, 1)), [0, 1, 2], { expect: { n: num(space) } }).pipe(toArray()),
 * );
 * frames.map((f) => channelValue(f, 'n', 'complex').re); // ≈ [1, 0.3678794, 0.1353353]
 */
export function mesolve(
  l: Lindbladian,
  rho0: DensityMatrix,
  times: ArrayLike<number>,
  config: MesolveConfig = {},
): ChunkedObservable<Frame> {
  const n = l.left.rows;
  if (!sameDims(rho0.dims, l.dims) || rho0.matrix.rows !== n || rho0.matrix.cols !== n) {
    throw new Error(
      `mesolve: 'rho0' has dims [${rho0.dims.join(', ')}] (${rho0.matrix.rows}×${rho0.matrix.cols}), ` +
        `the Lindbladian has dims [${l.dims.join(', ')}] (${n}×${n})`,
    );
  }
  for (let k = 0; k < rho0.matrix.data.length; k++) {
    if (!Number.isFinite(rho0.matrix.data[k])) throw new Error(`mesolve: 'rho0' has a non-finite entry at ${k >> 1}`);
  }
  if (times.length < 1) throw new Error("mesolve: 'times' must hold at least one time");
  for (let k = 0; k < times.length; k++) {
    if (!Number.isFinite(times[k])) throw new Error(`mesolve: 'times[${k}]' must be finite, got ${times[k]}`);
    if (k > 0 && times[k] < times[k - 1]) {
      throw new Error(`mesolve: 'times' must be non-decreasing, but times[${k}] = ${times[k]} < times[${k - 1}] = ${times[k - 1]}`);
    }
  }
  const expectOps = Object.entries(config.expect ?? {});
  for (const [name, op] of expectOps) {
    if (name === 'trace' || name === 'rho') throw new Error(`mesolve: expect channel name '${name}' is reserved`);
    if (!sameDims(op.dims, l.dims)) {
      throw new Error(`mesolve: expect operator '${name}' has dims [${op.dims.join(', ')}], expected [${l.dims.join(', ')}]`);
    }
  }
  const method = config.method ?? 'dormand-prince';
  if (method !== 'dormand-prince' && method !== 'rk4') {
    throw new Error(`mesolve: 'method' must be 'dormand-prince' or 'rk4', got '${String(method)}'`);
  }
  if (method === 'rk4' && !(config.dt !== undefined && config.dt > 0)) {
    throw new Error(`mesolve: method 'rk4' needs a step 'dt' > 0, got ${config.dt}`);
  }
  const t = Float64Array.from(times);
  const includeState = config.includeState ?? false;
  const plan = planEvolution(l, rho0, expectOps, includeState || config.symmetryReduction === false);

  return chunkedObservable<Frame>(
    function* (ctx) {
      const y = Float64Array.from(plan.y0);
      const stepper: OdeStepper =
        method === 'rk4'
          ? createRk4(plan.rhs, y, t[0], { dt: config.dt as number })
          : createDormandPrince(plan.rhs, y, t[0], {
              rtol: config.rtol ?? 1e-8,
              atol: config.atol ?? 1e-10,
              ...(config.hMax !== undefined ? { hMax: config.hMax } : {}),
            });
      for (let k = 0; k < t.length; k++) {
        if (k > 0) stepper.advanceTo(t[k], y);
        ctx.emit(plan.frame(t[k], y, includeState));
        yield { done: k + 1, total: t.length };
      }
    },
    config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {},
  );
}

/** What the time stepper integrates and how a frame is read off its state vector. */
interface EvolutionPlan {
  readonly y0: Float64Array;
  readonly rhs: (out: Float64Array, y: Float64Array) => void;
  frame(t: number, y: Float64Array, includeState: boolean): Frame;
}

/**
 * Chooses between the full matrix-free right-hand side on all of ρ and, when the requested
 * channels live in a few blocks of L, the CSR product of those blocks alone.
 */
function planEvolution(
  l: Lindbladian,
  rho0: DensityMatrix,
  expectOps: [string, Operator][],
  full: boolean,
): EvolutionPlan {
  const n = l.left.rows;
  const fullPlan = (): EvolutionPlan => {
    // a Hermitian ρ0 under a Hermiticity-preserving L: evolve the packed upper triangle only
    // (half the state: the Dormand–Prince stages then stay in cache at cutoff 50)
    const packed = isHermitian(rho0.matrix.data, n) ? compilePackedLindbladRhs(l) : null;
    if (packed !== null) {
      const full = new Float64Array(2 * n * n);
      return {
        y0: packHermitianInto(new Float64Array(n * (n + 1)), rho0.matrix.data, n),
        rhs: packed,
        // expectation values straight from the packed triangle; ρ unpacked only when it is emitted
        frame: (t, y, includeState) => (includeState ? frameOf(t, unpackHermitianInto(full, y, n), n, expectOps, true) : packedFrameOf(t, y, n, expectOps)),
      };
    }
    const rhs = compileLindbladRhs(l);
    return {
      y0: rho0.matrix.data,
      rhs: (out, y) => rhs.applyInto(out, y),
      frame: (t, y, includeState) => frameOf(t, y, n, expectOps, includeState),
    };
  };
  if (full) return fullPlan();

  const stencil = lindbladStencil(l);
  const seeds: number[] = [];
  for (let i = 0; i < n; i++) seeds.push(i * n + i);
  for (const [, op] of expectOps) {
    const o = op.matrix;
    // Tr[O ρ] = Σ_ij O_ij ρ_ji needs the vec entries j·n + i.
    for (let i = 0; i < o.rows; i++) {
      for (let p = o.rowPtr[i]; p < o.rowPtr[i + 1]; p++) seeds.push(o.colIdx[p] * n + i);
    }
  }
  const idx = blocksContaining(stencil, seeds);
  // Per entry the CSR product of a block and the stencil on all of ρ cost about the same;
  // reduce only when the blocks hold clearly fewer entries than ρ.
  if (idx.length > 0.5 * n * n) return fullPlan();
  const S = blockMatrix(stencil, idx);

  const where = new Int32Array(n * n).fill(-1);
  for (let k = 0; k < idx.length; k++) where[idx[k]] = k;
  const y0 = new Float64Array(2 * idx.length);
  for (let k = 0; k < idx.length; k++) {
    y0[2 * k] = rho0.matrix.data[2 * idx[k]];
    y0[2 * k + 1] = rho0.matrix.data[2 * idx[k] + 1];
  }
  const diag = Int32Array.from({ length: n }, (_, i) => where[i * n + i]);
  const readers = expectOps.map(([name, op]) => {
    const o = op.matrix;
    const nnz = o.rowPtr[o.rows];
    const pos = new Int32Array(nnz);
    const coef = new Float64Array(2 * nnz);
    for (let i = 0; i < o.rows; i++) {
      for (let p = o.rowPtr[i]; p < o.rowPtr[i + 1]; p++) {
        pos[p] = where[o.colIdx[p] * n + i];
        coef[2 * p] = o.data[2 * p];
        coef[2 * p + 1] = o.data[2 * p + 1];
      }
    }
    return { name, pos, coef };
  });
  return {
    y0,
    rhs: (out, y) => csrMatvecInto(out, S, y),
    frame(t, y) {
      const channels: Record<string, Channel> = {};
      let tr = 0;
      for (let i = 0; i < n; i++) tr += y[2 * diag[i]];
      channels.trace = realChannel(tr);
      for (const { name, pos, coef } of readers) {
        let re = 0;
        let im = 0;
        for (let p = 0; p < pos.length; p++) {
          const yr = y[2 * pos[p]];
          const yi = y[2 * pos[p] + 1];
          re += coef[2 * p] * yr - coef[2 * p + 1] * yi;
          im += coef[2 * p] * yi + coef[2 * p + 1] * yr;
        }
        channels[name] = complexChannel(re, im);
      }
      return { t, channels };
    },
  };
}

function frameOf(
  t: number,
  rho: Float64Array,
  n: number,
  expectOps: [string, Operator][],
  includeState: boolean,
): Frame {
  const channels: Record<string, Channel> = {};
  let tr = 0;
  for (let i = 0; i < n; i++) tr += rho[2 * (i * n + i)];
  channels.trace = realChannel(tr);
  for (const [name, op] of expectOps) {
    const [re, im] = traceProduct(op.matrix, rho, n);
    channels[name] = complexChannel(re, im);
  }
  if (includeState) channels.rho = arrayChannel(Float64Array.from(rho), [n, n], { complex: true });
  return { t, channels };
}

/** {@link frameOf} without the state, read from ρ's packed upper triangle (see `packHermitianInto`). */
function packedFrameOf(t: number, packed: Float64Array, n: number, expectOps: [string, Operator][]): Frame {
  const channels: Record<string, Channel> = {};
  let tr = 0;
  for (let i = 0; i < n; i++) tr += packed[2 * packedIndex(i, i, n)];
  channels.trace = realChannel(tr);
  for (const [name, op] of expectOps) {
    // Tr[O ρ] = Σ_ij O_ij ρ_ji, with ρ_ji = conj(ρ_ij) below the diagonal
    const o = op.matrix;
    let re = 0;
    let im = 0;
    for (let i = 0; i < o.rows; i++) {
      for (let p = o.rowPtr[i]; p < o.rowPtr[i + 1]; p++) {
        const j = o.colIdx[p];
        const q = 2 * (j <= i ? packedIndex(j, i, n) : packedIndex(i, j, n));
        const rr = packed[q];
        const ri = j <= i ? packed[q + 1] : -packed[q + 1];
        re += o.data[2 * p] * rr - o.data[2 * p + 1] * ri;
        im += o.data[2 * p] * ri + o.data[2 * p + 1] * rr;
      }
    }
    channels[name] = complexChannel(re, im);
  }
  return { t, channels };
}

/** Complex index of entry (i, j), i ≤ j, in the packed upper triangle: row i starts at i·n − i(i − 1)/2. */
function packedIndex(i: number, j: number, n: number): number {
  return i * n - ((i * (i - 1)) >> 1) + (j - i);
}

/** Tr[O ρ] = Σ_ij O_ij ρ_ji over the stored entries of O. */
function traceProduct(o: CsrMatrix, rho: Float64Array, n: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let i = 0; i < o.rows; i++) {
    for (let p = o.rowPtr[i]; p < o.rowPtr[i + 1]; p++) {
      const j = o.colIdx[p];
      const or = o.data[2 * p];
      const oi = o.data[2 * p + 1];
      const rr = rho[2 * (j * n + i)];
      const ri = rho[2 * (j * n + i) + 1];
      re += or * rr - oi * ri;
      im += or * ri + oi * rr;
    }
  }
  return [re, im];
}

/** True when ρ equals ρ† exactly (bit for bit), so its upper triangle holds all of it. */
function isHermitian(rho: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) {
    if (rho[2 * (i * n + i) + 1] !== 0) return false;
    for (let j = i + 1; j < n; j++) {
      if (rho[2 * (i * n + j)] !== rho[2 * (j * n + i)] || rho[2 * (i * n + j) + 1] !== -rho[2 * (j * n + i) + 1]) return false;
    }
  }
  return true;
}

function sameDims(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

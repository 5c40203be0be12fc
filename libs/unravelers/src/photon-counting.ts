import { chunkedObservable, sampleBlock, streamSchema } from '@qsync/frames';
import type { ChunkedObservable, SampleRecord } from '@qsync/frames';
import { csrAdjoint, csrMatmul } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import { compileLindbladRhs } from '@qsync/integrators';
import type { DensityMatrix, Ket, Lindbladian, Operator } from '@qsync/operators';
import { trajectoryRng } from './trajectory-rng';

/** One monitored jump channel of {@link photonCounting}: a dissipator of the generator and its detection efficiency. */
export interface CountedChannel {
  /** index of the dissipator in `lindbladian.dissipators` (an ordinary D[J], not a cross dissipator) */
  readonly dissipator: number;
  /** detection efficiency ξ ∈ [0, 1] (default 1): clicks at rate ξ·rate·⟨J†J⟩, the rest stays unobserved (Eq. 6.24) */
  readonly efficiency?: number;
}

/** Options of {@link photonCounting}. */
export interface PhotonCountingConfig {
  /** output sample spacing Δt > 0: sample k sits at t_k = t0 + k·Δt and counts the clicks in [t_k, t_k + Δt) */
  readonly dt: number;
  /** number of output samples, an integer ≥ 1 */
  readonly samples: number;
  /** start time (default 0) */
  readonly t0?: number;
  /** monitored channels (default: every dissipator, ξ = 1) */
  readonly monitored?: readonly CountedChannel[];
  /** conditional expectation values ⟨O⟩_c(t_k) to write beside the counts, by column name */
  readonly expect?: Readonly<Record<string, Operator>>;
  /** integer seed of the detector's randomness (the click draws) */
  readonly noiseSeed: number;
  /** trajectory index k ≥ 0 (default 0): trajectory k draws from `trajectoryRng(noiseSeed, k)` only */
  readonly trajectory?: number;
  /** samples per emitted block (default 256) */
  readonly blockLength?: number;
  /**
   * conditional state: 'ket' (Monte-Carlo wave function; needs every dissipator monitored with
   * ξ = 1), 'density' (conditional ρ) or 'auto' (default: 'ket' when allowed and the initial
   * state is a ket, else 'density')
   */
  readonly state?: 'auto' | 'ket' | 'density';
  /** largest RK4 step of the no-jump evolution (default 0.5/λ, λ a Gershgorin bound of its generator, and ≤ Δt) */
  readonly maxStep?: number;
  /** jump times are root-found to this absolute time tolerance (default 1e-12) */
  readonly timeTolerance?: number;
}

const FN = 'photonCounting';

/**
 * One photon-counting (quantum-jump) trajectory, thesis Sec. 3.3: the monitored channels J_k
 * click at rate ξ_k·rate_k·⟨J_k†J_k⟩_c; between clicks the conditional state follows the
 * no-jump evolution ρ̇ = Lρ − Σ_k ξ_k rate_k J_k ρ J_k† (unnormalised), whose trace is the
 * probability of no click; a click of channel k maps ρ → J_k ρ J_k†/Tr(·). The undetected part
 * (1 − ξ_k) and every unmonitored dissipator stay in the deterministic generator, so the
 * conditional state is mixed and evolved as ρ; when every dissipator is monitored with ξ = 1
 * the state stays pure and a ket evolves under H_eff = H − (i/2)Σ rate J†J instead.
 *
 * Click times are found by the waiting-time method: a threshold u is drawn uniformly in (0, 1],
 * the no-jump evolution (RK4, steps ≤ `maxStep`) runs until the no-click probability reaches u,
 * and the crossing is root-found (Illinois regula falsi on its logarithm) to `timeTolerance`.
 * The channel of a click is drawn with probabilities ∝ ξ_k rate_k Tr(J_k ρ J_k†).
 *
 * Emits a sample stream: a `streamSchema`, then `sampleBlock`s with the real column `counts`
 * (shape [M], M monitored channels: integer clicks in [t_k, t_k + Δt)) and one complex column
 * per `expect` entry (⟨O⟩_c at t_k, before that bin's clicks). Cold, chunked (one chunk per
 * sample), cancellable, with progress (done/total samples); the time step allocates nothing.
 *
 * @param l - the generator (from `lindbladian` of @qsync/operators)
 * @param initial - ρ(t0) as a Ket or DensityMatrix (normalised here)
 * @param config - sampling, monitored channels and efficiencies, expectations, seeds, see {@link PhotonCountingConfig}
 * @returns a cold {@link ChunkedObservable} of {@link SampleRecord}s
 * @throws Error naming the parameter: bad dt/samples/seed/efficiency/channel index, a monitored
 *   cross dissipator, dims that do not match, 'ket' requested when a channel is unmonitored or ξ < 1
 * @example
 * const s = spinHalfSpace();
 * const l = lindbladian(scaled(sigmaZ(s), 0), [{ rate: 1, jump: sigmaMinus(s) }]);
 * const records = await lastValueFrom(
 *   photonCounting(l, fockKet(s, 1), { dt: 1, samples: 40, noiseSeed: 1 }).pipe(toArray()),
 * );
 * let clicks = 0;
 * for (const r of records) if (r.kind === 'block') for (const c of r.columns.counts.data) clicks += c;
 * clicks; // → 1  (the excited spin emits exactly one photon)
 */
export function photonCounting(
  l: Lindbladian,
  initial: Ket | DensityMatrix,
  config: PhotonCountingConfig,
): ChunkedObservable<SampleRecord> {
  const setup = resolve(l, initial, config);
  return chunkedObservable<SampleRecord>(function* (ctx) {
    const run = createRun(setup);
    const { samples, blockLength, dt, t0, m, expectNames } = setup;
    ctx.emit(
      streamSchema({
        channels: {
          counts: { kind: 'real', shape: [m], description: 'detected clicks per bin [t_k, t_k + dt), per monitored channel' },
          ...Object.fromEntries(
            expectNames.map((name) => [name, { kind: 'complex' as const, description: `conditional ⟨${name}⟩ at t_k` }]),
          ),
        },
        rate: 1 / dt,
      }),
    );
    for (let start = 0; start < samples; start += blockLength) {
      const len = Math.min(blockLength, samples - start);
      const counts = new Float64Array(len * m);
      const values = expectNames.map(() => new Float64Array(2 * len));
      for (let k = 0; k < len; k++) {
        run.expectInto(values, k);
        run.advance(t0 + (start + k + 1) * dt, counts, k * m);
        if (ctx.closed) return;
        yield { done: start + k + 1, total: samples };
      }
      const columns: Record<string, { kind: 'real' | 'complex'; data: Float64Array; shape?: number[] }> = {
        counts: { kind: 'real', data: counts, shape: [m] },
      };
      expectNames.forEach((name, j) => {
        columns[name] = { kind: 'complex', data: values[j] };
      });
      ctx.emit(sampleBlock({ t0: t0 + start * dt, dt, length: len, columns }));
    }
  });
}

interface Setup {
  readonly l: Lindbladian;
  readonly n: number;
  readonly ket: boolean;
  readonly y0: Float64Array;
  readonly dt: number;
  readonly t0: number;
  readonly samples: number;
  readonly blockLength: number;
  readonly m: number;
  readonly channels: readonly { readonly jump: CsrMatrix; readonly jumpDag: CsrMatrix; readonly jdj: CsrMatrix; readonly weight: number }[];
  readonly expectNames: readonly string[];
  readonly expectOps: readonly CsrMatrix[];
  readonly noiseSeed: number;
  readonly trajectory: number;
  readonly maxStep: number;
  readonly timeTolerance: number;
}

function resolve(l: Lindbladian, initial: Ket | DensityMatrix, config: PhotonCountingConfig): Setup {
  if (l === null || typeof l !== 'object' || !Array.isArray(l.dissipators) || l.left === undefined) {
    throw new Error(`${FN}: argument 'l' must be a Lindbladian (from lindbladian()), got ${String(l)}`);
  }
  if (config === null || typeof config !== 'object') {
    throw new Error(`${FN}: argument 'config' must be an object { dt, samples, noiseSeed, … }, got ${String(config)}`);
  }
  const n = l.left.rows;
  const { dt, samples } = config;
  if (typeof dt !== 'number' || !(dt > 0) || !Number.isFinite(dt)) {
    throw new Error(`${FN}: option 'dt' must be a finite number > 0, got ${String(dt)}`);
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`${FN}: option 'samples' must be an integer ≥ 1, got ${String(samples)}`);
  }
  const t0 = config.t0 ?? 0;
  if (typeof t0 !== 'number' || !Number.isFinite(t0)) throw new Error(`${FN}: option 't0' must be finite, got ${String(t0)}`);
  const blockLength = config.blockLength ?? 256;
  if (!Number.isInteger(blockLength) || blockLength < 1) {
    throw new Error(`${FN}: option 'blockLength' must be an integer ≥ 1, got ${String(blockLength)}`);
  }
  if (typeof config.noiseSeed !== 'number' || !Number.isSafeInteger(config.noiseSeed)) {
    throw new Error(`${FN}: option 'noiseSeed' must be a safe integer, got ${String(config.noiseSeed)}`);
  }
  const trajectory = config.trajectory ?? 0;
  if (!Number.isSafeInteger(trajectory) || trajectory < 0) {
    throw new Error(`${FN}: option 'trajectory' must be an integer ≥ 0, got ${String(trajectory)}`);
  }
  const timeTolerance = config.timeTolerance ?? 1e-12;
  if (typeof timeTolerance !== 'number' || !(timeTolerance > 0)) {
    throw new Error(`${FN}: option 'timeTolerance' must be a number > 0, got ${String(timeTolerance)}`);
  }

  const monitored: readonly CountedChannel[] = config.monitored ?? l.dissipators.map((_, k) => ({ dissipator: k }));
  if (!Array.isArray(monitored) || monitored.length === 0) {
    throw new Error(`${FN}: option 'monitored' must list at least one channel { dissipator, efficiency? }`);
  }
  const seen = new Set<number>();
  const scaled = l.sandwiches.map((s) => s.rate);
  let allDetected = monitored.length === l.dissipators.length;
  const channels = monitored.map((c, j) => {
    const k = c?.dissipator;
    if (!Number.isInteger(k) || k < 0 || k >= l.dissipators.length) {
      throw new Error(`${FN}: monitored[${j}].dissipator must be an index in [0, ${l.dissipators.length}), got ${String(k)}`);
    }
    if (seen.has(k)) throw new Error(`${FN}: monitored[${j}].dissipator ${k} is listed twice`);
    seen.add(k);
    const d = l.dissipators[k];
    if (d.jump2 !== undefined) {
      throw new Error(`${FN}: monitored[${j}] names dissipator ${k}, a cross dissipator D[o1, o2]; only D[J] can be counted`);
    }
    const xi = c.efficiency ?? 1;
    if (typeof xi !== 'number' || !(xi >= 0 && xi <= 1)) {
      throw new Error(`${FN}: monitored[${j}].efficiency must be a number in [0, 1], got ${String(xi)}`);
    }
    if (xi !== 1) allDetected = false;
    // the detected part ξ·rate·JρJ† leaves the generator; (1 − ξ)·rate·JρJ† stays (Eq. 6.24)
    scaled[k] = (1 - xi) * d.rate;
    const jump = d.jump.matrix;
    const jumpDag = csrAdjoint(jump);
    return { jump, jumpDag, jdj: csrMatmul(jumpDag, jump), weight: xi * d.rate };
  });

  const isKet = (initial as Ket)?.data instanceof Float64Array && !('matrix' in initial);
  const mode = config.state ?? 'auto';
  if (mode !== 'auto' && mode !== 'ket' && mode !== 'density') {
    throw new Error(`${FN}: option 'state' must be 'auto', 'ket' or 'density', got ${String(mode)}`);
  }
  if (mode === 'ket' && (!allDetected || !isKet)) {
    throw new Error(
      `${FN}: option state 'ket' needs every dissipator monitored with efficiency 1 and a Ket initial state; ` +
        `use 'density' (the conditional state is mixed)`,
    );
  }
  const ket = mode === 'ket' || (mode === 'auto' && allDetected && isKet);

  let y0: Float64Array;
  if (isKet) {
    const psi = (initial as Ket).data;
    if (psi.length !== 2 * n) throw new Error(`${FN}: argument 'initial' must have dimension ${n}, got ${psi.length / 2}`);
    if (ket) {
      y0 = Float64Array.from(psi);
    } else {
      y0 = new Float64Array(2 * n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          const p = 2 * (i * n + j);
          y0[p] = psi[2 * i] * psi[2 * j] + psi[2 * i + 1] * psi[2 * j + 1];
          y0[p + 1] = psi[2 * i + 1] * psi[2 * j] - psi[2 * i] * psi[2 * j + 1];
        }
      }
    }
  } else {
    const rho = (initial as DensityMatrix)?.matrix;
    if (rho === undefined || rho.rows !== n || rho.cols !== n) {
      throw new Error(`${FN}: argument 'initial' must be a Ket or a ${n}×${n} DensityMatrix`);
    }
    y0 = Float64Array.from(rho.data);
  }
  const norm0 = ket ? ketNorm(y0) : trace(y0, n);
  if (!(norm0 > 0) || !Number.isFinite(norm0)) {
    throw new Error(`${FN}: argument 'initial' must have a positive finite norm/trace, got ${norm0}`);
  }
  const s0 = ket ? 1 / Math.sqrt(norm0) : 1 / norm0;
  for (let i = 0; i < y0.length; i++) y0[i] *= s0;

  const expectNames = Object.keys(config.expect ?? {});
  const expectOps = expectNames.map((name) => {
    const op = (config.expect as Record<string, Operator>)[name];
    if (op?.matrix?.rows !== n || op.matrix.cols !== n) {
      throw new Error(`${FN}: expect.${name} must be a ${n}×${n} Operator`);
    }
    return op.matrix;
  });

  const generator: Lindbladian = {
    ...l,
    sandwiches: l.sandwiches.map((s, k) => ({ ...s, rate: scaled[k] })).filter((s) => s.rate !== 0),
  };
  // Gershgorin bound of the no-jump generator; RK4 is accurate to ~(hλ)⁴/120 per unit of λt
  const leftBound = rowSumMax(l.left);
  let lambda = ket ? leftBound : leftBound + rowSumMax(l.right);
  if (!ket) for (const s of generator.sandwiches) lambda += Math.abs(s.rate) * rowSumMax(s.left) * rowSumMax(s.right);
  const maxStep = config.maxStep ?? Math.min(dt, lambda > 0 ? 0.5 / lambda : dt);
  if (typeof maxStep !== 'number' || !(maxStep > 0)) {
    throw new Error(`${FN}: option 'maxStep' must be a number > 0, got ${String(maxStep)}`);
  }
  return {
    l: generator, n, ket, y0, dt, t0, samples, blockLength, m: channels.length, channels,
    expectNames, expectOps, noiseSeed: config.noiseSeed, trajectory, maxStep, timeTolerance,
  };
}

interface Run {
  /** writes ⟨O_j⟩_c of the current (normalised) state into values[j] at sample k */
  expectInto(values: Float64Array[], k: number): void;
  /** evolves to tEnd, adding each click to counts[offset + channel] */
  advance(tEnd: number, counts: Float64Array, offset: number): void;
}

function createRun(s: Setup): Run {
  const { n, ket, channels, expectOps, maxStep, timeTolerance } = s;
  const rng = trajectoryRng(s.noiseSeed, s.trajectory);
  const dim = s.y0.length;
  const y = Float64Array.from(s.y0);
  const yStart = new Float64Array(dim);
  const k1 = new Float64Array(dim);
  const k2 = new Float64Array(dim);
  const k3 = new Float64Array(dim);
  const k4 = new Float64Array(dim);
  const tmp = new Float64Array(dim);
  const work = new Float64Array(dim);
  const probs = new Float64Array(channels.length);
  const left = s.l.left;
  const lrhs = ket ? null : compileLindbladRhs(s.l);
  const rhs = (out: Float64Array, x: Float64Array): void => {
    if (lrhs === null) csrApplyInto(out, left, x);
    else lrhs.applyInto(out, x);
  };
  const norm = (x: Float64Array): number => (ket ? ketNorm(x) : trace(x, n));
  // one classical RK4 step of size h from `from` into `to` (the no-jump evolution is linear and autonomous)
  const rk4Into = (to: Float64Array, from: Float64Array, h: number): void => {
    rhs(k1, from);
    for (let i = 0; i < dim; i++) tmp[i] = from[i] + 0.5 * h * k1[i];
    rhs(k2, tmp);
    for (let i = 0; i < dim; i++) tmp[i] = from[i] + 0.5 * h * k2[i];
    rhs(k3, tmp);
    for (let i = 0; i < dim; i++) tmp[i] = from[i] + h * k3[i];
    rhs(k4, tmp);
    const c = h / 6;
    for (let i = 0; i < dim; i++) to[i] = from[i] + c * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
  };
  const rescale = (p: number): void => {
    const f = ket ? 1 / Math.sqrt(p) : 1 / p;
    for (let i = 0; i < dim; i++) y[i] *= f;
  };
  // waiting-time threshold: a click happens when the no-click probability falls to u
  let logU = Math.log(1 - rng.uniform());
  let t = s.t0;

  const click = (counts: Float64Array, offset: number): void => {
    let total = 0;
    for (let c = 0; c < channels.length; c++) {
      const ch = channels[c];
      probs[c] = ch.weight === 0 ? 0 : ch.weight * (ket ? ketExpectRe(ch.jdj, y) : traceProductRe(ch.jdj, y, n));
      total += probs[c];
    }
    let r = rng.uniform() * total;
    let c = 0;
    while (c < channels.length - 1 && (r >= probs[c] || probs[c] === 0)) {
      r -= probs[c];
      c++;
    }
    const ch = channels[c];
    if (ket) {
      csrApplyInto(work, ch.jump, y);
      y.set(work);
    } else {
      sandwichInto(y, ch.jump, ch.jumpDag, y, work, n);
    }
    const p = norm(y);
    if (!(p > 0) || !Number.isFinite(p)) {
      throw new Error(`${FN}: the click of monitored channel ${c} left a state of norm ${p} at t = ${t} (no channel can click here)`);
    }
    rescale(p);
    counts[offset + c] += 1;
    logU = Math.log(1 - rng.uniform());
  };

  return {
    expectInto(values, k) {
      const p = norm(y);
      for (let j = 0; j < expectOps.length; j++) {
        if (ket) ketExpect(expectOps[j], y);
        else traceProduct(expectOps[j], y, n);
        values[j][2 * k] = zRe / p;
        values[j][2 * k + 1] = zIm / p;
      }
    },
    advance(tEnd, counts, offset) {
      while (t < tEnd) {
        const h = Math.min(maxStep, tEnd - t);
        yStart.set(y);
        const logP0 = Math.log(norm(yStart));
        rk4Into(y, yStart, h);
        const logP = Math.log(norm(y));
        if (logP > logU) {
          t = h === tEnd - t ? tEnd : t + h;
          continue;
        }
        // Illinois regula falsi for f(s) = ln Tr ρ̃(t + s) − ln u on [0, h]: f(0) > 0 ≥ f(h)
        let a = 0;
        let fa = logP0 - logU;
        let b = h;
        let fb = logP - logU;
        let side = 0;
        let sRoot = fa <= 0 ? 0 : b;
        for (let iter = 0; iter < 200 && fa > 0 && b - a > timeTolerance; iter++) {
          const sNew = (a * fb - b * fa) / (fb - fa);
          rk4Into(y, yStart, sNew);
          const f = Math.log(norm(y)) - logU;
          if (Math.abs(f) <= 1e-15) {
            sRoot = sNew;
            break;
          }
          if (f > 0) {
            a = sNew;
            fa = f;
            if (side === -1) fb *= 0.5;
            side = -1;
          } else {
            b = sNew;
            fb = f;
            if (side === 1) fa *= 0.5;
            side = 1;
          }
          sRoot = b;
        }
        rk4Into(y, yStart, sRoot);
        t += sRoot;
        click(counts, offset);
      }
      // renormalise at the output time and carry the threshold along: u/p keeps the same next click
      const p = norm(y);
      logU -= Math.log(p);
      rescale(p);
    },
  };
}

// complex result of the last ketExpect/traceProduct call (module scratch: no allocation per call)
let zRe = 0;
let zIm = 0;

function rowSumMax(a: CsrMatrix): number {
  let best = 0;
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let q = a.rowPtr[i]; q < a.rowPtr[i + 1]; q++) sum += Math.hypot(a.data[2 * q], a.data[2 * q + 1]);
    best = Math.max(best, sum);
  }
  return best;
}

/** out = A·x for an interleaved complex vector. */
function csrApplyInto(out: Float64Array, a: CsrMatrix, x: Float64Array): void {
  const { rowPtr, colIdx, data } = a;
  for (let i = 0; i < a.rows; i++) {
    let re = 0;
    let im = 0;
    for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
      const j = colIdx[q];
      const ar = data[2 * q];
      const ai = data[2 * q + 1];
      re += ar * x[2 * j] - ai * x[2 * j + 1];
      im += ar * x[2 * j + 1] + ai * x[2 * j];
    }
    out[2 * i] = re;
    out[2 * i + 1] = im;
  }
}

function ketNorm(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

function trace(rho: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += rho[2 * (i * n + i)];
  return s;
}

/** ⟨x|A|x⟩ into (zRe, zIm). */
function ketExpect(a: CsrMatrix, x: Float64Array): void {
  const { rowPtr, colIdx, data } = a;
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.rows; i++) {
    let ur = 0;
    let ui = 0;
    for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
      const j = colIdx[q];
      ur += data[2 * q] * x[2 * j] - data[2 * q + 1] * x[2 * j + 1];
      ui += data[2 * q] * x[2 * j + 1] + data[2 * q + 1] * x[2 * j];
    }
    // conj(x_i)·(Ax)_i
    re += x[2 * i] * ur + x[2 * i + 1] * ui;
    im += x[2 * i] * ui - x[2 * i + 1] * ur;
  }
  zRe = re;
  zIm = im;
}

function ketExpectRe(a: CsrMatrix, x: Float64Array): number {
  ketExpect(a, x);
  return zRe;
}

/** Tr(Aρ) = Σ_ij A_ij ρ_ji into (zRe, zIm). */
function traceProduct(a: CsrMatrix, rho: Float64Array, n: number): void {
  const { rowPtr, colIdx, data } = a;
  let re = 0;
  let im = 0;
  for (let i = 0; i < n; i++) {
    for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
      const p = 2 * (colIdx[q] * n + i);
      re += data[2 * q] * rho[p] - data[2 * q + 1] * rho[p + 1];
      im += data[2 * q] * rho[p + 1] + data[2 * q + 1] * rho[p];
    }
  }
  zRe = re;
  zIm = im;
}

function traceProductRe(a: CsrMatrix, rho: Float64Array, n: number): number {
  traceProduct(a, rho, n);
  return zRe;
}

/** out = J·ρ·J† (out may be ρ itself; `work` holds J·ρ). */
function sandwichInto(out: Float64Array, j: CsrMatrix, jDag: CsrMatrix, rho: Float64Array, work: Float64Array, n: number): void {
  // work = J·ρ, row by row
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < n; c++) {
      let re = 0;
      let im = 0;
      for (let q = j.rowPtr[i]; q < j.rowPtr[i + 1]; q++) {
        const p = 2 * (j.colIdx[q] * n + c);
        re += j.data[2 * q] * rho[p] - j.data[2 * q + 1] * rho[p + 1];
        im += j.data[2 * q] * rho[p + 1] + j.data[2 * q + 1] * rho[p];
      }
      work[2 * (i * n + c)] = re;
      work[2 * (i * n + c) + 1] = im;
    }
  }
  out.fill(0);
  // out = work·J†: out[i][c] += work[i][k]·J†[k][c]
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const wr = work[2 * (i * n + k)];
      const wi = work[2 * (i * n + k) + 1];
      if (wr === 0 && wi === 0) continue;
      for (let q = jDag.rowPtr[k]; q < jDag.rowPtr[k + 1]; q++) {
        const p = 2 * (i * n + jDag.colIdx[q]);
        out[p] += wr * jDag.data[2 * q] - wi * jDag.data[2 * q + 1];
        out[p + 1] += wr * jDag.data[2 * q + 1] + wi * jDag.data[2 * q];
      }
    }
  }
}

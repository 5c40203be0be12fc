import { arrayChannel, chunkedObservable, complexChannel, realChannel } from '@qsync/frames';
import type { Channel, ChunkedObservable, Frame } from '@qsync/frames';
import type { DensityMatrix, Operator } from '@qsync/operators';
import { compileMeanFieldRhs } from './compile-mean-field-rhs';
import { createDormandPrince } from './create-dormand-prince';
import { checkState, sameDims, traceProductInto } from './mean-field-support';
import type { MeanFieldMasterEquation } from './mean-field-types';

/** Options of {@link meanFieldMesolve}. */
export interface MeanFieldMesolveConfig {
  /** Operators whose expectation values Tr[O ρ(t)] are emitted, each as a complex channel of that name. */
  expect?: Readonly<Record<string, Operator>>;
  /** Also emit the state as channel `rho` (a copy: an n×n complex array channel). Default false. */
  includeState?: boolean;
  /** Relative tolerance of Dormand–Prince (default 1e-8). */
  rtol?: number;
  /** Absolute tolerance, on the entries of ρ (default 1e-10). */
  atol?: number;
  /** Largest step (default ∞). */
  hMax?: number;
  /** Wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16). */
  yieldEvery?: number;
}

/**
 * Integrates a nonlinear master equation of mean-field form (thesis Eqs. 4.19–4.20),
 * ρ̇ = L0 ρ − i[H_mf(ρ), ρ], from ρ0 with adaptive Dormand–Prince 5(4), and emits one frame per
 * requested time, like `mesolve`: a cold Observable (nothing runs until subscribed; the work runs in
 * slices that yield to the event loop; unsubscribing stops it; `withProgress()` adds the progress in
 * output times). Channels: each entry of `expect` (complex Tr[O ρ(t)]), `trace` (real) and, with
 * `includeState`, `rho` (a copy). The right-hand side is `compileMeanFieldRhs` (allocation-free).
 *
 * @param equation L0 and the mean-field terms
 * @param rho0 initial density matrix on L0's space
 * @param times output times, finite and non-decreasing; the first is the initial time
 * @example
 * // Eq. 4.19 at κ1 = 1, κ2 = 1, V = 8 (above Vc ≈ 3.6): ⟨a⟩ from a weak coherent start grows to a limit |A|
 * const s = fockSpace(12);
 * const a = destroy(s);
 * const eq = {
 *   lindbladian: lindbladian(scaled(num(s), 0), [{ rate: 1, jump: create(s) }, { rate: 1, jump: power(a, 2) }, { rate: 8, jump: a }]),
 *   terms: [{ c: { re: 0, im: 4 }, x: a, y: create(s) }],
 * };
 * const frames = await lastValueFrom(meanFieldMesolve(eq, pureState(coherentKet(s, { re: 0.1, im: 0 })), [0, 40], { expect: { a } }).pipe(toArray()));
 * channelValue(frames[1], 'a', 'complex').re; // ≈ 0.5619 — arg A stays 0: the U(1) phase is the start's
 */
export function meanFieldMesolve(
  equation: MeanFieldMasterEquation,
  rho0: DensityMatrix,
  times: ArrayLike<number>,
  config: MeanFieldMesolveConfig = {},
): ChunkedObservable<Frame> {
  const rhs = compileMeanFieldRhs(equation);
  const n = rhs.n;
  const dims = equation.lindbladian.dims;
  checkState('meanFieldMesolve', 'rho0', rho0, dims, n);
  if (times.length < 1) throw new Error("meanFieldMesolve: 'times' must hold at least one time");
  for (let k = 0; k < times.length; k++) {
    if (!Number.isFinite(times[k])) throw new Error(`meanFieldMesolve: 'times[${k}]' must be finite, got ${times[k]}`);
    if (k > 0 && times[k] < times[k - 1]) {
      throw new Error(`meanFieldMesolve: 'times' must be non-decreasing, but times[${k}] = ${times[k]} < times[${k - 1}] = ${times[k - 1]}`);
    }
  }
  const expectOps = Object.entries(config.expect ?? {});
  for (const [name, op] of expectOps) {
    if (name === 'trace' || name === 'rho') throw new Error(`meanFieldMesolve: expect channel name '${name}' is reserved`);
    if (!sameDims(op.dims, dims)) {
      throw new Error(`meanFieldMesolve: expect operator '${name}' has dims [${op.dims.join(', ')}], expected [${dims.join(', ')}]`);
    }
  }
  const tolerances = {
    rtol: config.rtol ?? 1e-8,
    atol: config.atol ?? 1e-10,
    ...(config.hMax !== undefined ? { hMax: config.hMax } : {}),
  };
  const t = Float64Array.from(times);
  const y0 = Float64Array.from(rho0.matrix.data);
  const apply = (out: Float64Array, y: Float64Array) => rhs.applyInto(out, y);
  createDormandPrince(apply, y0, t[0], tolerances); // refuses bad tolerances at the call
  const includeState = config.includeState ?? false;
  const value = new Float64Array(2);

  return chunkedObservable<Frame>(
    function* (ctx) {
      const y = Float64Array.from(y0);
      const stepper = createDormandPrince(apply, y, t[0], { ...tolerances, tStop: t[t.length - 1] });
      for (let k = 0; k < t.length; k++) {
        if (k > 0 && t[k] > t[k - 1]) stepper.advanceTo(t[k], y);
        const channels: Record<string, Channel> = {};
        let tr = 0;
        for (let i = 0; i < n; i++) tr += y[2 * (i * n + i)];
        channels.trace = realChannel(tr);
        for (const [name, op] of expectOps) {
          traceProductInto(value, op.matrix, y, n);
          channels[name] = complexChannel(value[0], value[1]);
        }
        if (includeState) channels.rho = arrayChannel(Float64Array.from(y), [n, n], { complex: true });
        ctx.emit({ t: t[k], channels });
        yield { done: k + 1, total: t.length };
      }
    },
    config.yieldEvery !== undefined ? { yieldEvery: config.yieldEvery } : {},
  );
}

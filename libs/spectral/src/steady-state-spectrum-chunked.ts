import { chunkedObservable, type ChunkedObservable } from '@qsync/frames';
import type { Lindbladian, Operator } from '@qsync/operators';
import { spectrumPlan } from './spectrum-plan';
import type { Spectrum } from './spectrum';
import type { SteadyStateSpectrumConfig } from './steady-state-spectrum-config';

/**
 * {@link steadyStateSpectrum} as a cold, cancellable Observable: nothing runs until it is
 * subscribed; then it computes in chunks (one frequency of the 'resolvent' route, or a few
 * hundred τ-steps of the 'fourier' route, per chunk), yields to the event loop between them,
 * reports progress through `withProgress()` (frequencies done of all, or ln‖X₀‖/‖X(τ)‖ of
 * ln(1/decay); each time it yields, see `yieldEvery`), stops when unsubscribed, and emits the finished spectrum once. Each
 * subscription computes afresh. Arguments are checked when it is called.
 *
 * @param l the generator, from `lindbladian` of @qsync/operators
 * @param omega angular frequencies, strictly ascending
 * @param a the operator A (e.g. a†, σ+)
 * @param b the operator B (e.g. a, σ−)
 * @param config as for {@link steadyStateSpectrum}
 * @example
 * // A quantum vdP oscillator (thesis Eq. 4.1; ω = 2, κ1 = 3, κ2 = 1, Fock cutoff 8): its
 * // spectrum is symmetric about ω (the U(1) symmetry), so S(1.5) = S(2.5).
 * const f = fockSpace(8);
 * const l = lindbladian(scaled(num(f), 2), [{ rate: 3, jump: create(f) }, { rate: 1, jump: power(destroy(f), 2) }]);
 * const done: number[] = [];
 * const s = await lastValueFrom(
 *   steadyStateSpectrumChunked(l, [1.5, 2, 2.5], create(f), destroy(f), { yieldEvery: 0 }).withProgress().pipe(tapProgress((p) => done.push(p.done))),
 * );
 * done; // [1, 2, 3] — one chunk per frequency
 * Math.abs(s.density[0] - s.density[2]) / s.density[0]; // < 1e-12
 */
export function steadyStateSpectrumChunked(
  l: Lindbladian,
  omega: Float64Array | readonly number[],
  a: Operator,
  b: Operator,
  config: SteadyStateSpectrumConfig = {},
): ChunkedObservable<Spectrum> {
  const fn = 'steadyStateSpectrumChunked';
  spectrumPlan(fn, l, omega, a, b, config);
  return chunkedObservable<Spectrum>(function* (ctx) {
    const plan = spectrumPlan(fn, l, omega, a, b, config);
    yield* plan.run();
    ctx.emit(plan.spectrum);
  }, config.yieldEvery === undefined ? {} : { yieldEvery: config.yieldEvery });
}

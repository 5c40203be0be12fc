import { describe, expect, it } from 'vitest';
import { lastValueFrom, take, toArray } from 'rxjs';
import { expectClose } from '@qsync/testing';
import { steadyStateSpectrumChunked } from './steady-state-spectrum-chunked';
import { steadyStateSpectrum } from './steady-state-spectrum';
import { spinLimitCycle, vanDerPolOscillator } from './test-support/quantum-models';

describe('steadyStateSpectrumChunked', () => {
  const osc = vanDerPolOscillator(8, { omega: 1, kappa1: 2, kappa2: 0.5, kappa: 0.5 });
  const omega = [0, 0.5, 1, 1.5, 2];

  it('emits the spectrum of steadyStateSpectrum once, with one progress report per frequency', async () => {
    const events = await lastValueFrom(
      steadyStateSpectrumChunked(osc.l, omega, osc.adag, osc.a, { yieldEvery: 0 }).withProgress().pipe(toArray()),
    );
    const progress = events.filter((e) => e.kind === 'progress').map((e) => (e.kind === 'progress' ? e.done : -1));
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    const values = events.filter((e) => e.kind === 'value');
    expect(values).toHaveLength(1);
    const s = values[0].kind === 'value' ? values[0].value : null;
    expectClose(s?.density ?? [], steadyStateSpectrum(osc.l, omega, osc.adag, osc.a).density, { rtol: 0 });
  });

  it('is cold and stops when unsubscribed', async () => {
    const obs = steadyStateSpectrumChunked(osc.l, omega, osc.adag, osc.a, { method: 'fourier' });
    // Nothing runs before subscription; after the first progress report, unsubscribing ends it.
    const first = await lastValueFrom(obs.withProgress().pipe(take(1)));
    expect(first.kind).toBe('progress');
    const full = await lastValueFrom(obs);
    expectClose(full.density, steadyStateSpectrum(osc.l, omega, osc.adag, osc.a).density, { rtol: 1e-7 });
  });

  it('refuses bad arguments when called, not on subscription', () => {
    const spin = spinLimitCycle(1, 1, 1);
    expect(() => steadyStateSpectrumChunked(spin.l, [1], osc.adag, spin.sm)).toThrow(
      /steadyStateSpectrumChunked: argument 'a' must be an operator on the space of 'l'/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { steadyStateCorrelation } from './steady-state-correlation';
import { steadyStateCorrelationChunked } from './steady-state-correlation-chunked';
import { spinLimitCycle } from './test-support/quantum-models';

describe('steadyStateCorrelation', () => {
  const w0 = 1.7;
  const gp = 0.4;
  const gm = 1.1;
  const G = gp + gm;
  const { l, sp, sm, sz } = spinLimitCycle(w0, gp, gm);
  const tau = [0, 0.1, 0.5, 1, 2.5, 6];

  it('is p·e^{(iω₀ − Γ/2)τ} for σ+, σ− of one spin (Eqs. 4.27, 4.28)', () => {
    const { g } = steadyStateCorrelation(l, tau, sp, sm);
    const expected: number[] = [];
    for (const t of tau) expected.push((gp / G) * Math.exp(-G * t / 2) * Math.cos(w0 * t), (gp / G) * Math.exp(-G * t / 2) * Math.sin(w0 * t));
    expectClose(g, expected, { rtol: 1e-8, atol: 1e-12 });
  });

  it('keeps ⟨A⟩⟨B⟩: ⟨σz(τ)σz⟩ = s_z² + (1 − s_z²)e^{−Γτ}', () => {
    const s = (gp - gm) / G;
    const { g } = steadyStateCorrelation(l, tau, sz, sz);
    const expected: number[] = [];
    for (const t of tau) expected.push(s * s + (1 - s * s) * Math.exp(-G * t), 0);
    expectClose(g, expected, { rtol: 1e-8, atol: 1e-12 });
  });

  it('refuses bad lags and tolerances by name', () => {
    expect(() => steadyStateCorrelation(l, [-1], sp, sm)).toThrow(/argument 'tau' must hold finite lags ≥ 0, got -1 at 0/);
    expect(() => steadyStateCorrelation(l, [1, 0.5], sp, sm)).toThrow(/argument 'tau' must be ascending/);
    expect(() => steadyStateCorrelation(l, [1], sp, sm, { atol: 0 })).toThrow(/option 'atol' must be a finite number > 0/);
  });
});

describe('steadyStateCorrelationChunked', () => {
  it('emits the correlation of steadyStateCorrelation once, with one progress report per lag', async () => {
    const { l, sp, sm } = spinLimitCycle(1.7, 0.4, 1.1);
    const tau = [0, 0.5, 1, 3];
    const events = await lastValueFrom(steadyStateCorrelationChunked(l, tau, sp, sm, { yieldEvery: 0 }).withProgress().pipe(toArray()));
    expect(events.filter((e) => e.kind === 'progress').map((e) => (e.kind === 'progress' ? e.done : -1))).toEqual([1, 2, 3, 4]);
    const last = events[events.length - 1];
    expect(last.kind).toBe('value');
    expectClose(last.kind === 'value' ? last.value.g : [], steadyStateCorrelation(l, tau, sp, sm).g, { rtol: 0 });
    expect(() => steadyStateCorrelationChunked(l, [2, 1], sp, sm)).toThrow(/steadyStateCorrelationChunked: argument 'tau' must be ascending/);
  });
});

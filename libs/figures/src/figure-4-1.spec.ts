import { readFileSync } from 'node:fs';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure41 } from './figure-4-1';
import { check, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

interface QutipFixture {
  cases: {
    single_c: {
      params: { omega: number; kappa1: number; kappa: number; kappa2: number; N: number };
      steady: { n: number };
      mesolve: { alpha: [number, number]; t: number[]; a_re: number[]; a_im: number[] };
    };
    quantum_limit_d: { cases: { params: { kappa1: number; kappa2: number; N: number }; populations: number[] }[] };
  };
}
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/qutip-vdp.json', import.meta.url), 'utf8')) as QutipFixture;

describe('figure 4.1', () => {
  it('evolves Q(α) and Q(φ) of the quantum vdP oscillator as QuTiP does, into the ring and the quantum limit', async () => {
    const { data } = await runFigure(figure41, { scale: 0.2 });
    expect([numberParameter(data, 'cells'), numberParameter(data, 'angles')]).toEqual([21, 32]);
    expect(data.panels.map((p) => p.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'b', 'c', 'd']);
    // each heatmap holds nearly all of Q: ∫Q d²α = Tr ρ = 1 − (truncated tail ~5e-9) on [−4, 4]², where
    // the Q of states with ⟨n⟩ ≤ 4 leaves out ~1e-4; a Riemann sum on 21 × 21 cells of an analytic Q
    const a6 = heatmapPanel(data, 'a6');
    const cell = (a6.x[1] - a6.x[0]) ** 2;
    expectClose(a6.values.reduce((s, v) => s + v * cell, 0), 1, { atol: 3e-3 });

    // QuTiP 4.7 (case single_c: the same parameters, N = 20, |α0 = 2⟩, atol 1e-12, rtol 1e-10, its
    // integration error ≤ 4e-10 by expm_multiply): ⟨a⟩(t) on the same 61 times
    const q = fixture.cases.single_c;
    expect([data.parameters.omega, data.parameters.kappa1, data.parameters.kappa, data.parameters.kappa2, data.parameters.cutoff]).toEqual([
      q.params.omega,
      q.params.kappa1,
      q.params.kappa,
      q.params.kappa2,
      q.params.N,
    ]);
    expect(data.parameters.alpha0).toBe(q.mesolve.alpha[0]);
    const c = linePanel(data, 'c');
    expectClose(c.series[0].x, q.mesolve.t, { atol: 1e-12 });
    expectClose(c.series[0].y, q.mesolve.a_re, { atol: 1e-7 });
    expectClose(c.series[1].y, q.mesolve.a_im, { atol: 1e-7 });

    // Eq. 4.5 closed form against its radial quadrature: rounding (a wrong Γ weight is off by > 1e-3)
    expect(check(data, 'closed form vs radial quadrature').value).toBeLessThan(1e-12);
    // ⟨a⟩e^{iωt} real: the integrator's relative tolerance 1e-10 bounds the phase error
    expect(check(data, 'rotation at ω').value).toBeLessThan(1e-8);
    // steadyState's block solve against the dense null vector of the whole 400 × 400 Liouvillian, and
    // the flat Q(φ) of that null vector (nothing in the dense solve assumes U(1)): both rounding,
    // the dense LU's error growing like cond(L)·eps
    const whole = check(data, 'null vector of the whole');
    expect(whole.value).toBeLessThan(1e-12);
    expect(check(data, 'stationary Q(φ) flat').value).toBeLessThan(1e-12);
    // the stationary ⟨n⟩: steadyState vs the rate equations, and both vs QuTiP's steadystate
    const n = check(data, 'stationary ⟨n⟩');
    expectClose(n.value, n.expected, { rtol: 1e-10 });
    expectClose(n.value, q.steady.n, { rtol: 1e-10 });

    // quantum limit: distance × κ2/κ1 → 5/9, next order O(κ1/κ2) = 1e-4 relative (1/3, a wrong first
    // order, is 40 % away); the populations at κ2/κ1 = 100 and 10⁴ against QuTiP (case quantum_limit_d)
    const limit = check(data, 'quantum limit');
    expectClose(limit.value, 5 / 9, { rtol: 1e-3 });
    const d = linePanel(data, 'd');
    for (const ref of fixture.cases.quantum_limit_d.cases) {
      const k = Array.from(d.series[0].x).findIndex((x) => Math.abs(x - Math.log10(ref.params.kappa2 / ref.params.kappa1)) < 1e-12);
      expect(k).toBeGreaterThanOrEqual(0);
      expectClose([d.series[0].y[k], d.series[1].y[k], d.series[2].y[k]], ref.populations.slice(0, 3), { atol: 1e-10 });
    }
  });

  it('refuses a bad scale', () => {
    expect(() => figure41.run({ scale: 2 })).toThrow(/'scale'/);
  });
});

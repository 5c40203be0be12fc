import { readFileSync } from 'node:fs';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure48 } from './figure-4-8';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

interface SpinFixture {
  cases: { loss_dominated: { params: { delta: number; V: number; gammaPlus: number; gammaMinus: number }; expect: { sigmaPlusASigmaMinusB: [number, number] } } };
}
const fixture = JSON.parse(readFileSync(new URL('../../../test/fixtures/qutip-spins.json', import.meta.url), 'utf8')) as SpinFixture;

describe('figure 4.8', () => {
  it('maps max Q(φ_AB) of two coupled spins: Eq. 4.45 equals its quadrature, stays under π/32 and locks at π', async () => {
    const { data } = await runFigure(figure48, { scale: 0.1 });
    expect([numberParameter(data, 'detunings'), numberParameter(data, 'couplings')]).toEqual([5, 3]);
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'a-threshold', 'b']);
    const a = heatmapPanel(data, 'a');
    const flat = 1 / (2 * Math.PI);
    // V = 0: independent spins with ⟨σ+⟩ = 0, flat; locking grows with V at δ = 0
    for (let id = 0; id < 5; id++) expectClose(a.values[id], flat, { rtol: 1e-13 });
    expect(a.values[2 * 5 + 2]).toBeGreaterThan(a.values[5 + 2]);
    expect(a.values[5 + 2]).toBeGreaterThan(flat + 1e-3);

    // (4.45) against the quadrature of (4.42)–(4.44): rounding; π/16 → π/8 or the printed e^{+iφ_AB}
    // is off by > 1e-3 at δ ≠ 0 (probes' spec)
    expect(check(data, 'closed form vs quadrature').value).toBeLessThan(1e-13);
    const bound = check(data, 'bound');
    expect(bound.expected).toBe(Math.PI / 32);
    expect(bound.value).toBeLessThanOrEqual(bound.expected);
    expect(bound.value).toBeGreaterThan(0);
    expect(check(data, 'anti-phase lock').value).toBeLessThan(1e-12);
    expect(check(data, 'is not negative').value).toBe(0);

    // QuTiP 4.7 (qutip-spins.json, loss_dominated: δ = γ−/2, V = γ−, γ+ = γ−/2): panel b's V = γ−
    // curve is 1/2π + (π/16)Re[c e^{−iφ_AB}] with QuTiP's c = ⟨σ+_Aσ−_B⟩ (fixture stored to 15 digits)
    const ref = fixture.cases.loss_dominated;
    expect([ref.params.delta, ref.params.V, ref.params.gammaPlus, ref.params.gammaMinus]).toEqual([
      data.parameters.deltaB,
      1,
      data.parameters.gammaPlus,
      data.parameters.gammaMinus,
    ]);
    const [cr, ci] = ref.expect.sigmaPlusASigmaMinusB;
    const curve = linePanel(data, 'b').series.find((s) => s.name === 'V = 1γ−');
    if (curve === undefined) throw new Error('panel b has no V = 1γ− curve');
    expectClose(curve.y, Array.from(curve.x, (f) => flat + (Math.PI / 16) * (cr * Math.cos(f) + ci * Math.sin(f))), { atol: 1e-13 });
  });

  it('stops its work when unsubscribed', async () => {
    // the scale-1 sweep is 866 solves with their quadratures
    await expectStopsWhenUnsubscribed(figure48);
  });

  it('refuses a bad scale', () => {
    expect(() => figure48.run({ scale: -1 })).toThrow(/'scale'/);
  });
});

import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { channelValue, tapProgress, type Frame } from '@qsync/frames';
import { take } from 'rxjs';
import { collectFrames, dataOf, linspace, realOf } from './test-support/kuramoto';
import { twoPopulationKuramoto, twoPopulationKuramotoParameters } from './two-population-kuramoto';

const wrap = (x: number) => Math.atan2(Math.sin(x), Math.cos(x));

describe('twoPopulationKuramoto (Eqs. 6.10, 2.56 for populations)', () => {
  describe('one oscillator per population, no intra coupling: the pair of Eq. (2.56)', () => {
    // φ̇_A = VBA sin(φ_B − φ_A)/2, φ̇_B = VAB sin(φ_A − φ_B)/2, Eq. (2.56) as the thesis writes it.
    // The difference Δ = φ_A − φ_B obeys Δ̇ = −(s/2) sin Δ, s = VAB + VBA (2.57):
    // tan(Δ/2) = tan(Δ0/2) e^{−st/2}, and the sum Σ = φ_A + φ_B obeys Σ̇ = ((VAB − VBA)/2) sin Δ, so
    // Σ(t) = Σ0 + 2(VAB − VBA)(atan T0 − atan(T0 e^{−st/2}))/s with T0 = tan(Δ0/2). A factor 2 in
    // the coupling would double both rates and miss these curves by O(1).
    for (const [VAB, VBA, lock] of [
      [1.5, -0.5, 0], // antagonistic, s > 0: A attracts B more than B repels A → in phase
      [0.5, -1.5, Math.PI], // antagonistic, s < 0 → antiphase
      [0.8, 0.8, 0], // reciprocal attraction
    ]) {
      it(`VAB = ${VAB}, VBA = ${VBA}: Δ → ${lock === 0 ? '0' : 'π'}, following the closed form`, async () => {
        const m = twoPopulationKuramoto({ NA: 1, NB: 1, VAA: 0, VBB: 0, VAB, VBA, observePhases: true });
        const phiA = 0.3;
        const phiB = -1.9;
        const frames = await collectFrames(m.simulate(linspace(40, 40), { dt: 1e-3, y0: new Float64Array([phiA, phiB]) }));
        const s = VAB + VBA;
        const T0 = Math.tan((phiA - phiB) / 2);
        for (const f of frames) {
          const delta = 2 * Math.atan(T0 * Math.exp((-s * f.t) / 2));
          const sum = phiA + phiB + (2 * (VAB - VBA) * (Math.atan(T0) - Math.atan(T0 * Math.exp((-s * f.t) / 2)))) / s;
          const p = dataOf(f, 'phasesUnwrapped');
          // SRA is Ralston's RK2 without noise: global error ~ dt²·(rates)³·t ≲ 1e-6 at dt = 1e-3
          expectClose([wrap(p[0] - p[1] - delta), p[0] + p[1] - sum], [0, 0], { atol: 1e-5 });
          expectClose(wrap(dataOf(f, 'relativePhase')[0] - delta), 0, { atol: 1e-5 });
        }
        // locked after 40 time units: |Δ − lock| ≤ 2 e^{−|s|·20}·|T0 or 1/T0| ≈ 1e-8
        expectClose(Math.abs(wrap(dataOf(frames[40], 'relativePhase')[0] - lock)), 0, { atol: 1e-5 });
      });
    }
  });

  it('observes zA, zB, their mean moduli and the relative phase arg(zA zB*)', () => {
    const m = twoPopulationKuramoto({ NA: 2, NB: 3, VAA: 1, VBB: 1, VAB: 1, VBA: 1, realizations: 2 });
    const y = new Float64Array([0.1, 0.5, 2, 2.2, 2.9, -1, -1.2, 0.4, 0.6, 0.2]);
    const f: Frame = { t: 0, channels: m.observe(0, y) };
    const zOf = (idx: number[]) => ({
      re: idx.reduce((s, i) => s + Math.cos(y[i]), 0) / idx.length,
      im: idx.reduce((s, i) => s + Math.sin(y[i]), 0) / idx.length,
    });
    const zA = [zOf([0, 1]), zOf([5, 6])];
    const zB = [zOf([2, 3, 4]), zOf([7, 8, 9])];
    expectClose(dataOf(f, 'zA'), zA.flatMap((z) => [z.re, z.im]), { atol: 1e-15 });
    expectClose(dataOf(f, 'zB'), zB.flatMap((z) => [z.re, z.im]), { atol: 1e-15 });
    const rel = [0, 1].map((r) => wrap(Math.atan2(zA[r].im, zA[r].re) - Math.atan2(zB[r].im, zB[r].re)));
    expectClose(dataOf(f, 'relativePhase'), rel, { atol: 1e-14 });
    expectClose(realOf(f, 'rA'), (Math.hypot(zA[0].re, zA[0].im) + Math.hypot(zA[1].re, zA[1].im)) / 2, { rtol: 1e-14 });
    expectClose(realOf(f, 'rB'), (Math.hypot(zB[0].re, zB[0].im) + Math.hypot(zB[1].re, zB[1].im)) / 2, { rtol: 1e-14 });
    expect(channelValue(f, 'relativePhase', 'array').shape).toEqual([2]);
    expect(Object.keys(f.channels).sort()).toEqual(['rA', 'rB', 'relativePhase', 'zA', 'zB']);
  });

  it('drift: population A feels (VAA z_A + VBA z_B)/2, population B (VAB z_A + VBB z_B)/2: the pairwise sum of Eq. (6.10)', () => {
    const m = twoPopulationKuramoto({ NA: 2, NB: 3, VAA: 0.7, VBB: -0.4, VAB: 1.3, VBA: -0.9, G: 0.2 });
    const y = new Float64Array([0.1, 0.5, 2, 2.2, 2.9]);
    const out = new Float64Array(5);
    m.system.drift(out, y, 0);
    const V = (from: number, to: number) => [[0.7, 1.3], [-0.9, -0.4]][from][to]; // V[from][to]
    const pop = (i: number) => (i < 2 ? 0 : 1);
    const size = [2, 3];
    for (let i = 0; i < 5; i++) {
      let s = m.frequencies[i];
      for (let j = 0; j < 5; j++) s += (V(pop(j), pop(i)) / (2 * size[pop(j)])) * Math.sin(y[j] - y[i]);
      expectClose(out[i], s, { atol: 1e-14 });
    }
  });

  it("'quantile' frequencies are the Lorentzian quantiles of each population", () => {
    const m = twoPopulationKuramoto({ NA: 2, NB: 3, VAA: 1, VBB: 1, VAB: 0, VBA: 0, G: 1, frequencies: 'quantile' });
    const q = (n: number) => Array.from({ length: n }, (_, i) => Math.tan(Math.PI * ((i + 0.5) / n - 0.5)));
    expectClose(m.frequencies, [...q(2), ...q(3)], { atol: 1e-15 });
  });

  it('is reproducible per seed and stops when unsubscribed', async () => {
    const m = twoPopulationKuramoto({ NA: 30, NB: 20, VAA: 1, VBB: 1, VAB: 0.5, VBA: -0.5, sigma: 0.4 });
    const a = await collectFrames(m.simulate([0, 1], { noiseSeed: 3 }));
    const b = await collectFrames(m.simulate([0, 1], { noiseSeed: 3 }));
    expect(Array.from(dataOf(a[1], 'zA'))).toEqual(Array.from(dataOf(b[1], 'zA')));
    const progress: number[] = [];
    await new Promise<void>((resolve) => {
      m.simulate(linspace(1e4, 1e4), { yieldEvery: 0 })
        .withProgress()
        .pipe(
          tapProgress((p) => progress.push(p.done)),
          take(2),
        )
        .subscribe({ complete: resolve });
    });
    const after = progress.length;
    await new Promise((r) => setTimeout(r, 30));
    expect(progress.length).toBe(after);
    expect(Math.max(0, ...progress)).toBeLessThan(1e5);
  });

  it('refuses bad parameters and options by name', () => {
    const ok = { NA: 2, NB: 2, VAA: 1, VBB: 1, VAB: 1, VBA: 1 };
    expect(() => twoPopulationKuramoto({ ...ok, NB: 0 })).toThrow(/parameter 'NB' .* must be ≥ 1, got 0/);
    expect(() => twoPopulationKuramoto({ ...ok, VAB: undefined } as never)).toThrow(
      /twoPopulationKuramoto: parameter 'VAB' \(coupling A → B \(how A influences B\), .*\) is required/,
    );
    expect(() => twoPopulationKuramoto({ ...ok, sigma: -1 })).toThrow(/parameter 'sigma' .* must be ≥ 0, got -1/);
    expect(() => twoPopulationKuramoto({ ...ok, V: 1 } as never)).toThrow(/unknown parameter 'V' \(known: NA, NB, VAA/);
    expect(() => twoPopulationKuramoto({ ...ok, frequencies: 'x' as never })).toThrow(/option 'frequencies' must be one of/);
    expect(() => twoPopulationKuramoto({ ...ok, initialPhases: 'x' as never })).toThrow(/option 'initialPhases' must be one of/);
    expect(() => twoPopulationKuramoto({ ...ok, observePhases: 'x' as never })).toThrow(/option 'observePhases' must be a boolean/);
    expect(() => twoPopulationKuramoto({ ...ok, disorderSeed: Number.NaN })).toThrow("twoPopulationKuramoto: option 'disorderSeed' must be an integer, got NaN");
    expect(() => twoPopulationKuramoto({ ...ok, NA: 1 << 24, NB: 1 << 24, realizations: 2 })).toThrow(
      "twoPopulationKuramoto: parameters ('NA' + 'NB') × 'realizations' = 67108864 exceed the largest state, 33554432 oscillators",
    );
    expect(() => twoPopulationKuramoto(null as never)).toThrow('twoPopulationKuramoto: parameters must be an object of named numbers');
    expect(Object.keys(twoPopulationKuramotoParameters)).toContain('VBA');
    // couplings may be negative (repulsion); the default step follows the largest |V|
    expect(twoPopulationKuramoto({ ...ok, VBA: -4 }).defaultDt).toBe(0.0125);
  });
});

import { describe, expect, it } from 'vitest';
import { figure44 } from './figure-4-4';
import { spectrumAgreement } from './spectrum-agreement';
import { check, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

describe('figure 4.4', () => {
  // one run at scale 0.2 serves every test
  const run = runFigure(figure44, { scale: 0.2 });

  it('shows the spectra of two quantum vdP oscillators pulled together by the coupling', async () => {
    const { data, stages } = await run;
    expect([numberParameter(data, 'cutoff'), numberParameter(data, 'frequencies')]).toEqual([8, 49]);
    expect(stages.has('spectra, V = 1δ, S_A by the Fourier route')).toBe(true);
    expect(linePanel(data, 'a').series).toHaveLength(9);
    // two independent routes (linear solves vs Dormand–Prince τ-evolution at rtol 1e-10): ~1e-10;
    // a Fourier sign error or a missing factor 2 is O(1)
    expect(check(data, 'Fourier route vs resolvent').value).toBeLessThan(1e-7);
    // exact symmetries: rounding of the solves (~1e-13)
    expect(check(data, 'S_B(ω) vs S_A(−ω)').value).toBeLessThan(1e-10);
    expect(check(data, 'asymmetry of S_A about +δ/2').value).toBeLessThan(1e-10);
    // the parabola through symmetric neighbours peaks at their centre: rounding
    expect(Math.abs(check(data, 'peak of S_A at the bare frequency').value - 2.5)).toBeLessThan(1e-9);
    expect(check(data, 'peaks approach').value).toBe(0);
    // entrainment: the separation shrinks from δ towards 0 (at 2δ below δ/10)
    expect(numberParameter(data, 'peakA_V2delta') - numberParameter(data, 'peakB_V2delta')).toBeLessThan(0.5);
  });

  it('measures the spectrum of the heterodyne current as κS(ω) + 1 (Eq. 4.16) within 5 % in every window', async () => {
    // scale 0.2: cutoff 3, dt = 1.25e-2, 47 records of 1024 time units, 940 segments per current;
    // a window of δ/10 holds 4 bins, so one current's window has a relative SE of 1/√(940·4) = 1.6 %
    // and the pooled [S^m_A(ω) + S^m_B(−ω)]/2 about 1.15 %
    const { data, stages } = await run;
    expect(stages.has('heterodyne currents, V = 1δ')).toBe(true);
    expect([numberParameter(data, 'measurementCutoff'), numberParameter(data, 'measurementRecords'), numberParameter(data, 'measurementSegments')]).toEqual([3, 47, 940]);
    expect(numberParameter(data, 'measurementPositivityViolations')).toBe(0);
    expect(linePanel(data, 'a').series[8].points).toBe(true);
    // every window resolves 5 % at ≥ 3σ (largest 1.36 % here, from the spread of 47 records) …
    expect(check(data, '(V = δ, cutoff 3): largest relative standard error').value).toBeLessThan(0.05 / 3);
    // … and the criterion holds in all 41 windows (largest 3.9 % = 2.8 SE, at ω = 3.5; at
    // 1.15 % per window a right spectrum crosses 5 % somewhere with probability 41·2e-5)
    expect(check(data, 'vs κS_Δ + 1 (V = δ, cutoff 3; 47 records').value).toBeLessThan(0.05);
    const chi2 = check(data, '/2 vs κS_Δ + 1 (V = δ, cutoff 3): χ²/dof');
    expect(Math.abs(chi2.value - 1)).toBeLessThan(4 * standardError(chi2));
    for (const I of ['I_A', 'I_B']) {
      // each current alone: the largest of 41 |z| (3.1 and 2.8 here) below 3.5 (family-wise 2 %)
      expect(check(data, `${I} alone vs κS_Δ + 1 (V = δ, cutoff 3): largest`).value).toBeLessThan(3.5);
      const own = check(data, `${I} alone vs κS_Δ + 1 (V = δ, cutoff 3): χ²/dof`);
      expect(Math.abs(own.value - 1)).toBeLessThan(4 * standardError(own));
      // the floor is 1 − κ·dt·E[⟨a†a⟩_c − |⟨a⟩_c|²] = 0.9932 (0.37 and −0.44 SE here), not 1
      // (−4.6 and −5.7 SE): the Itô current misses the equal-time noise–back-action correlation
      const floor = check(data, `noise floor of ${I} (|ω| ≥ π/(2Δ)) vs 1 − κ·dt`);
      expect(Math.abs(floor.value - floor.expected) / standardError(floor)).toBeLessThan(3.5);
      expect(floor.expected).toBeLessThan(0.995);
    }
  });

  it('fails when the prediction is broken: the floor 1 dropped or doubled, or κ → 1.5κ', async () => {
    const { data } = await run;
    const [measured, upper, lower, predicted] = linePanel(data, 'b').series.map((s) => s.y);
    const se = upper.map((u, w) => (u - lower[w]) / 2);
    // the figure's own comparison, recomputed from its panel b
    const right = spectrumAgreement(measured, se, predicted);
    expect(right.worst).toBeLessThan(0.05);
    // κS without the +1 of Eq. (4.16), and κS + 2 (a current √2 too noisy: Eq. 3.15 without √(1/2))
    expect(spectrumAgreement(measured, se, predicted.map((p) => p - 1)).worst).toBeGreaterThan(1);
    expect(spectrumAgreement(measured, se, predicted.map((p) => p + 1)).worst).toBeGreaterThan(0.4);
    // κ → 1.5κ (the signal 22 % too strong): 0.11 off at the peak. On these parameters κS ≤ 0.3
    // (cutoff 3; ≤ 1 at convergence), so a 10 % error of κ moves κS + 1 by ≤ 2.3 %, below the
    // issue's 5 %: it shows only in χ²/dof
    const tooStrong = spectrumAgreement(measured, se, predicted.map((p) => 1.5 * (p - 1) + 1));
    expect(tooStrong.worst).toBeGreaterThan(0.08);
    expect(tooStrong.chi2 / tooStrong.dof).toBeGreaterThan(10);
    const tenPercent = spectrumAgreement(measured, se, predicted.map((p) => 1.1 * (p - 1) + 1));
    expect(tenPercent.chi2 / tenPercent.dof - right.chi2 / right.dof).toBeGreaterThan(0.5);
  });

  it('refuses a bad scale', () => {
    expect(() => figure44.run({ scale: 0 })).toThrow(/'scale'/);
  });
});

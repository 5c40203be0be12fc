import { expect } from 'vitest';
import type { FigureData } from '../figure-types';
import { check, standardError } from './run-figure';

/** χ² (2 dof) at level 1e-3. */
const CHI2_2DOF_1E3 = 13.8;
const ALTERNATIVES = ['uniform', 'Q(φ_AB)', 'the law at η/2', 'the law at 2η', 'the law with radial factor 1 for π/4'] as const;
export type MeasuredPhaseAlternative = (typeof ALTERNATIVES)[number];

/**
 * The assertions on one recording's `measuredPhaseChecks` shared by Figs. 4.3 and 4.8:
 * (a) per nested prefix (¼, ½, 1) χ²/dof within 4 SE of 1 (15 dof) and the squared L2 distances
 * to the law and to Q(φ_AB) within 4 SE of what statistics predicts; the distance to the law
 * shrinks (whole record below the first quarter) and extrapolates to 0 within 4 SE, the distance
 * to Q(φ_AB) extrapolates to its floor within 4 SE, a floor more than 4 SE above 0 (it does not
 * shrink away); (b) the first harmonic's χ² below 13.8 against the law, and against every
 * alternative within 4 SE of what the law predicts, above 13.8 (rejected) for those in `reject`;
 * (c) its phase within 3 SE of the locking phase; (d) the phase of the block coherence measured
 * from the currents (detectors' noise product taken out) within 3 SE of arg C_AB, and that noise
 * product's χ² below 13.8.
 */
export function expectMeasuredPhase(data: FigureData, label: string, reject: readonly MeasuredPhaseAlternative[]): void {
  for (const part of ['first quarter', 'first half', 'whole record']) {
    const chi2 = check(data, `${label}: χ²/dof of the histogram vs the measured law, ${part}`);
    expect(Math.abs(chi2.value - 1), `${label}, ${part}: χ²/dof`).toBeLessThan(4 * standardError(chi2));
    for (const to of ['the measured law', 'Q(φ_AB)']) {
      const d = check(data, `${label}: squared L2 distance to ${to}, ${part}`);
      expect(Math.abs(d.value - d.expected), `${label}, ${part}: D² to ${to}`).toBeLessThan(4 * standardError(d));
    }
  }
  const quarter = check(data, `${label}: squared L2 distance to the measured law, first quarter`).value;
  expect(check(data, `${label}: squared L2 distance to the measured law, whole record`).value).toBeLessThan(quarter);
  const toLaw = check(data, `${label}: squared L2 distance to the measured law extrapolated`);
  expect(Math.abs(toLaw.value), `${label}: D² to the law at T → ∞`).toBeLessThan(4 * standardError(toLaw));
  const toQ = check(data, `${label}: squared L2 distance to Q(φ_AB) extrapolated`);
  expect(Math.abs(toQ.value - toQ.expected), `${label}: D² to Q at T → ∞`).toBeLessThan(4 * standardError(toQ));
  expect(toQ.expected, `${label}: Q's floor above 4 SE`).toBeGreaterThan(4 * standardError(toQ));

  expect(check(data, `${label}: first harmonic, χ² (2 dof) vs the measured law`).value).toBeLessThan(CHI2_2DOF_1E3);
  for (const alt of ALTERNATIVES) {
    const c = check(data, `${label}: first harmonic, χ² (2 dof) vs ${alt} (`);
    expect(Math.abs(c.value - c.expected), `${label}: harmonic vs ${alt}, as the law predicts`).toBeLessThan(4 * standardError(c));
    if (reject.includes(alt)) expect(c.value, `${label}: harmonic vs ${alt} rejected`).toBeGreaterThan(CHI2_2DOF_1E3);
  }
  const phase = check(data, `${label}: phase of the first harmonic`);
  expect(Math.abs(phase.value - phase.expected), `${label}: phase`).toBeLessThan(3 * standardError(phase));
  const coherence = check(data, `${label}: phase of the block coherence measured from the currents`);
  expect(Math.abs(coherence.value - coherence.expected), `${label}: measured coherence's phase`).toBeLessThan(3 * standardError(coherence));
  expect(check(data, `${label}: the detectors' noise product`).value, `${label}: noise product vs 0`).toBeLessThan(CHI2_2DOF_1E3);
}

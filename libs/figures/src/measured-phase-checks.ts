import type { FigureCheck } from './figure-types';
import type { HarmonicTest, MeasuredPhaseHistogram } from './measured-phase-histogram';

const PARTS = ['first quarter', 'first half', 'whole record'] as const;

/**
 * The checks of one measured pair, named `${label}: …` (see the figures' doc comments): per nested
 * prefix (¼, ½, all of the record) χ²/dof and the squared L2 distance to the measured law, and the
 * L2 distance to Q(φ_AB) against its floor + statistics; both distances extrapolated to an
 * infinite record (intercept of D² = a + c/N through the prefixes: 0 for the law, the floor for
 * Q(φ_AB)); the first harmonic's χ² (2 dof) against the measured law and against the laws it must
 * reject (uniform, Q(φ_AB), η/2, 2η, radial factor 1), each expected at what the measured law
 * predicts; its phase against the locking phase; the phase of the block coherence measured from the
 * currents with the detectors' noise product taken out against arg C_AB (four times less scatter
 * than the harmonic's phase, so a wrong sign, conjugation or frame of the SME shows there first),
 * and that noise product's χ² against 0. The lag-1 autocorrelation and the measured coherence's
 * magnitude (short of |C_AB| by the Euler–Maruyama step, ∝ dt) are diagnostics (see
 * `measuredPhaseParameters`), not checks.
 *
 * @param label - the recording's name, prefixed to each check
 * @param equation - the thesis equations the checks test
 * @param m - what `measuredPhaseHistogram` measured
 * @returns the checks, statistical ones with their standard errors
 * @example
 * ```ts fragment
 * checks.push(...measuredPhaseChecks('φ^m_AB, V = 4κ2', '4.11, 4.15', m));
 * ```
 */
export function measuredPhaseChecks(label: string, equation: string, m: MeasuredPhaseHistogram): FigureCheck[] {
  const lengthChecks = m.lengths.flatMap((r, k): FigureCheck[] => [
    { name: `${label}: χ²/dof of the histogram vs the measured law, ${PARTS[k]} (${r.samples} blocks, ${r.dof} dof)`, equation, value: r.chi2 / r.dof, expected: 1, standardError: Math.sqrt(2 / r.dof) },
    { name: `${label}: squared L2 distance to the measured law, ${PARTS[k]} (${r.samples} blocks; statistics predicts Σp(1 − p)/(Nw))`, equation, value: r.l2.squared, expected: r.l2.expected, standardError: r.l2.standardError },
    {
      name: `${label}: squared L2 distance to Q(φ_AB), ${PARTS[k]} (${r.samples} blocks; floor ${m.extrapolated.q.expected.toExponential(2)} of the flattening + statistics)`,
      equation,
      value: r.l2ToQ.squared,
      expected: r.l2ToQ.expected,
      standardError: r.l2ToQ.standardError,
    },
  ]);
  const x = m.extrapolated;
  const h = m.harmonic;
  const c = m.measuredCoherence;
  const argC = Math.atan2(m.blockCoherence.im, m.blockCoherence.re);
  const harmonic = (what: string, t: HarmonicTest): FigureCheck => ({
    name: `${label}: first harmonic, χ² (2 dof) vs ${what} (expected: what the measured law predicts)`,
    equation,
    value: t.chi2,
    expected: t.expected,
    standardError: t.standardError,
  });
  return [
    ...lengthChecks,
    { name: `${label}: squared L2 distance to the measured law extrapolated to T → ∞ (a of D² = a + c/N over the prefixes)`, equation, value: x.law.value, expected: x.law.expected, standardError: x.law.standardError },
    { name: `${label}: squared L2 distance to Q(φ_AB) extrapolated to T → ∞ (its floor)`, equation, value: x.q.value, expected: x.q.expected, standardError: x.q.standardError },
    harmonic('the measured law', h.law),
    harmonic('uniform', h.uniform),
    harmonic('Q(φ_AB)', h.q),
    harmonic('the law at η/2', h.halfEfficiency),
    harmonic('the law at 2η', h.doubleEfficiency),
    harmonic('the law with radial factor 1 for π/4', h.radialFactorOne),
    { name: `${label}: phase of the first harmonic vs the locking phase argmax Q(φ_AB)`, equation, value: m.phase, expected: m.lockingPhase, standardError: m.phaseError },
    {
      name: `${label}: phase of the block coherence measured from the currents, Δ·(Ī_B conj Ī_A − n̄_B conj n̄_A), vs arg C_AB of the regression theorem`,
      equation,
      value: argC + Math.atan2(Math.sin(c.phase - argC), Math.cos(c.phase - argC)),
      expected: argC,
      standardError: c.phaseError,
    },
    {
      name: `${label}: the detectors' noise product Δ·n̄_B conj n̄_A, χ² (2 dof) vs 0 (independent detector noises, Eq. 3.13)`,
      equation: '3.13',
      value: c.noiseProduct.chi2,
      expected: 2,
      standardError: 2,
    },
  ];
}

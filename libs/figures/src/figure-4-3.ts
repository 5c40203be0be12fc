import { steadyState } from '@qsync/integrators';
import { coupledVanDerPol } from '@qsync/models';
import { expect as expectation, type DensityMatrix } from '@qsync/operators';
import { maxRelativePhase, measuredRelativePhaseDistribution, relativePhaseDistribution, relativePhaseDistributionNumerical } from '@qsync/probes';
import { resolveFigureConfig } from './figure-config';
import type { FigureContext } from './figure-stream';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigurePanel, FigureRecipe, FigureSeries } from './figure-types';
import { measuredPhaseChecks } from './measured-phase-checks';
import { measuredPhaseHistogram } from './measured-phase-histogram';
import type { MeasuredPhaseHistogram } from './measured-phase-histogram';
import { measuredPhaseParameters } from './measured-phase-parameters';
import { phaseLockingMap } from './phase-locking-map';
import { phaseLockingPanels } from './phase-locking-panels';
import { PHASE_LOCKING_WINDOW } from './phase-locking-window';
import { vdpRatePopulations } from './vdp-rate-populations';

/** κ = κ2, κ1 = 3κ2 of the caption, in units where κ2 = 1. */
const KAPPA = 1;
const KAPPA1 = 3;
const KAPPA2 = 1;
/** Fock cutoff per oscillator (⟨a†a⟩ ≈ 1.4; the QuTiP fixture's case pair_a uses the same). */
const CUTOFF = 12;
/** Panel (b): δ = κ/2 and these couplings. */
const DELTA_B = KAPPA / 2;
const COUPLINGS_B = PHASE_LOCKING_WINDOW.cutCouplings;
/** Angles of Q(φ_AB) for the maximum (uniform on [0, 2π); the parabola's vertex is then accurate to ~1e-7). */
const ANGLES_MAX = 128;
/** Radial and angular rules of the numerical twin of Eq. (4.11): ~1e-15 at this cutoff (probes' spec). */
const QUADRATURE = { rMax: 8, nr: 32, nphi: 2 * CUTOFF - 1 };
/**
 * Panel (b)'s heterodyne points (Eqs. 4.13–4.15): one stationary recording per measured coupling,
 * Euler–Maruyama (dt = 5e-3), currents averaged over Δ (η = κΔ), 16 bins. The law drops a term
 * O(η²·Δ·rates), absolute in the first circular moment z, ∝ Δ³ (relative ∝ Δ²): measured +0.006
 * ± 0.0014 on z ≈ 0.10 at κΔ = 0.5 (6 %), so ≈ 1.5 % of z at κΔ = 0.25 and ≈ 0.25 % at κΔ = 0.1,
 * against the runs' resolutions of ≈ 8 % (quick) and 3–7 % (full). The full-size run's harmonic
 * phases lay +0.10, +0.11, +0.09 rad from the locking phase (V = 1, 2, 4κ2; 1.4, 2.6, 2.8 SE): detector-noise
 * fluctuations of seed 1, not the step — on one Brownian path at dt, dt/2, dt/4 the harmonic's phase
 * moves by 0.002 ± 0.002, 0.002 ± 0.004, −0.002 ± 0.005 rad (V = 4, 2, 1κ2; its magnitude by
 * −2 %, ∝ dt), and the block coherence measured from the same currents with the detectors' noise
 * product taken out lies at arg C_AB within 0.04, 1.9, 0.9 SE; V = 4κ2's noise product alone is
 * 4.3 SE from 0 (the same stream's next nine stretches of 4·10⁶ steps: within 0.9 SE). Full size: cutoff 6,
 * Δ = 0.1, V ∈ {1, 2, 4}κ2, 2·10⁴ time units each; below full size: cutoff 4, Δ = 0.25,
 * V = 4κ2, 6000 time units (the spec's run).
 */
const MEASUREMENT = {
  full: { cutoff: 6, blockTime: 0.1, couplings: [1, 2, 4], duration: 20000 },
  quick: { cutoff: 4, blockTime: 0.25, couplings: [4], duration: 6000 },
  dt: 5e-3,
  bins: 16,
};

/**
 * Fig. 4.3: phase locking of two dissipatively coupled quantum vdP oscillators (Eq. 4.8), κ = κ2,
 * κ1 = 3κ2 (κ2 = 1), Fock cutoff 12 per oscillator, in the steady state (`steadyState`).
 * (a) Heatmap of max Q(φ_AB) (Eqs. 4.10–4.11, `relativePhaseDistribution` on 128 angles,
 * `maxRelativePhase`) over δ/κ2 ∈ [−4, 4] (25 points) and V/κ2 ∈ [0, 4] (13 points; the caption
 * leaves the ranges open); the noise-free threshold V = |δ| of the classical pair is drawn as panel
 * a's companion line panel `a-threshold` (the heatmap type has no overlay). `scale` shrinks the grid
 * (2·round(12·scale) + 1 ≥ 3 detunings, round(12·scale) + 1 ≥ 2 couplings). (b) Q(φ_AB) at
 * δ = κ/2 for V/κ2 ∈ {0, 0.5, 1, 2, 4}, and the heterodyne estimates (points): histograms of
 * φ^m_AB = arg[I_B/I_A] (Eq. 4.15) from one stationary SME recording per measured coupling (see
 * MEASUREMENT; a smaller cutoff than the lines, so its own Q(φ_AB) is drawn dashed beside it), with
 * the law they approach (`measuredRelativePhaseDistribution`, η = κΔ, the block coherence C_AB
 * from the regression theorem). φ_AB = φ_A − φ_B with α = r e^{−iφ}.
 *
 * The thesis says the points "approximate well" Q(φ_AB). They do not: a current averaged over Δ is
 * a heterodyne outcome of the output mode Δ^{−1/2}∫a_out, so the detector noise flattens the
 * histogram to 1/2π plus a first harmonic of size (π/2)|C_AB|/2π (C_AB ≈ κΔ⟨a†b⟩ for short Δ); what survives of Q(φ_AB) is
 * the locking phase — the harmonic peaks at arg⟨a†b⟩, where Q(φ_AB) peaks — not its shape, and a
 * longer recording brings the histogram closer to the flattened law, not to Q(φ_AB).
 *
 * Checks:
 * - the closed form (4.11) against the direct quadrature of Eqs. (4.9)–(4.10)
 *   (`relativePhaseDistributionNumerical`: Gauss–Legendre radii, exact trapezoid in φ_B) for the
 *   states of panel (b) at V = κ and V = 4κ, on `scale` × 8 ≥ 3 angles: largest difference;
 * - V = 0: the two oscillators are independent, each in the steady state of Eq. (4.1) whatever δ:
 *   ⟨a†a⟩ of the pair's steady state against ⟨n⟩ of the classical rate equations of one oscillator
 *   (κ1(n+1) up, κn and κ2 n(n−1) down, cutoff 12), largest difference over the detunings (the flat
 *   Q(φ_AB) at V = 0 holds by construction of the block solve and is not a check);
 * - mirror symmetry: exchanging A and B maps δ → −δ and φ_AB → −φ_AB, so max Q(φ_AB) at −δ equals
 *   that at δ (independent solves; largest difference over the grid);
 * - δ = 0: L is real, so ρ_ss is real and Q(φ_AB) even; the dissipative coupling D[a − b] locks in
 *   phase, argmax = 0 (largest |argmax| over the couplings of the grid at δ = 0);
 * - per measured coupling (`measuredPhaseChecks`): χ²/dof of the histogram against the measured law
 *   after ¼, ½ and all of the record, the squared L2 distances to it against what statistics
 *   predicts (∝ 1/T) and to Q(φ_AB) against the flattening's floor + statistics, both extrapolated
 *   to T → ∞ through the three prefixes (0 and the floor); the first circular moment's χ² (2 dof)
 *   against the measured law and the laws it must reject — uniform, Q(φ_AB), η/2, 2η, radial
 *   factor 1 for π/4 — each against what the measured law predicts for it; the harmonic's phase
 *   against argmax Q(φ_AB); the phase of the block coherence measured from the currents,
 *   Δ·(Ī_B conj Ī_A − n̄_B conj n̄_A) with n̄ the detector noise of a block, against arg C_AB (about
 *   4× less scatter than the harmonic's phase: a flipped detuning in the recording alone is 9.5 SE
 *   there at scale 0.05 and 2.2 SE in the harmonic's phase), and the noise product's χ² (2 dof)
 *   against 0. The blocks' lag-1 autocorrelation, variance inflation, the measured coherence and
 *   the noise product's share of the harmonic's phase are parameters (`lag1_V=…`, `inflation_V=…`,
 *   `measuredCoherenceRe_V=…`, `noisePhaseShift_V=…`), diagnostics.
 * Parameters `bAdagbRe`, `bAdagbIm`, `bNA`, `bNB` are ⟨a†b⟩, ⟨a†a⟩, ⟨b†b⟩ of panel b's V = κ2 state;
 * the spec compares them with QuTiP 4.7's steadystate (fixture `qutip-vdp.json`, case pair_a: the
 * same δ = κ/2, V = κ2 and cutoff 12).
 */
export const figure43: FigureRecipe = {
  id: '4.3',
  title: 'Phase locking of two quantum van-der-Pol oscillators: max Q(φ_AB) and Q(φ_AB) (Eqs. 4.8–4.11)',
  equations: ['4.8', '4.9', '4.10', '4.11'],
  run(config) {
    const cfg = resolveFigureConfig('4.3', config);
    const halfDeltas = cfg.size(12, 1);
    const nDelta = 2 * halfDeltas + 1;
    const nV = cfg.size(12, 1) + 1;
    const checkAngles = cfg.size(8, 3);
    const measurement = cfg.scale === 1 ? MEASUREMENT.full : MEASUREMENT.quick;
    return figureStream(async (ctx) => {
      const phis = linspace(0, 2 * Math.PI, ANGLES_MAX + 1).subarray(0, ANGLES_MAX);
      const total = nDelta * nV + COUPLINGS_B.length;
      const { na, nb, adagb } = coupledVanDerPol({ cutoff: CUTOFF, kappa: KAPPA, kappa1: KAPPA1, kappa2: KAPPA2, V: 0 }).operators;
      let done = 0;
      const solve = async (delta: number, V: number): Promise<DensityMatrix> => {
        // one blocking solve (~0.3 s) at a time: yield in between so that an unsubscription stops the sweep
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (ctx.closed) throw new Error('figure 4.3: cancelled');
        const rho = steadyState(coupledVanDerPol({ cutoff: CUTOFF, kappa: KAPPA, kappa1: KAPPA1, kappa2: KAPPA2, delta, V }).lindbladian).rho;
        ctx.progress('steady states', ++done, total);
        return rho;
      };

      // (a) max Q(φ_AB) over (δ, V)
      const argmaxAtZero: number[] = [];
      const nAtZeroCoupling: number[] = [];
      const map = await phaseLockingMap(nDelta, nV, async (delta, V, id, iv) => {
        const rho = await solve(delta, V);
        const peak = maxRelativePhase(relativePhaseDistribution(rho, phis), phis);
        if (iv === 0) nAtZeroCoupling.push(expectation(na, rho).re);
        if (id === halfDeltas && iv > 0) argmaxAtZero.push(peak.argmax > Math.PI ? peak.argmax - 2 * Math.PI : peak.argmax);
        return peak.max;
      });
      // (b) Q(φ_AB) at δ = κ/2
      const statesB: DensityMatrix[] = [];
      for (const V of COUPLINGS_B) statesB.push(await solve(DELTA_B, V));
      const panels = phaseLockingPanels({
        map,
        unit: 'κ2',
        mapTitle: 'max Q(φ_AB); classical threshold V = |δ|',
        cut: {
          title: '(b) Q(φ_AB) at δ = κ/2 (Eq. 4.11)',
          angles: ANGLES_MAX,
          distribution: (k, centred) => relativePhaseDistribution(statesB[k], centred),
        },
      });

      const checks = await figureChecks(ctx, { statesB, checkAngles, maxima: map.maxima, nDelta, nV, argmaxAtZero, nAtZeroCoupling });
      const measured: MeasuredPhaseHistogram[] = [];
      for (const V of measurement.couplings) {
        const pair = coupledVanDerPol({ cutoff: measurement.cutoff, kappa: KAPPA, kappa1: KAPPA1, kappa2: KAPPA2, delta: DELTA_B, V });
        const m = await measuredPhaseHistogram(ctx, {
          lindbladian: pair.lindbladian,
          ...pair.operators,
          rate: KAPPA,
          blockTime: measurement.blockTime,
          dt: MEASUREMENT.dt,
          duration: measurement.duration,
          noiseSeed: cfg.seed,
          trajectory: measured.length,
          bins: MEASUREMENT.bins,
          stage: `heterodyne recording, V = ${V}κ2`,
          relativePhase: relativePhaseDistribution,
        });
        measured.push(m);
        checks.push(...measuredPhaseChecks(`φ^m_AB, V = ${V}κ2`, '4.11, 4.15', m));
      }
      const withPoints: FigurePanel[] = panels.map((p) => (p.name === 'b' && p.kind === 'lines' ? { ...p, series: [...p.series, ...measuredSeries(measured, measurement)] } : p));
      const stateV1 = statesB[COUPLINGS_B.indexOf(1)];
      const adagbV1 = expectation(adagb, stateV1);
      return {
        id: '4.3',
        title: figure43.title,
        parameters: {
          kappa: KAPPA,
          kappa1: KAPPA1,
          kappa2: KAPPA2,
          cutoff: CUTOFF,
          detunings: nDelta,
          couplings: nV,
          deltaB: DELTA_B,
          couplingsB: COUPLINGS_B.join(', '),
          angles: ANGLES_MAX,
          checkAngles,
          bAdagbRe: adagbV1.re,
          bAdagbIm: adagbV1.im,
          bNA: expectation(na, stateV1).re,
          bNB: expectation(nb, stateV1).re,
          measurementCutoff: measurement.cutoff,
          measurementBlockTime: measurement.blockTime,
          measurementDuration: measurement.duration,
          measuredCouplings: measurement.couplings.join(', '),
          ...measuredPhaseParameters(
            measurement.couplings.map((V) => `V=${V}`),
            measured,
          ),
        },
        panels: withPoints,
        checks,
      };
    });
  },
};

/** Panel (b)'s measured points with the law they approach and their own cutoff's Q(φ_AB) (dashed). */
function measuredSeries(measured: readonly MeasuredPhaseHistogram[], m: { cutoff: number; couplings: readonly number[] }): FigureSeries[] {
  const phis = linspace(-Math.PI, Math.PI, ANGLES_MAX + 1).subarray(0, ANGLES_MAX);
  return measured.flatMap((h, k) => {
    const V = m.couplings[k];
    const rho = h.state;
    return [
      { name: `φ^m_AB histogram, V = ${V}κ2 (cutoff ${m.cutoff}, κΔ = ${h.efficiency})`, x: h.centers, y: h.density, points: true },
      { name: `measured law, V = ${V}κ2`, x: phis, y: measuredRelativePhaseDistribution(rho, phis, { efficiency: h.efficiency, blockCoherence: h.blockCoherence }) },
      { name: `Q(φ_AB), V = ${V}κ2, cutoff ${m.cutoff}`, x: phis, y: relativePhaseDistribution(rho, phis), dashed: true },
    ];
  });
}

async function figureChecks(
  ctx: FigureContext,
  s: {
    statesB: DensityMatrix[];
    checkAngles: number;
    maxima: Float64Array;
    nDelta: number;
    nV: number;
    argmaxAtZero: number[];
    nAtZeroCoupling: number[];
  },
): Promise<FigureCheck[]> {
  const angles = Float64Array.from({ length: s.checkAngles }, (_, k) => -Math.PI + (2 * Math.PI * (k + 0.5)) / s.checkAngles);
  let closedVsQuadrature = 0;
  const compared = [COUPLINGS_B.indexOf(1), COUPLINGS_B.indexOf(4)];
  for (const [k, i] of compared.entries()) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (ctx.closed) throw new Error('figure 4.3: cancelled');
    const numerical = relativePhaseDistributionNumerical(s.statesB[i], angles, QUADRATURE);
    const closed = relativePhaseDistribution(s.statesB[i], angles);
    for (let j = 0; j < angles.length; j++) closedVsQuadrature = Math.max(closedVsQuadrature, Math.abs(closed[j] - numerical[j]));
    ctx.progress('quadrature of Eq. 4.10', k + 1, compared.length);
  }
  const rate = vdpRatePopulations(CUTOFF, KAPPA1, KAPPA2, KAPPA);
  const nRate = rate.reduce((acc, p, n) => acc + n * p, 0);
  const independent = s.nAtZeroCoupling.reduce((m, n) => Math.max(m, Math.abs(n - nRate)), 0);
  let mirror = 0;
  for (let iv = 0; iv < s.nV; iv++) {
    for (let id = 0; id < s.nDelta; id++) {
      mirror = Math.max(mirror, Math.abs(s.maxima[iv * s.nDelta + id] - s.maxima[iv * s.nDelta + (s.nDelta - 1 - id)]));
    }
  }
  const inPhase = s.argmaxAtZero.reduce((m, a) => Math.max(m, Math.abs(a)), 0);
  return [
    {
      name: `Q(φ_AB) closed form vs quadrature of Eqs. 4.9–4.10 at δ = κ/2, V = κ and 4κ, largest difference on ${s.checkAngles} angles`,
      equation: '4.11',
      value: closedVsQuadrature,
      expected: 0,
    },
    {
      name: 'V = 0: ⟨a†a⟩ of the pair vs ⟨n⟩ of one oscillator\'s rate equations, largest difference over the detunings',
      equation: '4.1, 4.8',
      value: independent,
      expected: 0,
    },
    { name: 'mirror symmetry δ → −δ: largest |max Q(δ) − max Q(−δ)|', equation: '4.8', value: mirror, expected: 0 },
    { name: 'δ = 0: in-phase locking, largest |argmax Q(φ_AB)| over V > 0', equation: '4.8', value: inPhase, expected: 0 },
  ];
}

import { channelValue, tapProgress } from '@qsync/frames';
import { mesolve, steadyState } from '@qsync/integrators';
import { csrToDense, solveDense } from '@qsync/linalg';
import { quantumVanDerPol } from '@qsync/models';
import { coherentKet, liouvillianMatrix, pureState, type DensityMatrix, type Lindbladian } from '@qsync/operators';
import { husimiQ, phaseDistribution, phaseDistributionNumerical } from '@qsync/probes';
import { map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigureRecipe } from './figure-types';
import { snapshotPanels } from './snapshot-panels';
import { vdpRatePopulations } from './vdp-rate-populations';

/** κ1 = ω = 4κ, κ2 = κ/2 of the caption, in units where κ = 1. */
const KAPPA = 1;
const OMEGA = 4;
const KAPPA1 = 4;
const KAPPA2 = 0.5;
/** Fock cutoff: the populations of |19⟩ stay below 1e-8 along the run (α0 = 2, ⟨n⟩ ≤ 4). */
const CUTOFF = 20;
/** The initial coherent amplitude: on the classical limit-cycle radius √(κ1/2κ2) = 2 (Eq. 4.3 with κ = 0). */
const ALPHA0 = 2;
/** ⟨a⟩(t) on [0, T_END] every 0.05 (the grid of the QuTiP fixture's case single_c). */
const T_END = 3;
const SAMPLES = 61;
/** Snapshot times (1/κ): the start, rotation, spreading along the ring, nearly flat; then the steady state. */
const SNAPSHOTS = [0, 0.25, 0.5, 1, 3];
/** Half side of the α window. */
const EXTENT = 4;
/** Radial rule of the numerical twin of Eq. (4.5): tail e^{−8²}·8^{39} negligible, 48 nodes reach rounding. */
const RADIAL = { rMax: 8 + Math.sqrt(CUTOFF), nr: 64 };
/** κ2/κ1 of the quantum-limit panel (κ = 0, ω = 0, cutoff 6 as in the fixture's quantum_limit_d). */
const LIMIT_RATIOS = [1, 10, 100, 1000, 10000];
const LIMIT_CUTOFF = 6;

/**
 * Fig. 4.1: the quantum van-der-Pol oscillator (Eq. 4.1) with κ1 = ω = 4κ, κ2 = κ/2 (κ = 1), Fock
 * cutoff 20, from the coherent state |α0 = 2⟩ (truncated Fock series, not renormalised, as QuTiP's
 * `coherent(N, α, method='analytic')`), integrated by `mesolve` (Dormand–Prince, rtol 1e-10,
 * atol 1e-12). Panels a1 … a6: Q(α) = (1/π)⟨α|ρ|α⟩ (Eq. 4.4) on x, p ∈ [−4, 4] (81 × 81 cells,
 * `scale` × 81 ≥ 21) at t = 0, 0.25, 0.5, 1, 3 and in the steady state (`steadyState`). Panel b: Q(φ)
 * (Eq. 4.5, closed form, 128 angles) at the same times; φ = −arg α, so the initial peak sits at
 * φ = 0 and turns to positive φ at rate ω. Panel c: ⟨a⟩(t) on t ∈ [0, 3] every 0.05. Panel d: the
 * steady state of Eq. (4.1) with κ = ω = 0 and κ2/κ1 = 1 … 10⁴ (cutoff 6): populations of |0⟩ and
 * |1⟩ against the quantum limit (2|0⟩⟨0| + |1⟩⟨1|)/3 (Lee and Sadeghpour 2013).
 *
 * Checks:
 * - Q(φ) of every snapshot by the closed form (Eq. 4.5 with Γ functions, `phaseDistribution`)
 *   against the radial quadrature of Q(α) (`phaseDistributionNumerical`): largest difference;
 * - the rotation at ω: Eq. (4.1) is U(1)-symmetric and the start is real, so ⟨a⟩(t)e^{iωt} stays
 *   real and positive (the dissipators commute with the rotation e^{−iωa†a t}); the largest
 *   |arg(⟨a⟩(t)e^{iωt})| over the run, expected 0;
 * - the steady state of `steadyState` (which solves only the block of L that holds the populations)
 *   against the null vector of the whole 400 × 400 Liouvillian (`liouvillianMatrix`, dense LU with
 *   the equation of ρ_00 replaced by Tr ρ = 1: no block reduction, no symmetry assumed), every
 *   entry ρ_nm including the coherences: largest difference;
 * - the stationary Q(φ) is flat 1/2π (U(1) symmetry), taken from that whole-Liouvillian null
 *   vector (the block solve's coherences are zero by construction): its largest deviation;
 * - the stationary ⟨n⟩ from `steadyState` against the same number from the classical rate
 *   equations of the populations (the steady state is diagonal; rates κ1(n+1) up, κn and
 *   κ2 n(n−1) down, `solveDense`);
 * - the quantum limit: the trace distance to (2|0⟩⟨0| + |1⟩⟨1|)/3 times κ2/κ1 at κ2/κ1 = 10⁴
 *   against 5/9. From the rate equations with κ = 0 and ε = κ1/κ2: level 2 balances
 *   2κ1p1 = (2κ2 + 3κ1)p2, so p2 = εp1(1 − 3ε/2) + O(ε³); level 0 is fed only by |2⟩, κ1p0 = 2κ2p2,
 *   so p0 = 2p1(1 − 3ε/2) + O(ε²); |3⟩ holds O(ε²). Normalised, p1 = 1/3 + 2ε/9, p0 = 2/3 − 5ε/9,
 *   p2 = ε/3, and the distance ½Σ|p − p_lim| = 5ε/9 + O(ε²): it shrinks like κ1/κ2.
 * The spec adds QuTiP 4.7 (fixture `test/fixtures/qutip-vdp.json`, cases single_c and
 * quantum_limit_d): ⟨a⟩(t) of panel c and the populations of panel d.
 */
export const figure41: FigureRecipe = {
  id: '4.1',
  title: 'Quantum van-der-Pol oscillator: time evolution of Q(α) and Q(φ) (Eqs. 4.1, 4.4, 4.5)',
  equations: ['4.1', '4.4', '4.5'],
  run(config) {
    const cfg = resolveFigureConfig('4.1', config);
    const cells = cfg.size(81, 21);
    const angles = cfg.size(128, 32);
    return figureStream(async (ctx) => {
      const vdp = quantumVanDerPol({ cutoff: CUTOFF, omega: OMEGA, kappa1: KAPPA1, kappa2: KAPPA2, kappa: KAPPA });
      const rho0 = pureState(coherentKet(vdp.space, { re: ALPHA0, im: 0 }));
      const times = linspace(0, T_END, SAMPLES);
      const isSnapshot = (t: number) => SNAPSHOTS.some((s) => Math.abs(s - t) < 1e-9);
      const frames = await ctx.collect('master equation (4.1)', (progress) =>
        mesolve(vdp.lindbladian, rho0, times, { expect: { a: vdp.operators.a }, includeState: true, rtol: 1e-10, atol: 1e-12 })
          .withProgress()
          .pipe(
            tapProgress(progress),
            map((f) => {
              const a = channelValue(f, 'a', 'complex');
              const rho = isSnapshot(f.t) ? channelValue(f, 'rho', 'array').data : null;
              return { t: f.t, re: a.re, im: a.im, rho };
            }),
          ),
      );
      ctx.progress('steady state', 0, 1 + LIMIT_RATIOS.length);
      const stationary = steadyState(vdp.lindbladian).rho;
      const axis = linspace(-EXTENT, EXTENT, cells);
      const { states, panels, phis } = snapshotPanels(frames, stationary, {
        dim: CUTOFF,
        heatmap: { title: (label) => `Q(α) at ${label}`, xLabel: 'x = Re α', yLabel: 'p = Im α', valueLabel: 'Q(α)', x: axis, y: axis, values: (rho) => husimiQ(rho, { re: axis, im: axis }) },
        phase: { angles, title: '(b) phase distribution Q(φ) (Eq. 4.5)', xLabel: 'phase φ = −arg α', distribution: phaseDistribution },
      });
      const t = Float64Array.from(frames, (f) => f.t);
      panels.push({
        kind: 'lines',
        name: 'c',
        title: '(c) amplitude ⟨a⟩(t)',
        xLabel: 't κ',
        yLabel: '⟨a⟩',
        series: [
          { name: 'Re ⟨a⟩', x: t, y: Float64Array.from(frames, (f) => f.re) },
          { name: 'Im ⟨a⟩', x: t, y: Float64Array.from(frames, (f) => f.im), dashed: true },
        ],
      });

      // the quantum limit κ2/κ1 → ∞ (κ = ω = 0)
      const limit = LIMIT_RATIOS.map((ratio, k) => {
        const q = quantumVanDerPol({ cutoff: LIMIT_CUTOFF, kappa1: 1, kappa2: ratio });
        const d = steadyState(q.lindbladian).rho.matrix.data;
        ctx.progress('steady state', k + 2, 1 + LIMIT_RATIOS.length);
        const p = Array.from({ length: LIMIT_CUTOFF }, (_, n) => d[2 * (n * LIMIT_CUTOFF + n)]);
        let distance = Math.abs(p[0] - 2 / 3) + Math.abs(p[1] - 1 / 3);
        for (let n = 2; n < LIMIT_CUTOFF; n++) distance += Math.abs(p[n]);
        return { ratio, p, distance: distance / 2 };
      });
      const logRatio = Float64Array.from(LIMIT_RATIOS, (r) => Math.log10(r));
      panels.push({
        kind: 'lines',
        name: 'd',
        title: '(d) quantum limit: steady-state populations (κ = 0)',
        xLabel: 'log10(κ2/κ1)',
        yLabel: 'population',
        series: [
          { name: 'p0', x: logRatio, y: Float64Array.from(limit, (l) => l.p[0]), points: true },
          { name: 'p1', x: logRatio, y: Float64Array.from(limit, (l) => l.p[1]), points: true },
          { name: 'p2', x: logRatio, y: Float64Array.from(limit, (l) => l.p[2]), points: true },
          { name: '2/3 (limit)', x: logRatio, y: logRatio.map(() => 2 / 3), dashed: true },
          { name: '1/3 (limit)', x: logRatio, y: logRatio.map(() => 1 / 3), dashed: true },
        ],
      });

      // checks
      let closedVsQuadrature = 0;
      for (const s of states) {
        const numerical = phaseDistributionNumerical(s.rho, phis, RADIAL);
        const closed = phaseDistribution(s.rho, phis);
        for (let k = 0; k < phis.length; k++) closedVsQuadrature = Math.max(closedVsQuadrature, Math.abs(closed[k] - numerical[k]));
      }
      let rotation = 0;
      for (const f of frames) {
        // ⟨a⟩e^{iωt}
        const c = Math.cos(OMEGA * f.t);
        const s = Math.sin(OMEGA * f.t);
        rotation = Math.max(rotation, Math.abs(Math.atan2(f.im * c + f.re * s, f.re * c - f.im * s)));
      }
      const whole = wholeLiouvillianSteadyState(vdp.lindbladian);
      const sd = stationary.matrix.data;
      let blockVsWhole = 0;
      for (let k = 0; k < sd.length; k += 2) blockVsWhole = Math.max(blockVsWhole, Math.hypot(sd[k] - whole.matrix.data[k], sd[k + 1] - whole.matrix.data[k + 1]));
      const flat = phaseDistribution(whole, phis).reduce((m, q) => Math.max(m, Math.abs(q - 1 / (2 * Math.PI))), 0);
      let nStationary = 0;
      for (let n = 0; n < CUTOFF; n++) nStationary += n * sd[2 * (n * CUTOFF + n)];
      const rate = vdpRatePopulations(CUTOFF, KAPPA1, KAPPA2, KAPPA);
      const nRate = rate.reduce((acc, p, n) => acc + n * p, 0);
      const deepest = limit[limit.length - 1];
      const checks: FigureCheck[] = [
        {
          name: `Q(φ) closed form vs radial quadrature of Q(α), largest difference over ${states.length} states × ${angles} angles`,
          equation: '4.5',
          value: closedVsQuadrature,
          expected: 0,
        },
        {
          name: `rotation at ω: largest |arg(⟨a⟩(t) e^{iωt})| on t ∈ [0, ${T_END}]`,
          equation: '4.1–4.3',
          value: rotation,
          expected: 0,
        },
        {
          name: `stationary ρ: steadyState (population block) vs the null vector of the whole ${CUTOFF * CUTOFF} × ${CUTOFF * CUTOFF} Liouvillian, largest |Δρ_nm|`,
          equation: '4.1',
          value: blockVsWhole,
          expected: 0,
        },
        {
          name: 'stationary Q(φ) flat (U(1) symmetry), from the whole-Liouvillian null vector: largest |Q(φ) − 1/2π|',
          equation: '4.5',
          value: flat,
          expected: 0,
        },
        {
          name: 'stationary ⟨n⟩ from steadyState vs the rate equations of the populations',
          equation: '4.1',
          value: nStationary,
          expected: nRate,
        },
        {
          name: `quantum limit: trace distance to (2|0⟩⟨0| + |1⟩⟨1|)/3 × κ2/κ1 at κ2/κ1 = ${deepest.ratio} vs 5/9 (first order in κ1/κ2)`,
          equation: '4.1',
          value: deepest.distance * deepest.ratio,
          expected: 5 / 9,
        },
      ];
      return {
        id: '4.1',
        title: figure41.title,
        parameters: {
          kappa: KAPPA,
          omega: OMEGA,
          kappa1: KAPPA1,
          kappa2: KAPPA2,
          cutoff: CUTOFF,
          alpha0: ALPHA0,
          cells,
          angles,
          snapshots: SNAPSHOTS.join(', '),
          limitRatios: LIMIT_RATIOS.join(', '),
          limitCutoff: LIMIT_CUTOFF,
          limitDistances: limit.map((l) => l.distance.toPrecision(4)).join(', '),
        },
        panels,
        checks,
      };
    });
  },
};

/**
 * The steady state as the null vector of the whole Liouvillian (row-major vec, `liouvillianMatrix`)
 * by a dense LU, the equation of ρ_00 replaced by Tr ρ = 1: nothing assumes the U(1) block
 * structure that `steadyState` exploits.
 */
function wholeLiouvillianSteadyState(l: Lindbladian): DensityMatrix {
  const n = l.left.rows;
  const m = csrToDense(liouvillianMatrix(l));
  m.data.fill(0, 0, 2 * n * n);
  for (let i = 0; i < n; i++) m.data[2 * (i * n + i)] = 1;
  const b = new Float64Array(2 * n * n);
  b[0] = 1;
  return { dims: l.dims, matrix: { rows: n, cols: n, data: solveDense(m, b) } };
}

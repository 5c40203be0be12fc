import { channelValue, tapProgress } from '@qsync/frames';
import { mesolve, steadyState } from '@qsync/integrators';
import { spinLimitCycle } from '@qsync/models';
import { pureState, spinCoherentKet } from '@qsync/operators';
import { spinHusimiQ, spinPhaseDistribution, spinPhaseDistributionNumerical } from '@qsync/probes';
import { map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigureRecipe } from './figure-types';
import { snapshotPanels } from './snapshot-panels';

/** γ+ = γ−/2, ω = 2γ− of the caption, in units where γ− = 1. */
const GAMMA_MINUS = 1;
const GAMMA_PLUS = 0.5;
const OMEGA = 2;
/** The initial spin-coherent state |θ0, φ0⟩ (Eq. 4.31): on the equator, s+ = ½, s_z = 0. */
const THETA0 = Math.PI / 2;
const PHI0 = 0;
/** ⟨σ+⟩(t), ⟨σz⟩(t) on [0, T_END] every T_END/(SAMPLES − 1). */
const T_END = 4;
const SAMPLES = 81;
/** Snapshot times (1/γ−): start, quarter turn, half turn, spreading, nearly flat; then the steady state. */
const SNAPSHOTS = [0, 0.25, 0.5, 1, 2];
/** Gauss–Legendre nodes of the θ-integral in the numerical twin of Eq. (4.33) (reaches rounding). */
const NTHETA = 16;

/**
 * Fig. 4.6: the spin-1/2 limit-cycle oscillator (Eq. 4.26) with γ+ = γ−/2, ω = 2γ− (γ− = 1), from the
 * spin-coherent state |θ = π/2, φ = 0⟩ (Eq. 4.31), integrated by `mesolve` (Dormand–Prince, rtol
 * 1e-10, atol 1e-12). Panels a1 … a6: Q(θ, φ) (Eq. 4.32) at t = 0, 0.25, 0.5, 1, 2 and in the steady
 * state, as heatmaps in the cylindrical equal-area (Lambert) projection — x = φ ∈ [−π, π), y = cos θ
 * ∈ [−1, 1] (the top is θ = 0, the state |1⟩) — instead of the thesis's Mollweide projection; it is
 * also equal-area, so the colours are the probability density per area dφ d(cos θ) = sin θ dθ dφ.
 * 96 × 48 cells (`scale` × 96 ≥ 24 in φ, half as many in cos θ). Panel b: Q(φ) (Eq. 4.33, closed form,
 * 128 angles) at the same times. Panel c: s+ = ⟨σ+⟩ (real and imaginary parts) and s_z = ⟨σz⟩ over
 * t ∈ [0, 4] from the master equation, with the solution of Eqs. (4.27)–(4.28) dashed.
 *
 * Checks:
 * - s_z of the steady state (`steadyState`) against (γ+ − γ−)/(γ+ + γ−) = −1/3 (Eq. 4.29);
 * - s+(t) from the master equation against s+(0)e^{(iω − (γ+ + γ−)/2)t} (Eq. 4.28): largest |difference|;
 * - s_z(t) against s_z^ss + (s_z(0) − s_z^ss)e^{−(γ+ + γ−)t} (Eq. 4.27): largest |difference|;
 * - Q(φ) of every snapshot in closed form (Eq. 4.33, from ⟨σ+⟩) against the θ-quadrature of
 *   Q(θ, φ) (`spinPhaseDistributionNumerical`, from the spin-coherent states): largest difference.
 */
export const figure46: FigureRecipe = {
  id: '4.6',
  title: 'Spin-1/2 limit-cycle oscillator: time evolution of Q(θ, φ) and Q(φ) (Eqs. 4.26, 4.32, 4.33)',
  equations: ['4.26', '4.31', '4.32', '4.33', '4.27', '4.28', '4.29'],
  run(config) {
    const cfg = resolveFigureConfig('4.6', config);
    const nPhi = cfg.size(96, 24);
    const nCos = Math.max(12, Math.round(nPhi / 2));
    const angles = cfg.size(128, 32);
    return figureStream(async (ctx) => {
      const spin = spinLimitCycle({ omega: OMEGA, gammaPlus: GAMMA_PLUS, gammaMinus: GAMMA_MINUS });
      const rho0 = pureState(spinCoherentKet(spin.space, THETA0, PHI0));
      const times = linspace(0, T_END, SAMPLES);
      const isSnapshot = (t: number) => SNAPSHOTS.some((s) => Math.abs(s - t) < 1e-9);
      const frames = await ctx.collect('master equation (4.26)', (progress) =>
        mesolve(spin.lindbladian, rho0, times, {
          expect: { sp: spin.operators.sigmaPlus, sz: spin.operators.sigmaZ },
          includeState: true,
          rtol: 1e-10,
          atol: 1e-12,
        })
          .withProgress()
          .pipe(
            tapProgress(progress),
            map((f) => {
              const sp = channelValue(f, 'sp', 'complex');
              const sz = channelValue(f, 'sz', 'complex').re;
              const rho = isSnapshot(f.t) ? channelValue(f, 'rho', 'array').data : null;
              return { t: f.t, spRe: sp.re, spIm: sp.im, sz, rho };
            }),
          ),
      );
      const stationary = steadyState(spin.lindbladian).rho;
      // cell centres: φ on [−π, π), cos θ on [−1, 1]
      const phiAxis = Float64Array.from({ length: nPhi }, (_, k) => -Math.PI + (2 * Math.PI * (k + 0.5)) / nPhi);
      const cosAxis = Float64Array.from({ length: nCos }, (_, k) => -1 + (2 * (k + 0.5)) / nCos);
      const thetaAxis = cosAxis.map((c) => Math.acos(c));
      const { states, panels, phis, curves } = snapshotPanels(frames, stationary, {
        dim: 2,
        heatmap: {
          title: (label) => `Q(θ, φ) at ${label} (equal-area: y = cos θ)`,
          xLabel: 'azimuth φ',
          yLabel: 'cos θ = ⟨σz⟩ of |θ, φ⟩',
          valueLabel: 'Q(θ, φ)',
          x: phiAxis,
          y: cosAxis,
          values: (rho) => spinHusimiQ(rho, { theta: thetaAxis, phi: phiAxis }),
        },
        phase: { angles, title: '(b) phase distribution Q(φ) (Eq. 4.33)', xLabel: 'phase φ = arg⟨σ+⟩', distribution: spinPhaseDistribution },
      });

      // the solution of Eqs. (4.27)–(4.28) from the same start
      const gamma = GAMMA_PLUS + GAMMA_MINUS;
      const szSteady = (GAMMA_PLUS - GAMMA_MINUS) / gamma;
      const first = frames[0];
      const exact = frames.map((f) => {
        const decay = Math.exp(-0.5 * gamma * f.t);
        const c = Math.cos(OMEGA * f.t);
        const s = Math.sin(OMEGA * f.t);
        return {
          re: decay * (first.spRe * c - first.spIm * s),
          im: decay * (first.spRe * s + first.spIm * c),
          sz: szSteady + (first.sz - szSteady) * Math.exp(-gamma * f.t),
        };
      });
      const t = Float64Array.from(frames, (f) => f.t);
      panels.push({
        kind: 'lines',
        name: 'c',
        title: '(c) s+ = ⟨σ+⟩ and s_z = ⟨σz⟩: master equation and Eqs. 4.27–4.28 (dashed)',
        xLabel: 't γ−',
        yLabel: 'expectation value',
        series: [
          { name: 'Re s+', x: t, y: Float64Array.from(frames, (f) => f.spRe), color: '#1f77b4' },
          { name: 'Im s+', x: t, y: Float64Array.from(frames, (f) => f.spIm), color: '#ff7f0e' },
          { name: 's_z', x: t, y: Float64Array.from(frames, (f) => f.sz), color: '#2ca02c' },
          { name: 'Re s+ (4.28)', x: t, y: Float64Array.from(exact, (e) => e.re), dashed: true, color: '#1f77b4' },
          { name: 'Im s+ (4.28)', x: t, y: Float64Array.from(exact, (e) => e.im), dashed: true, color: '#ff7f0e' },
          { name: 's_z (4.27)', x: t, y: Float64Array.from(exact, (e) => e.sz), dashed: true, color: '#2ca02c' },
        ],
      });

      let spError = 0;
      let szError = 0;
      frames.forEach((f, k) => {
        spError = Math.max(spError, Math.hypot(f.spRe - exact[k].re, f.spIm - exact[k].im));
        szError = Math.max(szError, Math.abs(f.sz - exact[k].sz));
      });
      let closedVsQuadrature = 0;
      states.forEach((s, k) => {
        const numerical = spinPhaseDistributionNumerical(s.rho, phis, { ntheta: NTHETA });
        for (let j = 0; j < phis.length; j++) closedVsQuadrature = Math.max(closedVsQuadrature, Math.abs(curves[k][j] - numerical[j]));
      });
      const sd = stationary.matrix.data;
      const checks: FigureCheck[] = [
        { name: 'steady-state s_z vs (γ+ − γ−)/(γ+ + γ−)', equation: '4.29', value: sd[6] - sd[0], expected: szSteady },
        { name: `s+(t) vs s+(0)e^{(iω − (γ+ + γ−)/2)t}, largest |difference| on t ∈ [0, ${T_END}]`, equation: '4.28', value: spError, expected: 0 },
        { name: `s_z(t) vs the relaxation of Eq. 4.27, largest |difference| on t ∈ [0, ${T_END}]`, equation: '4.27', value: szError, expected: 0 },
        {
          name: `Q(φ) closed form vs θ-quadrature of Q(θ, φ), largest difference over ${states.length} states × ${angles} angles`,
          equation: '4.33',
          value: closedVsQuadrature,
          expected: 0,
        },
      ];
      return {
        id: '4.6',
        title: figure46.title,
        parameters: {
          gammaMinus: GAMMA_MINUS,
          gammaPlus: GAMMA_PLUS,
          omega: OMEGA,
          theta0: THETA0,
          phi0: PHI0,
          cellsPhi: nPhi,
          cellsCosTheta: nCos,
          angles,
          snapshots: SNAPSHOTS.join(', '),
          projection: 'cylindrical equal-area (Lambert): x = φ, y = cos θ',
        },
        panels,
        checks,
      };
    });
  },
};

import { channelValue, tapProgress } from '@qsync/frames';
import { mesolve, steadyState } from '@qsync/integrators';
import { spinLimitCycle } from '@qsync/models';
import { pureState, spinCoherentKet } from '@qsync/operators';
import { spinHusimiQ } from '@qsync/probes';
import { map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import type { FigureCheck, FigureRecipe } from './figure-types';
import { measuredEnsemble } from './measured-ensemble';
import type { MeasuredOscillatorConfig } from './measured-oscillator-task';

/** γ+ = γ−/2, ω = 2γ− (Figs. 4.6, 4.7), in units where γ− = 1; γ− is the measured loss. */
const GAMMA_MINUS = 1;
const GAMMA_PLUS = 0.5;
const OMEGA = 2;
/** The initial spin-coherent state |θ0 = π/2, φ0 = 0⟩ of Fig. 4.6 (Eq. 4.31). */
const THETA0 = Math.PI / 2;
/**
 * SME step and output step Δ = 20 dt = 0.02. The rates are O(1) here, so the explicit drift's
 * first-order bias (∝ dt) stays well below the standard error of 400 trajectories.
 */
const DT = 1e-3;
const OUTPUT_EVERY = 20;
/** Full size: 200 output times (t ∈ [0, 4)) and 400 trajectories (the check; the thesis averages 100). */
const SAMPLES = 200;
const TRAJECTORIES = 400;
const SHOWN = 10;

/**
 * The recipe of Fig. 4.7 with the trajectories' ω multiplied by `trajectoryOmegaFactor` (the master
 * equation keeps ω): 1 is the figure; another value is a broken variant for its spec.
 *
 * @example
 * const broken = measuredSpinRecipe(1.05); // same figure, trajectories rotating 5 % too fast
 * broken.id; // → '4.7'
 */
export function measuredSpinRecipe(trajectoryOmegaFactor = 1): FigureRecipe {
  const recipe: FigureRecipe = {
    id: '4.7',
    title: 'Spin-1/2 limit-cycle oscillator under heterodyne detection: trajectories and their average (Eq. 4.34)',
    equations: ['4.26', '4.34', '3.13', '4.32'],
    run(config) {
      const cfg = resolveFigureConfig('4.7', config);
      const nPhi = cfg.size(96, 24);
      const nCos = Math.max(12, Math.round(nPhi / 2));
      const samples = cfg.size(SAMPLES, 50);
      const trajectories = cfg.size(TRAJECTORIES, 40);
      const step = DT * OUTPUT_EVERY;
      return figureStream(async (ctx) => {
        const spin = spinLimitCycle({ omega: OMEGA, gammaPlus: GAMMA_PLUS, gammaMinus: GAMMA_MINUS });
        const times = Float64Array.from({ length: samples }, (_, k) => k * step);
        const master = await ctx.collect('master equation (4.26)', (progress) =>
          mesolve(spin.lindbladian, pureState(spinCoherentKet(spin.space, THETA0, 0)), times, {
            expect: { sp: spin.operators.sigmaPlus, sz: spin.operators.sigmaZ },
            rtol: 1e-10,
            atol: 1e-12,
          })
            .withProgress()
            .pipe(
              tapProgress(progress),
              map((f) => ({ sx: 2 * channelValue(f, 'sp', 'complex').re, sz: channelValue(f, 'sz', 'complex').re })),
            ),
        );
        const task: MeasuredOscillatorConfig = {
          model: 'spin',
          omega: OMEGA * trajectoryOmegaFactor,
          kappa1: GAMMA_PLUS,
          kappa2: 0,
          cutoff: 2,
          start: THETA0,
          dt: DT,
          tEnd: samples * step,
          outputEvery: OUTPUT_EVERY,
        };
        const masterSx = Float64Array.from(master, (m) => m.sx);
        const masterSz = Float64Array.from(master, (m) => m.sz);
        const { shown, agreement } = await measuredEnsemble(ctx, 'heterodyne trajectories (4.34)', task, {
          trajectories,
          shown: SHOWN,
          noiseSeed: cfg.seed,
          workers: trajectories > 100 ? 2 : 0,
          master: { sx: masterSx, sz: masterSz },
        });
        ctx.progress('steady state', 0, 1);
        const stationary = steadyState(spin.lindbladian).rho;
        // cell centres: φ on [−π, π), cos θ on [−1, 1] (Fig. 4.6's equal-area projection)
        const phiAxis = Float64Array.from({ length: nPhi }, (_, k) => -Math.PI + (2 * Math.PI * (k + 0.5)) / nPhi);
        const cosAxis = Float64Array.from({ length: nCos }, (_, k) => -1 + (2 * (k + 0.5)) / nCos);
        const highlighted = shown[0];
        // the conditional Bloch vector's direction: φm = arg⟨σ+⟩m, cos θm = ⟨σz⟩m/|⟨σ⟩m|
        const pathPhi = highlighted.sx.map((x, i) => Math.atan2(highlighted.sy[i], x));
        const pathCos = highlighted.sz.map((z, i) => z / Math.hypot(highlighted.sx[i], highlighted.sy[i], z));
        const faint = '#a6c8e6';
        const masters = { sx: masterSx, sz: masterSz };
        const checks: FigureCheck[] = [];
        for (const [name, label] of [
          ['sx', '⟨σx⟩'],
          ['sz', '⟨σz⟩'],
        ] as const) {
          const g = agreement[name];
          const k = g.worstIndex;
          checks.push(
            {
              name: `ensemble mean of ${label} over ${trajectories} trajectories vs the master equation at its worst output time t = ${times[k].toFixed(2)} (of ${samples}), in units of the run's standard error`,
              equation: '4.34 vs 4.26',
              value: g.mean[k],
              expected: masters[name][k],
              standardError: g.standardError[k],
            },
            {
              name: `fraction of output times where the mean of ${label} is within 2 standard errors of the master equation`,
              equation: '4.34 vs 4.26',
              value: g.within2,
              expected: 0.95,
            },
          );
        }
        const trajectoryPanel = (name: 'sx' | 'sz', panel: string, title: string, yLabel: string) => ({
          kind: 'lines' as const,
          name: panel,
          title,
          xLabel: 't γ−',
          yLabel,
          series: [
            ...shown.slice(1).map((s, k) => ({ name: `trajectory ${k + 1}`, x: times, y: s[name], color: faint })),
            { name: 'trajectory 0', x: times, y: highlighted[name], color: '#1f77b4' },
            { name: `mean of ${trajectories}`, x: times, y: agreement[name].mean, color: '#000000' },
            { name: 'master equation', x: times, y: masters[name], color: '#888888', dashed: true },
          ],
        });
        return {
          id: '4.7',
          title: recipe.title,
          parameters: {
            gammaMinus: GAMMA_MINUS,
            gammaPlus: GAMMA_PLUS,
            omega: OMEGA,
            theta0: THETA0,
            dt: DT,
            outputStep: step,
            samples,
            trajectories,
            shown: SHOWN,
            noiseSeed: cfg.seed,
            nPhi,
            nCos,
            unraveling: 'heterodyne of σ−, two quadratures (Eq. 3.13), ξ = 1, Milstein',
            worstZsx: agreement.sx.worstZ,
            worstZsz: agreement.sz.worstZ,
          },
          panels: [
            {
              kind: 'heatmap',
              name: 'a',
              title: '(a) steady-state Q(θ, φ) (equal-area: y = cos θ)',
              xLabel: 'azimuth φ',
              yLabel: 'cos θ',
              valueLabel: 'Q(θ, φ)',
              x: phiAxis,
              y: cosAxis,
              values: spinHusimiQ(stationary, { theta: cosAxis.map((c) => Math.acos(c)), phi: phiAxis }),
            },
            {
              kind: 'lines',
              name: 'a-path',
              title: '(a) one trajectory: φm = arg⟨σ+⟩m, cos θm = ⟨σz⟩m/|⟨σ⟩m|',
              xLabel: 'azimuth φ',
              yLabel: 'cos θ',
              xDomain: [-Math.PI, Math.PI],
              yDomain: [-1, 1],
              series: [{ name: 'trajectory 0', x: pathPhi, y: pathCos, color: '#1f77b4', points: true }],
            },
            {
              kind: 'lines',
              name: 'a-xy',
              title: '(a) one trajectory: (⟨σx⟩m, ⟨σy⟩m)',
              xLabel: '⟨σx⟩m',
              yLabel: '⟨σy⟩m',
              xDomain: [-1, 1],
              yDomain: [-1, 1],
              series: [{ name: 'trajectory 0', x: highlighted.sx, y: highlighted.sy, color: '#1f77b4' }],
            },
            trajectoryPanel('sx', 'b', `(b) ⟨σx⟩m of ${SHOWN} trajectories, the mean of ${trajectories} and the master equation`, '⟨σx⟩'),
            trajectoryPanel('sz', 'c', `(b) ⟨σz⟩m of ${SHOWN} trajectories, the mean of ${trajectories} and the master equation`, '⟨σz⟩'),
          ],
          checks,
        };
      });
    },
  };
  return recipe;
}

/**
 * Fig. 4.7: the spin-1/2 limit-cycle oscillator (Eq. 4.26; γ+ = γ−/2, ω = 2γ−, from |θ = π/2, φ = 0⟩)
 * with its loss γ−D[σ−] under heterodyne detection (Eq. 4.34 in the two-quadrature form of Eq. 3.13,
 * its limit for a local oscillator detuned far from ω; Milstein, dt = 1e-3, `createDiffusiveTrajectories`
 * via `trajectoryEnsemble`, trajectory k seeded by (seed, k)). Panel a: the steady-state Q(θ, φ)
 * (Eq. 4.32, Fig. 4.6's equal-area projection) and trajectory 0's conditional Bloch direction
 * (φm, cos θm) over t ∈ [0, 4), with its (⟨σx⟩m, ⟨σy⟩m) beside it. Panels b, c: ⟨σx⟩m and ⟨σz⟩m of
 * trajectories 0 … 9 (0 highlighted), the mean of 400 (100 in the thesis) and the master equation
 * (`mesolve`, dashed). `scale` shrinks the trajectories (≥ 40) and the output times (≥ 50, every 0.02).
 *
 * Checks: for ⟨σx⟩ and ⟨σz⟩, the ensemble mean at the output time where |mean − ME|/SE is largest, with
 * the master equation's value and the run's standard error there (criterion: < 3 SE at every time);
 * the fraction of output times within 2 SE.
 */
export const figure47: FigureRecipe = measuredSpinRecipe();

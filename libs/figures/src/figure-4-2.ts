import { channelValue, tapProgress } from '@qsync/frames';
import { mesolve, steadyState } from '@qsync/integrators';
import { quantumVanDerPol } from '@qsync/models';
import { coherentKet, pureState } from '@qsync/operators';
import { husimiQ } from '@qsync/probes';
import { map } from 'rxjs';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureCheck, FigureRecipe } from './figure-types';
import { measuredEnsemble } from './measured-ensemble';
import { normalizedKet } from './normalized-ket';
import type { MeasuredOscillatorConfig } from './measured-oscillator-task';

/** κ1 = ω = 4κ, κ2 = κ/2 (Fig. 4.1), in units where κ = 1; κ is the measured loss. */
const KAPPA = 1;
const OMEGA = 4;
const KAPPA1 = 4;
const KAPPA2 = 0.5;
/**
 * Fock cutoff of the trajectories and of the master equation they are compared with (the same
 * truncated model): the initial |α0 = 2⟩ leaves 6e-4 beyond it, the steady state ⟨n⟩ ≈ 3 far less.
 */
const CUTOFF = 12;
const ALPHA0 = 2;
/**
 * SME step and output step Δ = 40 dt = 0.02. The scheme's drift is explicit first order: with the
 * noise switched off (ξ = 0) its ⟨a⟩ misses mesolve's by 0.36·dt at t = 0.02 and 8.5·dt at t = 1,
 * while the standard error of 400 trajectories is 1.6e-4 at t = 0.02 and 9e-3 at t = 0.2; dt = 5e-4
 * keeps that bias near or below one standard error at every output time (2e-3 would put it at 4–5).
 */
const DT = 5e-4;
const OUTPUT_EVERY = 40;
/** Full size: 200 output times (t ∈ [0, 4)) and 400 trajectories (the check; the thesis averages 100). */
const SAMPLES = 200;
const TRAJECTORIES = 400;
const SHOWN = 10;
const EXTENT = 4;

/**
 * The recipe of Fig. 4.2 with the trajectories' ω multiplied by `trajectoryOmegaFactor` (the master
 * equation keeps ω): 1 is the figure; another value is a broken variant for its spec, whose mean must
 * miss the master equation.
 *
 * @example
 * const broken = measuredVanDerPolRecipe(1.05); // same figure, trajectories rotating 5 % too fast
 * broken.id; // → '4.2'
 */
export function measuredVanDerPolRecipe(trajectoryOmegaFactor = 1): FigureRecipe {
  const recipe: FigureRecipe = {
    id: '4.2',
    title: 'Quantum van-der-Pol oscillator under heterodyne detection: trajectories and their average (Eqs. 4.6, 4.7)',
    equations: ['4.1', '4.6', '4.7', '3.13'],
    run(config) {
      const cfg = resolveFigureConfig('4.2', config);
      const cells = cfg.size(81, 21);
      const samples = cfg.size(SAMPLES, 50);
      const trajectories = cfg.size(TRAJECTORIES, 40);
      const step = DT * OUTPUT_EVERY;
      return figureStream(async (ctx) => {
        const vdp = quantumVanDerPol({ cutoff: CUTOFF, omega: OMEGA, kappa1: KAPPA1, kappa2: KAPPA2, kappa: KAPPA });
        const times = Float64Array.from({ length: samples }, (_, k) => k * step);
        const master = await ctx.collect('master equation (4.1)', (progress) =>
          mesolve(vdp.lindbladian, pureState(normalizedKet(coherentKet(vdp.space, { re: ALPHA0, im: 0 }))), times, { expect: { a: vdp.operators.a }, rtol: 1e-10, atol: 1e-12 })
            .withProgress()
            .pipe(
              tapProgress(progress),
              map((f) => channelValue(f, 'a', 'complex')),
            ),
        );
        const task: MeasuredOscillatorConfig = {
          model: 'vdp',
          omega: OMEGA * trajectoryOmegaFactor,
          kappa1: KAPPA1,
          kappa2: KAPPA2,
          cutoff: CUTOFF,
          start: ALPHA0,
          dt: DT,
          tEnd: samples * step,
          outputEvery: OUTPUT_EVERY,
        };
        const { shown, agreement } = await measuredEnsemble(ctx, 'heterodyne trajectories (4.6)', task, {
          trajectories,
          shown: SHOWN,
          noiseSeed: cfg.seed,
          workers: trajectories > 100 ? 2 : 0,
          master: { x: Float64Array.from(master, (a) => a.re), p: Float64Array.from(master, (a) => a.im) },
        });
        ctx.progress('steady state', 0, 1);
        const stationary = steadyState(vdp.lindbladian).rho;
        const axis = linspace(-EXTENT, EXTENT, cells);
        const highlighted = shown[0];
        const faint = '#a6c8e6';
        const checks: FigureCheck[] = [];
        for (const [name, label] of [
          ['x', '⟨x⟩ = Re⟨a⟩'],
          ['p', '⟨p⟩ = Im⟨a⟩'],
        ] as const) {
          const g = agreement[name];
          const k = g.worstIndex;
          checks.push(
            {
              name: `ensemble mean of ${label} over ${trajectories} trajectories vs the master equation at its worst output time t = ${times[k].toFixed(2)} (of ${samples}), in units of the run's standard error`,
              equation: '4.6 vs 4.1',
              value: g.mean[k],
              expected: k === 0 ? g.mean[k] : master[k][name === 'x' ? 're' : 'im'],
              standardError: g.standardError[k],
            },
            {
              name: `fraction of output times where the mean of ${label} is within 2 standard errors of the master equation`,
              equation: '4.6 vs 4.1',
              value: g.within2,
              expected: 0.95,
            },
          );
        }
        return {
          id: '4.2',
          title: recipe.title,
          parameters: {
            kappa: KAPPA,
            omega: OMEGA,
            kappa1: KAPPA1,
            kappa2: KAPPA2,
            cutoff: CUTOFF,
            alpha0: ALPHA0,
            dt: DT,
            outputStep: step,
            samples,
            trajectories,
            shown: SHOWN,
            noiseSeed: cfg.seed,
            cells,
            unraveling: 'heterodyne, two quadratures (Eq. 3.13), ξ = 1, Milstein',
            worstZx: agreement.x.worstZ,
            worstZp: agreement.p.worstZ,
          },
          panels: [
            {
              kind: 'heatmap',
              name: 'a',
              title: '(a) steady-state Q(α)',
              xLabel: 'x = Re α',
              yLabel: 'p = Im α',
              valueLabel: 'Q(α)',
              x: axis,
              y: axis,
              values: husimiQ(stationary, { re: axis, im: axis }),
            },
            {
              kind: 'lines',
              name: 'a-path',
              title: '(a) one trajectory: (⟨x⟩m, ⟨p⟩m)',
              xLabel: '⟨x⟩m',
              yLabel: '⟨p⟩m',
              xDomain: [-EXTENT, EXTENT],
              yDomain: [-EXTENT, EXTENT],
              series: [{ name: 'trajectory 0', x: highlighted.x, y: highlighted.p, color: '#1f77b4' }],
            },
            {
              kind: 'lines',
              name: 'b',
              title: `(b) ⟨x⟩m of ${SHOWN} trajectories, the mean of ${trajectories} and the master equation`,
              xLabel: 't κ',
              yLabel: '⟨x⟩',
              series: [
                ...shown.slice(1).map((s, k) => ({ name: `trajectory ${k + 1}`, x: times, y: s.x, color: faint })),
                { name: 'trajectory 0', x: times, y: highlighted.x, color: '#1f77b4' },
                { name: `mean of ${trajectories}`, x: times, y: agreement.x.mean, color: '#000000' },
                { name: 'master equation', x: times, y: Float64Array.from(master, (a) => a.re), color: '#888888', dashed: true },
              ],
            },
          ],
          checks,
        };
      });
    },
  };
  return recipe;
}

/**
 * Fig. 4.2: the quantum van-der-Pol oscillator (Eq. 4.1; κ1 = ω = 4κ, κ2 = κ/2, Fock cutoff 12, from
 * |α0 = 2⟩, normalized after truncation as the SME's state is) with its loss κD[a] under heterodyne detection, integrated as the stochastic master
 * equation in its two-quadrature form (Eq. 3.13: the limit of Eq. 4.6 for a local oscillator detuned
 * far from ω; Milstein, dt = 5e-4, `createDiffusiveTrajectories` via `trajectoryEnsemble`, trajectory
 * k seeded by (seed, k)). Panel a: the steady-state Q(α) (81 × 81 cells, `steadyState`) and, on the
 * same axes, (⟨x⟩m, ⟨p⟩m) = (Re, Im)⟨a⟩m of trajectory 0 over t ∈ [0, 4). Panel b: ⟨x⟩m of
 * trajectories 0 … 9 (0 highlighted), the mean of 400 (100 in the thesis) and ⟨x⟩ of the master
 * equation (`mesolve`, dashed). `scale` shrinks the trajectories (≥ 40) and the output times (≥ 50,
 * every 0.02).
 *
 * Checks (the criterion: the average matches the master equation within 3 standard errors
 * at every output time): for x and p, the mean at the output time where |mean − ME|/SE is largest,
 * with the master equation's value and the run's standard error there; and the fraction of output
 * times within 2 SE (≈ 0.95 for a right mean; neighbouring times are correlated, so it scatters more
 * than binomially).
 */
export const figure42: FigureRecipe = measuredVanDerPolRecipe();

import { steadyState } from '@qsync/integrators';
import { quantumVanDerPol } from '@qsync/models';
import { coherentKet, pureState } from '@qsync/operators';
import { husimiQ } from '@qsync/probes';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import { linspace } from './figure-support';
import type { FigureRecipe } from './figure-types';
import { ensembleTrajectoryPanel } from './ensemble-trajectory-panel';
import { measuredUnravelings } from './measured-unravelings';
import { normalizedKet } from './normalized-ket';

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
 * SME step and output step Δ = 200 dt = 0.02. The ensemble mean of either SME scheme is exactly the
 * explicit Euler solution of the master equation at the same dt (every noise term has mean 0 and
 * trace 0), which misses mesolve by O(dt): at t = 0.02 by −0.13·dt in Im⟨a⟩, where homodyne
 * trajectories (watching x) hardly spread in p (SE of 400: 2.5e-5), and by +0.33·dt in Re⟨a⟩, where
 * heterodyne ones spread little (SE 1.3e-4). In units of the SE of 400 trajectories that step bias is at most
 * 2.9 (homodyne) and 1.2 (heterodyne) at dt = 5e-4, 0.53 and 0.23 at dt = 1e-4 (seeds 1–3), largest at t = 0.02
 * and shrinking fast after it; dt = 1e-4 keeps the 3-SE check against the master equation a test of
 * the unraveling at every output time (the figure reports it as the step-bias checks).
 */
const DT = 1e-4;
/** Output step Δ = 0.02, a whole number of steps of any dt the recipe is given. */
const OUTPUT_STEP = 0.02;
const SHOWN = 10;
const EXTENT = 4;

/**
 * The recipe of Fig. 4.2 with the trajectories' ω multiplied by `trajectoryOmegaFactor` (the master
 * equation keeps ω) and SME step `dt` (Δ/dt must be a whole number, Δ = 0.02): (1, 1e-4) is the
 * figure; other values are broken variants for its spec — trajectories rotating too fast, whose mean
 * must miss the master equation, or a step too coarse, whose step bias must show.
 *
 * @example
 * const broken = measuredVanDerPolRecipe(1.05); // same figure, trajectories rotating 5 % too fast
 * broken.id; // → '4.2'
 * measuredVanDerPolRecipe(1, 2e-3).id; // → '4.2' (a step 20× the figure's)
 */
export function measuredVanDerPolRecipe(trajectoryOmegaFactor = 1, dt = DT): FigureRecipe {
  const outputEvery = Math.round(OUTPUT_STEP / dt);
  if (!(dt > 0) || Math.abs(outputEvery * dt - OUTPUT_STEP) > 1e-12) throw new Error(`measuredVanDerPolRecipe: 'dt' must divide the output step ${OUTPUT_STEP}, got ${dt}`);
  const recipe: FigureRecipe = {
    id: '4.2',
    title: 'Quantum van-der-Pol oscillator under heterodyne detection: trajectories, and the averages of heterodyne, homodyne and photon-counting trajectories (Eqs. 4.6, 4.7)',
    equations: ['4.1', '4.6', '4.7', '3.13'],
    run(config) {
      const cfg = resolveFigureConfig('4.2', config);
      const cells = cfg.size(81, 21);
      return figureStream(async (ctx) => {
        const vdp = quantumVanDerPol({ cutoff: CUTOFF, omega: OMEGA, kappa1: KAPPA1, kappa2: KAPPA2, kappa: KAPPA });
        const { times, trajectories, master, shown, agreement, worstZ, worstZEuler, stepBiasZ, familyWiseZ, checks } = await measuredUnravelings(ctx, cfg, {
          task: { model: 'vdp', omega: OMEGA * trajectoryOmegaFactor, kappa1: KAPPA1, kappa2: KAPPA2, cutoff: CUTOFF, start: ALPHA0, dt, outputEvery },
          master: {
            stage: 'master equation (4.1)',
            lindbladian: vdp.lindbladian,
            rho0: pureState(normalizedKet(coherentKet(vdp.space, { re: ALPHA0, im: 0 }))),
            expect: { a: vdp.operators.a },
            columns: (v) => ({ x: v.a.re, p: v.a.im }),
          },
          labels: { x: '⟨x⟩ = Re⟨a⟩', p: '⟨p⟩ = Im⟨a⟩' },
          // a trajectory at cutoff 12 costs ~0.03 s per time unit at dt = 1e-4: workers pay off beyond ~100
          workers: (n) => (n > 100 ? 2 : 0),
          equation: '4.6 vs 4.1',
          model: '(4.6)',
        });
        const samples = times.length;
        ctx.progress('steady state', 0, 1);
        const stationary = steadyState(vdp.lindbladian).rho;
        const axis = linspace(-EXTENT, EXTENT, cells);
        const highlighted = shown[0];
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
            dt,
            outputStep: dt * outputEvery,
            samples,
            trajectories,
            shown: SHOWN,
            noiseSeed: cfg.seed,
            cells,
            unravelings: 'a watched by heterodyne (two quadratures, Eq. 3.13), homodyne (LO phase 0) and photon counting, ξ = 1; Milstein for the SMEs',
            worstZheterodyne: worstZ.heterodyne,
            worstZhomodyne: worstZ.homodyne,
            worstZcounting: worstZ['photon-counting'],
            worstZEulerHeterodyne: worstZEuler.heterodyne,
            worstZEulerHomodyne: worstZEuler.homodyne,
            stepBiasZheterodyne: stepBiasZ.heterodyne,
            stepBiasZhomodyne: stepBiasZ.homodyne,
            familyWiseZ,
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
            ensembleTrajectoryPanel({
              name: 'b',
              title: `(b) ⟨x⟩m of ${SHOWN} heterodyne trajectories, the means of ${trajectories} heterodyne, homodyne and photon-counting trajectories, and the master equation`,
              xLabel: 't κ',
              yLabel: '⟨x⟩',
              times,
              column: 'x',
              trajectories,
              shown,
              agreement,
              master: master.x,
            }),
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
 * far from ω; Milstein, dt = 1e-4, `createDiffusiveTrajectories` via `trajectoryEnsemble`, trajectory
 * k seeded by (3·seed + u, k), u = 0, 1, 2 for heterodyne, homodyne, photon counting). Panel a: the steady-state Q(α) (81 × 81 cells, `steadyState`) and, on the
 * same axes, (⟨x⟩m, ⟨p⟩m) = (Re, Im)⟨a⟩m of trajectory 0 over t ∈ [0, 4). Panel b: ⟨x⟩m of
 * trajectories 0 … 9 (0 highlighted), the means of 400 (100 in the thesis) trajectories with a
 * watched by heterodyne, by homodyne (LO phase 0) and by photon counting (`photonCounting`), and
 * ⟨x⟩ of the master equation (`mesolve`, dashed). `scale` shrinks the trajectories (≥ 40) and the
 * output times (≥ 50, every 0.02).
 *
 * Checks (`measuredUnravelings`; the criterion: the average matches the master equation
 * within 3 standard errors at every output time), per unraveling, for x and p: the mean at the
 * output time where |mean − ME|/SE is largest, with the master equation's value and the run's
 * standard error there (`familyWiseZ`: the Bonferroni bound at family-wise level 1 %); and the
 * fraction of output times within 2 SE (≈ 0.95 for a right mean; neighbouring times are
 * correlated, so it scatters more than binomially). For heterodyne and homodyne also the mean
 * against the master equation integrated by explicit Euler at the SME's dt (the scheme's exact
 * expectation) and that Euler solution's step bias against the master equation in units of the
 * run's SE (`stepBiasZ…`: ≤ 0.53 at full size, ≤ 0.19 at scale 0.125).
 */
export const figure42: FigureRecipe = measuredVanDerPolRecipe();

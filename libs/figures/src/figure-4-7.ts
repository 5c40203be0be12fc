import { steadyState } from '@qsync/integrators';
import { spinLimitCycle } from '@qsync/models';
import { pureState, spinCoherentKet } from '@qsync/operators';
import { spinHusimiQ } from '@qsync/probes';
import { resolveFigureConfig } from './figure-config';
import { figureStream } from './figure-stream';
import type { FigureRecipe } from './figure-types';
import { ensembleTrajectoryPanel } from './ensemble-trajectory-panel';
import { measuredUnravelings } from './measured-unravelings';

/** γ+ = γ−/2, ω = 2γ− (Figs. 4.6, 4.7), in units where γ− = 1; γ− is the measured loss. */
const GAMMA_MINUS = 1;
const GAMMA_PLUS = 0.5;
const OMEGA = 2;
/** The initial spin-coherent state |θ0 = π/2, φ0 = 0⟩ of Fig. 4.6 (Eq. 4.31). */
const THETA0 = Math.PI / 2;
/**
 * SME step and output step Δ = 20 dt = 0.02. The ensemble mean of either SME scheme is exactly the
 * explicit Euler solution of the master equation at the same dt, which misses mesolve by O(dt). With
 * the spin's O(1) rates that step bias is at most 0.07 SE of 400 trajectories at dt = 1e-3, at every
 * output time, for ⟨σx⟩ and ⟨σz⟩ of heterodyne and homodyne (the figure reports it as the step-bias
 * checks), so the 3-SE check against the master equation tests the unraveling.
 */
const DT = 1e-3;
const OUTPUT_EVERY = 20;
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
    title: 'Spin-1/2 limit-cycle oscillator under heterodyne detection: trajectories, and the averages of heterodyne, homodyne and photon-counting trajectories (Eq. 4.34)',
    equations: ['4.26', '4.34', '3.13', '4.32'],
    run(config) {
      const cfg = resolveFigureConfig('4.7', config);
      const nPhi = cfg.size(96, 24);
      const nCos = Math.max(12, Math.round(nPhi / 2));
      return figureStream(async (ctx) => {
        const spin = spinLimitCycle({ omega: OMEGA, gammaPlus: GAMMA_PLUS, gammaMinus: GAMMA_MINUS });
        const { times, trajectories, master, shown, agreement, worstZ, worstZEuler, stepBiasZ, familyWiseZ, checks } = await measuredUnravelings(ctx, cfg, {
          task: { model: 'spin', omega: OMEGA * trajectoryOmegaFactor, kappa1: GAMMA_PLUS, kappa2: 0, cutoff: 2, start: THETA0, dt: DT, outputEvery: OUTPUT_EVERY },
          master: {
            stage: 'master equation (4.26)',
            lindbladian: spin.lindbladian,
            rho0: pureState(spinCoherentKet(spin.space, THETA0, 0)),
            expect: { sp: spin.operators.sigmaPlus, sz: spin.operators.sigmaZ },
            columns: (v) => ({ sx: 2 * v.sp.re, sz: v.sz.re }),
          },
          labels: { sx: '⟨σx⟩', sz: '⟨σz⟩' },
          // a spin trajectory costs ~4 ms: starting workers would take longer than the ensemble
          workers: () => 0,
          equation: '4.34 vs 4.26',
          model: '(4.34)',
        });
        const samples = times.length;
        ctx.progress('steady state', 0, 1);
        const stationary = steadyState(spin.lindbladian).rho;
        // cell centres: φ on [−π, π), cos θ on [−1, 1] (Fig. 4.6's equal-area projection)
        const phiAxis = Float64Array.from({ length: nPhi }, (_, k) => -Math.PI + (2 * Math.PI * (k + 0.5)) / nPhi);
        const cosAxis = Float64Array.from({ length: nCos }, (_, k) => -1 + (2 * (k + 0.5)) / nCos);
        const highlighted = shown[0];
        // the conditional Bloch vector's direction: φm = arg⟨σ+⟩m, cos θm = ⟨σz⟩m/|⟨σ⟩m|
        const pathPhi = highlighted.sx.map((x, i) => Math.atan2(highlighted.sy[i], x));
        const pathCos = highlighted.sz.map((z, i) => z / Math.hypot(highlighted.sx[i], highlighted.sy[i], z));
        const trajectoryPanel = (column: 'sx' | 'sz', name: string, label: string) =>
          ensembleTrajectoryPanel({
            name,
            title: `(b) ${label}m of ${SHOWN} heterodyne trajectories, the means of ${trajectories} heterodyne, homodyne and photon-counting trajectories, and the master equation`,
            xLabel: 't γ−',
            yLabel: label,
            times,
            column,
            trajectories,
            shown,
            agreement,
            master: master[column],
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
            outputStep: DT * OUTPUT_EVERY,
            samples,
            trajectories,
            shown: SHOWN,
            noiseSeed: cfg.seed,
            nPhi,
            nCos,
            unravelings: 'σ− watched by heterodyne (two quadratures, Eq. 3.13), homodyne (LO phase 0) and photon counting, ξ = 1; Milstein for the SMEs',
            worstZheterodyne: worstZ.heterodyne,
            worstZhomodyne: worstZ.homodyne,
            worstZEulerHeterodyne: worstZEuler.heterodyne,
            worstZEulerHomodyne: worstZEuler.homodyne,
            stepBiasZheterodyne: stepBiasZ.heterodyne,
            stepBiasZhomodyne: stepBiasZ.homodyne,
            worstZcounting: worstZ['photon-counting'],
            familyWiseZ,
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
            trajectoryPanel('sx', 'b', '⟨σx⟩'),
            trajectoryPanel('sz', 'c', '⟨σz⟩'),
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
 * via `trajectoryEnsemble`, trajectory k seeded by (3·seed + u, k), u = 0, 1, 2 for heterodyne,
 * homodyne, photon counting). Panel a: the steady-state Q(θ, φ)
 * (Eq. 4.32, Fig. 4.6's equal-area projection) and trajectory 0's conditional Bloch direction
 * (φm, cos θm) over t ∈ [0, 4), with its (⟨σx⟩m, ⟨σy⟩m) beside it. Panels b, c: ⟨σx⟩m and ⟨σz⟩m of
 * trajectories 0 … 9 (0 highlighted), the means of 400 (100 in the thesis) trajectories with σ−
 * watched by heterodyne, by homodyne (LO phase 0) and by photon counting (`photonCounting`), and the
 * master equation (`mesolve`, dashed). `scale` shrinks the trajectories (≥ 40) and the output times
 * (≥ 50, every 0.02).
 *
 * Checks (`measuredUnravelings`), per unraveling, for ⟨σx⟩ and ⟨σz⟩: the ensemble mean at the output
 * time where |mean − ME|/SE is largest, with the master equation's value and the run's standard
 * error there (the criterion: < 3 SE at every time; `familyWiseZ` is the Bonferroni bound at
 * family-wise level 1 %), and the fraction of output times within 2 SE. For heterodyne and homodyne
 * also the mean against the master equation integrated by explicit Euler at the SME's dt (the
 * scheme's exact expectation) and that Euler solution's step bias against the master equation in
 * units of the run's SE (`stepBiasZ…`: ≤ 0.07).
 */
export const figure47: FigureRecipe = measuredSpinRecipe();

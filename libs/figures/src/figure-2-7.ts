import { channelValue, tapProgress } from '@qsync/frames';
import { kuramoto, kuramotoLockedState, type KuramotoLockedState } from '@qsync/models';
import { resolveFigureConfig } from './figure-config';
import { figureStream, type FigureContext } from './figure-stream';
import type { FigureCheck, FigureRecipe, LinePanel } from './figure-types';
import { linspace } from './figure-support';

/** Oscillators per snapshot: a handful, so that each is visible as a dot. */
const N = 32;
/** Lorentzian width, the unit of rates (times in units of 1/G). */
const G = 1;
/** (a) below the threshold 2G (Eq. 2.44); (b) far above it. */
const V_UNSYNC = 1;
const V_SYNC = 10;
/** Time of the snapshots, long after the transients (rates V/2 − G, |V/2 − G| ≥ 0.5 G). */
const T_SNAPSHOT = 20;

/**
 * Fig. 2.7: the order parameter z = (1/N) Σ_j e^{iφ_j} (Eq. 2.30) as a picture: every oscillator
 * a dot e^{iφ_j} on the unit circle, z a marked point in the complex plane. The thesis's sketch
 * gives no parameters; here both panels are snapshots of the noise-free Kuramoto model (Eq. 2.29)
 * with N = 32 oscillators, Lorentzian frequencies of width G = 1 at their quantiles (`frequencies:
 * 'quantile'`, so the picture does not hinge on a lucky draw of 32 frequencies), uniform random
 * initial phases from `seed`, taken at t = 20/G:
 * (a) unsynchronized, V = G < 2G: the phases spread around the circle and |z| ~ 1/√N;
 * (b) synchronized, V = 10G ≫ 2G: the phases gather near ψ and |z| is close to one.
 * `scale` changes nothing here (32 oscillators are already cheap); it is checked all the same.
 *
 * Checks of (b) against the locked state of the thesis's analysis (Eqs. 2.31, 2.22, 2.35) for these
 * 32 frequencies, solved without simulation (`kuramotoLockedState` of @qsync/models): in a
 * stationary z = |z|e^{iψ} an oscillator with |ω_j| < V|z| is locked at φ_j − ψ = arcsin(ω_j/(V|z|)),
 * and the drifting ones contribute nothing on average (they come in pairs ±ω_j), so |z| solves the
 * finite-N self-consistency
 * |z| = (1/N) Σ_{|ω_j|<V|z|} √(1 − (ω_j/(V|z|))²) (the sum form of Eq. 2.36; 0.9022 here, where the
 * N → ∞ value √(1 − 2G/V) of Eq. 2.37 is 0.894, in `parameters`). 30 of the 32 lock; the two
 * outermost (|ω| ≈ 20G) drift. Checks: (1) |z| of the locked oscillators' phases against that root,
 * (2) the largest |φ_j − ψ − arcsin(ω_j/(V|z|))| over them, ψ the phase of their sum, against 0.
 * Both deviate only by the drifters' pull: two oscillators of weight V/N turning at Ω ≈ 18G relative
 * to the locked ones shake each locked phase by ≲ 2V/(NΩ) ≈ 0.03 rad, and |z| to second order in it.
 * The full snapshot's |z| also holds the drifters' instantaneous 2/N (it is in the panel's title).
 */
export const figure27: FigureRecipe = {
  id: '2.7',
  title: 'Order parameter of the Kuramoto model (Eq. 2.30)',
  equations: ['2.30', '2.37'],
  run(config) {
    const cfg = resolveFigureConfig('2.7', config);
    return figureStream(async (ctx) => {
      const a = await snapshot(ctx, '(a) unsynchronized snapshot', V_UNSYNC, cfg.seed);
      const b = await snapshot(ctx, '(b) synchronized snapshot', V_SYNC, cfg.seed);
      const circle = linspace(0, 2 * Math.PI, 361);
      const panel = (name: string, title: string, s: Snapshot): LinePanel => ({
        kind: 'lines',
        name,
        title: `${title}: N = ${N}, V = ${s.V}G, t = ${T_SNAPSHOT}/G, |z| = ${s.abs.toFixed(3)}`,
        xLabel: 'Re',
        yLabel: 'Im',
        xDomain: [-1.2, 1.2],
        yDomain: [-1.2, 1.2],
        series: [
          { name: 'unit circle', x: circle.map(Math.cos), y: circle.map(Math.sin) },
          { name: 'oscillators e^{iφ_j}', x: s.phases.map(Math.cos), y: s.phases.map(Math.sin), points: true },
          { name: 'order parameter z (Eq. 2.30)', x: Float64Array.of(s.re), y: Float64Array.of(s.im), points: true },
        ],
      });
      const locked = kuramotoLockedState(b.frequencies, V_SYNC);
      const lockedCount = locked.locked.reduce((n, l) => n + l, 0);
      const checks: FigureCheck[] = [
        {
          name: `(b) |z| of the ${lockedCount} locked oscillators vs the finite-N locked state of these frequencies`,
          equation: '2.36',
          value: b.lockedAbs(locked),
          expected: locked.abs,
        },
        {
          name: '(b) largest |φ_j − ψ − arcsin(ω_j/(V|z|))| over the locked oscillators',
          equation: '2.22, 2.35',
          value: b.worstLockedPhase(locked),
          expected: 0,
        },
      ];
      return {
        id: '2.7',
        title: figure27.title,
        parameters: {
          N,
          G,
          VA: V_UNSYNC,
          VB: V_SYNC,
          tSnapshot: T_SNAPSHOT,
          frequencies: 'quantile',
          seed: cfg.seed,
          absZA: a.abs,
          absZB: b.abs,
          lockedOscillatorsB: lockedCount,
          lockedStateAbsZB: locked.abs,
          infiniteNAbsZB: Math.sqrt(1 - (2 * G) / V_SYNC),
        },
        panels: [panel('a', '(a) unsynchronized, V < 2G', a), panel('b', '(b) synchronized, V ≫ 2G', b)],
        checks,
      };
    });
  },
};

interface Snapshot {
  readonly V: number;
  readonly frequencies: Float64Array;
  readonly phases: Float64Array;
  readonly re: number;
  readonly im: number;
  readonly abs: number;
  /** |(1/N) Σ_{locked} e^{iφ_j}| */
  lockedAbs(state: KuramotoLockedState): number;
  /** largest |φ_j − ψ − arcsin(ω_j/(V|z|))| over the locked j, ψ = arg Σ_{locked} e^{iφ_j} */
  worstLockedPhase(state: KuramotoLockedState): number;
}

async function snapshot(ctx: FigureContext, stage: string, V: number, seed: number): Promise<Snapshot> {
  const model = kuramoto({ N, V, G, frequencies: 'quantile', observePhases: true, disorderSeed: seed });
  const frames = await ctx.collect(stage, (progress) =>
    model.simulate([0, T_SNAPSHOT], { noiseSeed: seed }).withProgress().pipe(tapProgress(progress)),
  );
  const last = frames[frames.length - 1];
  const z = channelValue(last, 'z', 'array').data;
  const phases = Float64Array.from(channelValue(last, 'phasesUnwrapped', 'array').data);
  const omega = Float64Array.from(model.frequencies);
  const lockedSum = (state: KuramotoLockedState) => {
    let re = 0;
    let im = 0;
    for (let j = 0; j < N; j++) {
      if (state.locked[j] === 0) continue;
      re += Math.cos(phases[j]);
      im += Math.sin(phases[j]);
    }
    return { re: re / N, im: im / N };
  };
  return {
    V,
    frequencies: omega,
    phases,
    re: z[0],
    im: z[1],
    abs: Math.hypot(z[0], z[1]),
    lockedAbs: (state) => {
      const s = lockedSum(state);
      return Math.hypot(s.re, s.im);
    },
    worstLockedPhase: (state) => {
      const s = lockedSum(state);
      const psi = Math.atan2(s.im, s.re);
      let worst = 0;
      for (let j = 0; j < N; j++) {
        if (state.locked[j] === 0) continue;
        const d = phases[j] - psi - state.phases[j];
        worst = Math.max(worst, Math.abs(Math.atan2(Math.sin(d), Math.cos(d))));
      }
      return worst;
    },
  };
}

import { channelValue, tapProgress } from '@qsync/frames';
import { kuramoto } from '@qsync/models';
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
 * 32 frequencies, solved here without simulation: in a stationary z = |z|e^{iψ} an oscillator with
 * |ω_j| < V|z| is locked at φ_j − ψ = arcsin(ω_j/(V|z|)), and the drifting ones contribute nothing on
 * average (they come in pairs ±ω_j), so |z| solves the finite-N self-consistency
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
      const locked = lockedState(b.frequencies, V_SYNC);
      const checks: FigureCheck[] = [
        {
          name: `(b) |z| of the ${locked.count} locked oscillators vs the finite-N locked state of these frequencies`,
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
          lockedOscillatorsB: locked.count,
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
  lockedAbs(state: LockedState): number;
  /** largest |φ_j − ψ − arcsin(ω_j/(V|z|))| over the locked j, ψ = arg Σ_{locked} e^{iφ_j} */
  worstLockedPhase(state: LockedState): number;
}

async function snapshot(ctx: FigureContext, stage: string, V: number, seed: number): Promise<Snapshot> {
  const model = kuramoto({ N, V, G, frequencies: 'quantile', observePhases: true, disorderSeed: seed });
  const frames = await ctx.collect(stage, (progress) =>
    model.simulate([0, T_SNAPSHOT], { noiseSeed: seed }).withProgress().pipe(tapProgress(progress)),
  );
  const last = frames[frames.length - 1];
  const z = channelValue(last, 'z', 'array').data;
  const phases = Float64Array.from(channelValue(last, 'phases', 'array').data);
  const omega = Float64Array.from(model.frequencies);
  const lockedSum = (state: LockedState) => {
    let re = 0;
    let im = 0;
    for (let j = 0; j < N; j++) {
      if (!state.isLocked(omega[j])) continue;
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
        if (!state.isLocked(omega[j])) continue;
        const d = phases[j] - psi - Math.asin(omega[j] / (V * state.abs));
        worst = Math.max(worst, Math.abs(Math.atan2(Math.sin(d), Math.cos(d))));
      }
      return worst;
    },
  };
}

/** The stationary partially locked state of N oscillators with given frequencies (see the figure's doc). */
interface LockedState {
  /** the largest root of |z| = (1/N) Σ_{|ω_j| < V|z|} √(1 − (ω_j/(V|z|))²), 0 when there is none */
  readonly abs: number;
  readonly count: number;
  isLocked(omega: number): boolean;
}

/**
 * Solves the finite-N self-consistency of the locked state (Eqs. 2.22, 2.31, 2.35) for the
 * frequencies ω_j and coupling V: F(r) = (1/N) Σ_{|ω_j| < Vr} √(1 − (ω_j/(Vr))²) against r. F(1) ≤ 1,
 * so the largest root lies where F(r) − r turns positive scanning down from r = 1 (steps of 1e-3,
 * then bisection to 1e-15).
 */
function lockedState(frequencies: Float64Array, V: number): LockedState {
  const n = frequencies.length;
  const excess = (r: number) => {
    let s = 0;
    for (const w of frequencies) {
      const x = w / (V * r);
      if (Math.abs(x) < 1) s += Math.sqrt(1 - x * x);
    }
    return s / n - r;
  };
  let hi = 1;
  while (hi > 1e-3 && excess(hi - 1e-3) < 0) hi -= 1e-3;
  let lo = hi - 1e-3;
  if (!(lo > 0 && excess(lo) >= 0)) return { abs: 0, count: 0, isLocked: () => false };
  while (hi - lo > 1e-15) {
    const mid = 0.5 * (lo + hi);
    if (excess(mid) >= 0) lo = mid;
    else hi = mid;
  }
  const abs = lo;
  const isLocked = (w: number) => Math.abs(w) < V * abs;
  return { abs, count: Array.from(frequencies).filter(isLocked).length, isLocked };
}

import { channelValue } from '@qsync/frames';
import { kuramoto } from '@qsync/models';
import { kuramotoOrder } from '@qsync/probes';
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
 * (b) synchronized, V = 10G ≫ 2G: the phases gather near ψ and |z| is close to one
 * (√(1 − 2G/V) = 0.894 for N → ∞, Eq. 2.37; at N = 32 the two outermost quantile frequencies,
 * |ω| ≈ 20G > V|z|, stay unlocked and drift).
 * `scale` changes nothing here (32 oscillators are already cheap); it is checked all the same.
 *
 * Checks: |z| of each snapshot, from the model's `z` channel, against `kuramotoOrder` of the
 * plotted phases (Eq. 2.30, consistency to rounding); and |z| in (b) against √(1 − 2G/V) (Eq. 2.37),
 * which a snapshot of 32 oscillators meets only to O(1/√N) ≈ 0.2.
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
      const checks: FigureCheck[] = [
        {
          name: '(a) |z| from the simulation vs kuramotoOrder of the plotted phases',
          equation: '2.30',
          value: a.abs,
          expected: kuramotoOrder(a.phases).abs,
        },
        {
          name: '(b) |z| from the simulation vs kuramotoOrder of the plotted phases',
          equation: '2.30',
          value: b.abs,
          expected: kuramotoOrder(b.phases).abs,
        },
        {
          name: `(b) |z| of one snapshot of N = ${N} vs the N → ∞ value √(1 − 2G/V) (O(1/√N) apart)`,
          equation: '2.37',
          value: b.abs,
          expected: Math.sqrt(1 - (2 * G) / V_SYNC),
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
        },
        panels: [panel('a', '(a) unsynchronized, V < 2G', a), panel('b', '(b) synchronized, V ≫ 2G', b)],
        checks,
      };
    });
  },
};

interface Snapshot {
  readonly V: number;
  readonly phases: Float64Array;
  readonly re: number;
  readonly im: number;
  readonly abs: number;
}

async function snapshot(ctx: FigureContext, stage: string, V: number, seed: number): Promise<Snapshot> {
  const model = kuramoto({ N, V, G, frequencies: 'quantile', observePhases: true, seed });
  const frames = await ctx.collect(stage, (progress) => model.simulate([0, T_SNAPSHOT], { seed, progress }));
  const last = frames[frames.length - 1];
  const z = channelValue(last, 'z', 'array').data;
  return {
    V,
    phases: Float64Array.from(channelValue(last, 'phases', 'array').data),
    re: z[0],
    im: z[1],
    abs: Math.hypot(z[0], z[1]),
  };
}

import { tapProgress } from '@qsync/frames';
import { adler } from '@qsync/models';
import { map } from 'rxjs';
import { figureStream } from './figure-stream';
import { resolveFigureConfig } from './figure-config';
import { arrayData } from './figure-support';
import type { FigureCheck, FigureRecipe, LinePanel } from './figure-types';

/** How long the noise-free Adler run of panel (b) settles: the lock attracts at √(V² − δ²) = 0.87. */
const SETTLE = 40;

/**
 * Fig. 2.6: the Adler dynamics as overdamped motion in the tilted-washboard potential
 * U(φ_AB) = −δ φ_AB − V cos φ_AB (Eq. 2.26): (a) |δ| > V, no local minima (phase slips on
 * forever); (b) V > |δ|, minima at φ_AB = arcsin(δ/V) + 2πk (Eq. 2.22), the locked states.
 * (a) δ = 1, V = 0.5; (b) δ = 0.5, V = 1.
 *
 * Checks of panel (b): the minimum of the drawn U nearest 0, found by golden-section search on U
 * itself, against arcsin(δ/V) (Eq. 2.22); and the figure's claim that the Adler dynamics are that
 * overdamped motion: the noise-free Adler equation (`adler`, Eq. 2.21, from φ_AB = −1, t = 40, step
 * 1e-3) settles at arcsin(δ/V), the bottom of the well (residual e^{−0.87·40} of the start, plus
 * the step's error).
 */
export const figure26: FigureRecipe = {
  id: '2.6',
  title: 'Adler equation as motion in the potential U(φ_AB) (Eq. 2.26)',
  equations: ['2.26', '2.22'],
  run(config) {
    resolveFigureConfig('2.6', config);
    return figureStream(async (ctx) => {
      const unlocked = { delta: 1, V: 0.5 };
      const locked = { delta: 0.5, V: 1 };
      const phi = grid(-3 * Math.PI, 3 * Math.PI, 1201);
      const panel = (name: string, title: string, p: { delta: number; V: number }): LinePanel => ({
        kind: 'lines',
        name,
        title: `${title}: δ = ${p.delta}, V = ${p.V}`,
        xLabel: 'phase difference φ_AB',
        yLabel: 'U(φ_AB)',
        series: [{ name: 'U = −δφ − V cos φ', x: phi, y: phi.map((f) => -p.delta * f - p.V * Math.cos(f)) }],
      });
      // the noise-free Adler equation of panel (b), from the wall of the well
      const model = adler({ delta: locked.delta, V: locked.V, phi0: -1 });
      const settled = await ctx.collect('Adler, panel (b)', (progress) =>
        model
          .simulate([0, SETTLE], { dt: 1e-3 })
          .withProgress()
          .pipe(
            tapProgress(progress),
            map((f) => arrayData(f, 'phiABUnwrapped')[0]),
          ),
      );
      const checks: FigureCheck[] = [
        {
          name: 'position of the local minimum of U nearest 0 (panel b)',
          equation: '2.22',
          value: nearestLocalMinimum(locked.delta, locked.V),
          expected: Math.asin(locked.delta / locked.V),
        },
        {
          name: `φ_AB of the noise-free Adler equation at t = ${SETTLE}, from φ_AB = −1 (panel b): the bottom of the well`,
          equation: '2.21, 2.22',
          value: settled[settled.length - 1],
          expected: Math.asin(locked.delta / locked.V),
        },
      ];
      return {
        id: '2.6',
        title: figure26.title,
        parameters: { deltaA: unlocked.delta, VA: unlocked.V, deltaB: locked.delta, VB: locked.V, settle: SETTLE },
        panels: [panel('a', '(a) unsynchronized, |δ| > V', unlocked), panel('b', '(b) synchronized, V > |δ|', locked)],
        checks,
      };
    });
  },
};

function grid(lo: number, hi: number, n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
}

/** The local minimum of U in (−π/2, π/2], found by golden-section search (independent of 2.22). */
function nearestLocalMinimum(delta: number, V: number): number {
  const u = (f: number) => -delta * f - V * Math.cos(f);
  let a = -Math.PI / 2;
  let b = Math.PI / 2;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 200 && b - a > 1e-13; k++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (u(c) < u(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

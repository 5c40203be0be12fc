import { figureStream } from './figure-stream';
import { resolveFigureConfig } from './figure-config';
import type { FigureCheck, FigureRecipe, LinePanel } from './figure-types';

/**
 * Fig. 2.6: the Adler dynamics as overdamped motion in the tilted-washboard potential
 * U(φ_AB) = −δ φ_AB − V cos φ_AB (Eq. 2.26): (a) |δ| > V, no local minima (phase slips on
 * forever); (b) V > |δ|, minima at φ_AB = arcsin(δ/V) + 2πk (Eq. 2.22), the locked states.
 * Closed form, no simulation; the check locates the minima on a fine grid.
 */
export const figure26: FigureRecipe = {
  id: '2.6',
  title: 'Adler equation as motion in the potential U(φ_AB) (Eq. 2.26)',
  equations: ['2.26', '2.22'],
  run(config) {
    resolveFigureConfig('2.6', config);
    return figureStream(async () => {
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
      const checks: FigureCheck[] = [
        {
          name: 'position of the local minimum of U nearest 0 (panel b)',
          equation: '2.22',
          value: nearestLocalMinimum(locked.delta, locked.V),
          expected: Math.asin(locked.delta / locked.V),
        },
      ];
      return {
        id: '2.6',
        title: figure26.title,
        parameters: { deltaA: unlocked.delta, VA: unlocked.V, deltaB: locked.delta, VB: locked.V },
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

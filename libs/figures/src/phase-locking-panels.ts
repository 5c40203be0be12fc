import { linspace } from './figure-support';
import type { FigurePanel, FigureSeries } from './figure-types';
import type { PhaseLockingMap } from './phase-locking-map';
import { PHASE_LOCKING_WINDOW } from './phase-locking-window';

/** What {@link phaseLockingPanels} draws. */
export interface PhaseLockingPanelsSpec {
  /** the map (δ and V in units of `unit`) */
  readonly map: PhaseLockingMap;
  readonly unit: string;
  /** title of the heatmap, after '(a) ' */
  readonly mapTitle: string;
  /** panel (b): Q(φ_AB) at the couplings of the window's cut (in `unit`), on `angles` points of [−π, π) */
  readonly cut: {
    readonly title: string;
    readonly angles: number;
    distribution(k: number, phis: Float64Array): Float64Array;
  };
}

/**
 * The panels of a phase-locking figure (Figs. 4.3 and 4.8; internal to figures): (a) the heatmap of
 * max Q(φ_AB) over (δ, V) in {@link PHASE_LOCKING_WINDOW}, its companion line panel `a-threshold` with the classical noise-free
 * threshold V = |δ| (the heatmap type has no overlay), and (b) Q(φ_AB) at the couplings of the cut,
 * with the uniform 1/2π dashed.
 */
export function phaseLockingPanels(p: PhaseLockingPanelsSpec): FigurePanel[] {
  const phis = linspace(-Math.PI, Math.PI, p.cut.angles + 1).subarray(0, p.cut.angles);
  const cut: FigureSeries[] = PHASE_LOCKING_WINDOW.cutCouplings.map((V, k) => ({ name: `V = ${V}${p.unit}`, x: phis, y: p.cut.distribution(k, phis) }));
  return [
    {
      kind: 'heatmap',
      name: 'a',
      title: `(a) ${p.mapTitle}`,
      xLabel: `detuning δ/${p.unit}`,
      yLabel: `coupling V/${p.unit}`,
      valueLabel: 'max Q(φ_AB)',
      x: p.map.deltas,
      y: p.map.couplings,
      values: p.map.maxima,
    },
    {
      kind: 'lines',
      name: 'a-threshold',
      title: '(a) the classical noise-free threshold V = |δ| on the axes of panel a',
      xLabel: `detuning δ/${p.unit}`,
      yLabel: `coupling V/${p.unit}`,
      series: [{ name: 'V = |δ|', x: p.map.deltas, y: Float64Array.from(p.map.deltas, (d) => Math.abs(d)), dashed: true }],
      xDomain: [-PHASE_LOCKING_WINDOW.deltaMax, PHASE_LOCKING_WINDOW.deltaMax],
      yDomain: [0, PHASE_LOCKING_WINDOW.vMax],
    },
    {
      kind: 'lines',
      name: 'b',
      title: p.cut.title,
      xLabel: 'phase difference φ_AB',
      yLabel: 'Q(φ_AB)',
      series: [...cut, { name: '1/2π', x: phis, y: phis.map(() => 1 / (2 * Math.PI)), dashed: true }],
      xDomain: [-Math.PI, Math.PI],
    },
  ];
}

import type { DensityMatrix } from '@qsync/operators';
import { linspace } from './figure-support';
import type { FigurePanel } from './figure-types';

/** How {@link snapshotPanels} draws a state: its quasi-probability and its phase distribution. */
export interface SnapshotPanelsSpec {
  /** Hilbert-space dimension of the oscillator (the snapshots' ρ are dim × dim) */
  readonly dim: number;
  /** the heatmap of each state: title after '(aK) ', from the state's label ('t = 0.5') */
  readonly heatmap: {
    title(label: string): string;
    readonly xLabel: string;
    readonly yLabel: string;
    readonly valueLabel: string;
    readonly x: Float64Array;
    readonly y: Float64Array;
    values(rho: DensityMatrix): Float64Array;
  };
  /** panel b: the phase distribution of every state on `angles` points of [−π, π) */
  readonly phase: {
    readonly angles: number;
    readonly title: string;
    readonly xLabel: string;
    distribution(rho: DensityMatrix, phis: Float64Array): Float64Array;
  };
}

/**
 * The snapshot panels of a single-oscillator figure (Figs. 4.1 and 4.6; internal to figures): the
 * states of the snapshot frames (`rho` the row-major interleaved data, null for other frames),
 * labelled `t = …`, then the steady state; a heatmap a1, a2, … of each, and panel b with the phase
 * distribution of each (the steady state's dashed). Returns the states, the angles and the phase
 * curves too, for the figure's checks.
 */
export function snapshotPanels(
  frames: readonly { readonly t: number; readonly rho: Float64Array | null }[],
  stationary: DensityMatrix,
  spec: SnapshotPanelsSpec,
): { states: { label: string; rho: DensityMatrix }[]; panels: FigurePanel[]; phis: Float64Array; curves: Float64Array[] } {
  const n = spec.dim;
  const states: { label: string; rho: DensityMatrix }[] = frames.flatMap((f) =>
    f.rho === null ? [] : [{ label: `t = ${f.t}`, rho: { dims: [n], matrix: { rows: n, cols: n, data: f.rho } } }],
  );
  states.push({ label: 'steady state', rho: stationary });
  const h = spec.heatmap;
  const panels: FigurePanel[] = states.map((s, k) => ({
    kind: 'heatmap',
    name: `a${k + 1}`,
    title: `(a${k + 1}) ${h.title(s.label)}`,
    xLabel: h.xLabel,
    yLabel: h.yLabel,
    valueLabel: h.valueLabel,
    x: h.x,
    y: h.y,
    values: h.values(s.rho),
  }));
  const { angles, title, xLabel, distribution } = spec.phase;
  const phis = linspace(-Math.PI, Math.PI, angles + 1).subarray(0, angles);
  const curves = states.map((s) => distribution(s.rho, phis));
  const series = curves.map((q, k) => ({ name: states[k].label, x: phis, y: q, dashed: k === states.length - 1 }));
  panels.push({ kind: 'lines', name: 'b', title, xLabel, yLabel: 'Q(φ)', series, xDomain: [-Math.PI, Math.PI] });
  return { states, panels, phis, curves };
}

import type { Observable } from 'rxjs';

/** One line (or set of points) of a line panel. */
export interface FigureSeries {
  /** legend entry */
  readonly name: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly dashed?: boolean;
  /** draw the points as dots instead of joining them */
  readonly points?: boolean;
  /** CSS colour, for series that belong together (a mean and its spread); default: the plotter's next */
  readonly color?: string;
}

/** A panel of lines against a common x axis. */
export interface LinePanel {
  readonly kind: 'lines';
  /** file-name part and panel letter, e.g. 'a' */
  readonly name: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly FigureSeries[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
}

/** A panel of values on a grid, shown as a heatmap: values[iy·x.length + ix] at (x[ix], y[iy]). */
export interface HeatmapPanel {
  readonly kind: 'heatmap';
  readonly name: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly valueLabel: string;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly values: Float64Array;
}

export type FigurePanel = LinePanel | HeatmapPanel;

/**
 * A number the figure computes from its simulation next to what an independent closed form (or an
 * independent method) says it must be. `expected` is the right value for the quantity as measured
 * (e.g. the noisy peak of a density, not the noise-free one), up to the statistical error.
 */
export interface FigureCheck {
  readonly name: string;
  /** the thesis equation the expected value comes from */
  readonly equation: string;
  readonly value: number;
  readonly expected: number;
  /**
   * one standard error of `value`, estimated from the run itself (independent realizations, batches
   * or a jackknife over groups of realizations), when `value` is a statistical estimate; absent for
   * deterministic checks. |value − expected| is judged in these units.
   */
  readonly standardError?: number;
}

/** The data of a finished figure: panels to plot and the numbers it validates. */
export interface FigureData {
  readonly id: string;
  readonly title: string;
  /** the sizes and parameters actually used (after scaling) */
  readonly parameters: Readonly<Record<string, number | string>>;
  readonly panels: readonly FigurePanel[];
  readonly checks: readonly FigureCheck[];
}

/** Options of a figure run. */
export interface FigureConfig {
  /**
   * Fraction of the thesis's sizes (trajectories, oscillators, realizations, grid points), in
   * (0, 1]; default 1 reproduces the thesis. Each size is scaled and rounded, never below a
   * figure-specific minimum.
   */
  readonly scale?: number;
  /** seed of all noise and random initial conditions (integer, default 1) */
  readonly seed?: number;
}

/** What a running figure emits: progress of its stages, then its data once. */
export type FigureEvent =
  | { readonly kind: 'progress'; readonly stage: string; readonly done: number; readonly total: number }
  | { readonly kind: 'data'; readonly data: FigureData };

/** A thesis figure as a recipe: a cold stream of progress events ending with the figure's data. */
export interface FigureRecipe {
  readonly id: string;
  readonly title: string;
  /** the thesis equations the figure shows */
  readonly equations: readonly string[];
  run(config?: FigureConfig): Observable<FigureEvent>;
}

import type { AxisType } from './axis';

/** One line of a line plot. */
export interface LineSeries {
  /** Legend entry. */
  readonly name: string;
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** CSS colour (default: the next colour of the palette). */
  readonly color?: string;
  /** Draw dashed (default false). */
  readonly dashed?: boolean;
  /** Draw the points as dots, not joined by a line (default false). */
  readonly points?: boolean;
  /** List it in the legend (default true; false for e.g. the second edge of a band). */
  readonly legend?: boolean;
}

/** A labelled vertical line, e.g. at the position of a maximum. */
export interface VerticalMarker {
  readonly x: number;
  readonly label: string;
}

/** Everything `svgLinePlot` draws. */
export interface LinePlotConfig {
  /** Wrapped or shrunk to fit the width (see `fitTitle`). */
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** At least one series; each with x and y of equal, non-zero length and finite values. */
  readonly series: readonly LineSeries[];
  /** x range of the axis (default: the data's x range). */
  readonly xDomain?: readonly [number, number];
  /** y range of the axis (default: the data's y range widened to whole tick steps). */
  readonly yDomain?: readonly [number, number];
  /** 'linear' (default) or 'log' (decades; every value on that axis must be > 0). */
  readonly xScale?: AxisType;
  readonly yScale?: AxisType;
  readonly markers?: readonly VerticalMarker[];
  /** Size in SVG pixels (defaults 720 × 440). */
  readonly width?: number;
  readonly height?: number;
}

/** Everything `svgHeatmap` draws. */
export interface HeatmapConfig {
  /** Wrapped or shrunk to fit the width (see `fitTitle`). */
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  /** Label of the colour bar (the quantity shown). */
  readonly valueLabel: string;
  /** Grid x values (columns), strictly increasing, at least 2. */
  readonly x: ArrayLike<number>;
  /** Grid y values (rows), strictly increasing, at least 2; row 0 is drawn at the bottom. */
  readonly y: ArrayLike<number>;
  /** Row-major values, `values[iy·nx + ix]` at (x[ix], y[iy]); finite. */
  readonly values: ArrayLike<number>;
  /** Size in SVG pixels (defaults 640 × 560). */
  readonly width?: number;
  readonly height?: number;
}

import type { TimeGrid } from './scenario-types';

/**
 * The equally spaced output times of a {@link TimeGrid}, ending exactly at `stop`; count 1 gives [start].
 *
 * @example
 * Array.from(timeGridValues({ start: 0, stop: 3, count: 5 })); // → [0, 0.75, 1.5, 2.25, 3]
 */
export function timeGridValues(grid: TimeGrid): Float64Array {
  const out = new Float64Array(grid.count);
  const step = grid.count > 1 ? (grid.stop - grid.start) / (grid.count - 1) : 0;
  for (let k = 0; k < grid.count; k++) out[k] = grid.start + k * step;
  if (grid.count > 1) out[grid.count - 1] = grid.stop;
  return out;
}

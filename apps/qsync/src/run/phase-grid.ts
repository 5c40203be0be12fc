/**
 * `points` angles uniform on [−π, π): the grid of the phase probes, closing the circle.
 *
 * @example
 * phaseGrid(4); // → [-Math.PI, -Math.PI / 2, 0, Math.PI / 2]
 */
export function phaseGrid(points: number): number[] {
  return Array.from({ length: points }, (_, k) => -Math.PI + (2 * Math.PI * k) / points);
}

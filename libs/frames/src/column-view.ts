import ndarray from 'ndarray';
import type { SampleBlock } from './sample-block';

/**
 * An ndarray view over a block column's own data (no copy), indexed [sample, …shape] for a
 * real column and [sample, …shape, part] for a complex one (part 0 = re, 1 = im): e.g. a
 * Husimi grid column of shape [nx, np] reads `view.get(k, i, j)`, a complex ρ column of shape
 * [n, n] reads Re ρ_ij at sample k as `view.get(k, i, j, 0)`.
 *
 * @param block - a sample block
 * @param name - column name
 * @returns an `ndarray` over `block.columns[name].data`; writing through it changes the block
 * @throws Error naming an unknown column and listing the known ones
 * @example
 * const block = sampleBlock({ t0: 0, dt: 1, columns: { q: { kind: 'real', shape: [2, 2], data: Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8) } } });
 * const q = columnView(block, 'q');
 * [q.shape, q.get(1, 0, 1)];
 * // → [[2, 2, 2], 6]
 */
export function columnView(block: SampleBlock, name: string): ndarray.NdArray<Float64Array> {
  if (!Object.hasOwn(block.columns, name)) {
    const known = Object.keys(block.columns).map((k) => `'${k}'`).join(', ') || '(none)';
    throw new Error(`columnView: unknown column '${name}' in the block at t0 = ${block.t0}; known columns: ${known}`);
  }
  const c = block.columns[name];
  const shape = [block.length, ...c.shape];
  if (c.kind === 'complex') shape.push(2);
  return ndarray(c.data, shape);
}

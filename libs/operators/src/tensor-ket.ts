import { denseKron } from '@qsync/linalg';
import type { DenseMatrix } from '@qsync/linalg';
import { assertKet } from './assert';
import type { Ket } from './state';

/**
 * The product state |ψ_1⟩ ⊗ |ψ_2⟩ ⊗ … (kron order: first factor most significant), dims
 * concatenated.
 *
 * @param kets - one or more kets
 * @example
 * const f = fockSpace(3);
 * tensorKet(fockKet(f, 1), fockKet(f, 2)).data[2 * (1 * 3 + 2)]; // 1 — |1, 2⟩ is basis index 5
 */
export function tensorKet(...kets: Ket[]): Ket {
  if (kets.length < 1) throw new Error(`tensorKet: argument 'kets' must hold at least one Ket, got none`);
  kets.forEach((k, i) => assertKet('tensorKet', `kets[${i}]`, k));
  const col = (x: Float64Array): DenseMatrix => ({ rows: x.length / 2, cols: 1, data: x });
  let acc = col(kets[0].data);
  const dims = [...kets[0].dims];
  for (let i = 1; i < kets.length; i++) {
    acc = denseKron(acc, col(kets[i].data));
    dims.push(...kets[i].dims);
  }
  return { dims, data: kets.length === 1 ? Float64Array.from(acc.data) : acc.data };
}

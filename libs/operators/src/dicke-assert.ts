/**
 * Guards of the permutation-invariant representation (internal, not exported from the entry).
 */
import type { DickeSpace } from './dicke-space';
import type { DickeState } from './dicke-state';

/** Throws unless `s` is a DickeSpace (from `dickeSpace`). */
export function assertDickeSpace(fn: string, name: string, s: unknown): asserts s is DickeSpace {
  const sp = s as Partial<DickeSpace> | null | undefined;
  if (sp == null || sp.kind !== 'dicke' || !(sp.vecOffset instanceof Int32Array) || !(sp.stateOffset instanceof Int32Array)) {
    throw new Error(`${fn}: argument '${name}' must be a DickeSpace (from dickeSpace(n)), got ${String(s)}`);
  }
}

/** Throws unless `r` is a DickeState whose data fits its space. */
export function assertDickeState(fn: string, name: string, r: unknown): asserts r is DickeState {
  const st = r as Partial<DickeState> | null | undefined;
  if (st == null || !(st.data instanceof Float64Array)) {
    throw new Error(`${fn}: argument '${name}' must be a DickeState {space, data: Float64Array}, got ${String(r)}`);
  }
  assertDickeSpace(fn, `${name}.space`, st.space);
  if (st.data.length !== 2 * st.space.size) {
    throw new Error(
      `${fn}: argument '${name}' has ${st.data.length} numbers, but a state of ${st.space.n} spins has ` +
        `${st.space.size} complex entries (${2 * st.space.size} numbers)`,
    );
  }
}

/** Throws unless (j, m) is a valid Dicke label for N spins: j ∈ {N/2, N/2 − 1, …} ≥ 0, m ∈ {−j, …, j}. */
export function assertDickeLabel(fn: string, n: number, j: unknown, m?: unknown): void {
  if (typeof j !== 'number' || !Number.isInteger(2 * j) || j < 0 || j > n / 2 || !Number.isInteger(n / 2 - j)) {
    throw new Error(`${fn}: argument 'j' must be one of N/2, N/2 − 1, …, ${n % 2 === 0 ? 0 : 0.5} for N = ${n} spins, got ${String(j)}`);
  }
  if (m === undefined) return;
  if (typeof m !== 'number' || !Number.isInteger(j - m) || Math.abs(m) > j) {
    throw new Error(`${fn}: argument 'm' must be one of −j, −j + 1, …, j for j = ${j}, got ${String(m)}`);
  }
}

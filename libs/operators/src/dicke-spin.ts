import { csrFromTriplets } from '@qsync/linalg';
import { assertDickeSpace } from './dicke-assert';
import type { DickeSpace } from './dicke-space';
import type { Operator } from './operator';

/** Which collective spin component {@link dickeSpin} returns. */
export type DickeSpinComponent = 'x' | 'y' | 'z' | '+' | '-';

/**
 * A collective spin operator of N spins-1/2 in the Dicke basis (QuTiP piqs's `jspin`), block
 * diagonal with the same (2j+1)×(2j+1) matrix structure in every block j:
 * S± = Σ_i σ±_i (thesis Sec. 4.2.3), Sz = ½ Σ_i σz_i with σz = |1⟩⟨1| − |0⟩⟨0| (Eq. 4.24), so
 * Sz|j, m⟩ = m|j, m⟩, S±|j, m⟩ = √(j(j+1) − m(m±1)) |j, m±1⟩, Sx = (S+ + S−)/2,
 * Sy = (S+ − S−)/(2i). The result is an ordinary `Operator` with dims [space.dimension], so the
 * algebra of this library (`times`, `plus`, `scaled`, `dagger`) builds S+S−, Sz² or a collective
 * Hamiltonian from it; `dickeLindbladian` takes such operators.
 *
 * @param space - the Dicke space (`dickeSpace(n)`)
 * @param component - 'x', 'y', 'z', '+' or '-'
 * @example
 * // one spin: j = ½, states m = −½ (= |0⟩), +½ (= |1⟩)
 * csrToDense(dickeSpin(dickeSpace(1), 'z').matrix); // denseFromArrays([[-0.5, 0], [0, 0.5]])
 * csrToDense(dickeSpin(dickeSpace(1), '+').matrix); // denseFromArrays([[0, 0], [1, 0]]) — σ+ = |1⟩⟨0|
 */
export function dickeSpin(space: DickeSpace, component: DickeSpinComponent): Operator {
  const fn = 'dickeSpin';
  assertDickeSpace(fn, 'space', space);
  if (component !== 'x' && component !== 'y' && component !== 'z' && component !== '+' && component !== '-') {
    throw new Error(`${fn}: argument 'component' must be 'x', 'y', 'z', '+' or '-', got ${String(component)}`);
  }
  const rows: number[] = [];
  const cols: number[] = [];
  const re: number[] = [];
  const im: number[] = [];
  // one closure for the whole build, not one per state
  const add = (r: number, c: number, vr: number, vi: number): void => {
    rows.push(r);
    cols.push(c);
    re.push(vr);
    im.push(vi);
  };
  for (let b = 0; b < space.blocks; b++) {
    const j = space.j[b];
    const s0 = space.stateOffset[b];
    const d = 2 * j + 1;
    for (let k = 0; k < d; k++) {
      const m = k - j;
      if (component === 'z') {
        if (m !== 0) {
          rows.push(s0 + k);
          cols.push(s0 + k);
          re.push(m);
          im.push(0);
        }
        continue;
      }
      // ⟨m+1|S+|m⟩ = √(j(j+1) − m(m+1)) = √((j − m)(j + m + 1))
      if (k + 1 >= d) continue;
      const up = Math.sqrt((j - m) * (j + m + 1));
      if (component === '+') add(s0 + k + 1, s0 + k, up, 0);
      else if (component === '-') add(s0 + k, s0 + k + 1, up, 0);
      else if (component === 'x') {
        add(s0 + k + 1, s0 + k, up / 2, 0);
        add(s0 + k, s0 + k + 1, up / 2, 0);
      } else {
        // Sy = (S+ − S−)/(2i) = −i(S+ − S−)/2
        add(s0 + k + 1, s0 + k, 0, -up / 2);
        add(s0 + k, s0 + k + 1, 0, up / 2);
      }
    }
  }
  const n = space.dimension;
  return { dims: [n], matrix: csrFromTriplets(n, n, rows, cols, re, im) };
}

import { csrToDense } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { commutator, minus, plus, scaled, times } from './algebra';
import { dickeSpace } from './dicke-space';
import { dickeSpin } from './dicke-spin';
import type { Operator } from './operator';

describe('dickeSpin', () => {
  for (const n of [5, 6]) {
    it(`obeys the angular-momentum algebra: [S+, S−] = 2Sz, [Sz, S±] = ±S±, S² = j(j+1) on block j (N = ${n})`, () => {
      const s = dickeSpace(n);
      const [sp, sm, sz, sx, sy] = (['+', '-', 'z', 'x', 'y'] as const).map((c) => dickeSpin(s, c));
      const zero = (o: Operator) => expectClose(Array.from(csrToDense(o.matrix).data), new Array(2 * s.dimension ** 2).fill(0), { atol: 1e-12 });
      zero(minus(commutator(sp, sm), scaled(sz, 2)));
      zero(minus(commutator(sz, sp), sp));
      zero(plus(commutator(sz, sm), sm));
      zero(minus(commutator(sx, sy), scaled(sz, { re: 0, im: 1 }))); // [Sx, Sy] = iSz
      const s2 = csrToDense(plus(plus(times(sx, sx), times(sy, sy)), times(sz, sz)).matrix);
      for (let b = 0; b < s.blocks; b++) {
        const j = s.j[b];
        for (let r = s.stateOffset[b]; r < s.stateOffset[b + 1]; r++) expectClose(s2.data[2 * (r * s.dimension + r)], j * (j + 1), { atol: 1e-12 });
      }
    });
  }

  it('refuses an unknown component, naming it', () => {
    expect(() => dickeSpin(dickeSpace(2), 'w' as never)).toThrow(/'component' must be 'x', 'y', 'z', '\+' or '-', got w/);
    expect(() => dickeSpin({} as never, 'z')).toThrow(/'space' must be a DickeSpace/);
  });
});

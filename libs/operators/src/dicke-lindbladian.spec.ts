import { csrToDense } from '@qsync/linalg';
import { describe, expect, it } from 'vitest';
import { plus, times } from './algebra';
import { dickeLindbladian } from './dicke-lindbladian';
import { dickeSpace } from './dicke-space';
import { dickeSpin } from './dicke-spin';
import { fockSpace } from './space';
import { num } from './fock-operators';

describe('dickeLindbladian', () => {
  const s = dickeSpace(4);
  const sm = dickeSpin(s, '-');

  it('is U(1)-symmetric with Sz, S+S− Hamiltonians and ladder jumps, not with an Sx drive or a jump S+ + S−', () => {
    expect(dickeLindbladian(s, plus(dickeSpin(s, 'z'), times(dickeSpin(s, '+'), sm)), [{ rate: 1, jump: sm }], { gain: 1 }).u1Symmetric).toBe(true);
    expect(dickeLindbladian(s, dickeSpin(s, 'x'), [], { gain: 1 }).u1Symmetric).toBe(false);
    expect(dickeLindbladian(s, null, [{ rate: 1, jump: plus(dickeSpin(s, '+'), sm) }]).u1Symmetric).toBe(false);
  });

  it('stores the local rates with defaults and the anticommutator K on the diagonal of left', () => {
    const l = dickeLindbladian(s, null, [], { loss: 2 });
    expect(l.local).toEqual({ gain: 0, loss: 2, dephasing: 0 });
    // state 0 is |j = 2, m = −2⟩: Σ_i σ+σ− = N/2 + m = 0; state 4 is m = 2: 4, so left = −½·2·4
    const left = csrToDense(l.left).data;
    expect([0, 1, 2, 3, 4].map((k) => left[2 * (k * 9 + k)])).toEqual([0, -1, -2, -3, -4]);
  });

  it('refuses bad input, naming it', () => {
    expect(() => dickeLindbladian({} as never, null, [])).toThrow(/'space' must be a DickeSpace/);
    expect(() => dickeLindbladian(s, num(fockSpace(3)), [])).toThrow(/hamiltonian has dims \[3\] but the Dicke space of 4 spins has 9 states/);
    expect(() => dickeLindbladian(s, sm, [])).toThrow(/hamiltonian is not Hermitian/);
    expect(() => dickeLindbladian(s, null, [{ rate: -1, jump: sm }])).toThrow(/dissipators\[0\]\.rate must be ≥ 0/);
    expect(() => dickeLindbladian(s, null, [{ rate: NaN, jump: sm }])).toThrow(/dissipators\[0\]\.rate must be a finite number/);
    expect(() => dickeLindbladian(s, null, [], { gain: -0.1 })).toThrow(/local\.gain must be a finite rate ≥ 0/);
    expect(() => dickeLindbladian(s, null, 'x' as never)).toThrow(/'dissipators' must be an array/);
    // an operator mixing j = 2 and j = 1 (states 0 and 5) is not collective
    const mixing = { dims: [9], matrix: { rows: 9, cols: 9, rowPtr: Int32Array.of(0, 1, 1, 1, 1, 1, 2, 2, 2, 2), colIdx: Int32Array.of(5, 0), data: Float64Array.of(1, 0, 1, 0) } };
    expect(() => dickeLindbladian(s, mixing, [])).toThrow(/hamiltonian couples different total spins j/);
    expect(() => dickeLindbladian(s, {} as never, [])).toThrow(/hamiltonian must be an Operator on the Dicke space/);
    expect(() => dickeLindbladian(s, null, [{ rate: 1, jump: 3 as never }])).toThrow(/dissipators\[0\]\.jump must be an Operator on the Dicke space/);
    expect(() => dickeLindbladian(s, null, [{ rate: 1, jump: sm, jump2: null as never }])).toThrow(/dissipators\[0\]\.jump2 must be an Operator/);
  });
});

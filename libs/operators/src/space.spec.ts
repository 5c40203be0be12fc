import { describe, expect, it } from 'vitest';
import { fockSpace, levelSpace, spinHalfSpace, spinOneSpace, tensorSpace } from './space';

describe('spaces', () => {
  it('elementary spaces have one factor dimension and no factors', () => {
    expect(fockSpace(5)).toMatchObject({ dims: [5], size: 5, kind: 'fock', factors: [] });
    expect(spinHalfSpace()).toMatchObject({ dims: [2], size: 2, kind: 'spin-1/2' });
    expect(spinOneSpace()).toMatchObject({ dims: [3], size: 3, kind: 'spin-1' });
    expect(levelSpace(4)).toMatchObject({ dims: [4], size: 4, kind: 'levels' });
  });

  it('tensor spaces concatenate dims, multiply sizes and flatten nested products', () => {
    const s = tensorSpace(fockSpace(3), tensorSpace(spinHalfSpace(), spinOneSpace()));
    expect(s.kind).toBe('tensor');
    expect(s.dims).toEqual([3, 2, 3]);
    expect(s.size).toBe(18);
    expect(s.factors.map((f) => f.kind)).toEqual(['fock', 'spin-1/2', 'spin-1']);
  });

  it('rejects a Fock cutoff below 2 or non-integer', () => {
    expect(() => fockSpace(1)).toThrow("fockSpace: argument 'cutoff' must be an integer ≥ 2 (Fock levels |0⟩…|cutoff−1⟩), got 1");
    expect(() => fockSpace(2.5)).toThrow("fockSpace: argument 'cutoff' must be an integer ≥ 2");
    expect(() => fockSpace(Number.NaN)).toThrow("argument 'cutoff'");
  });

  it('rejects a level count below 1, an empty product and a non-space factor', () => {
    expect(() => levelSpace(0)).toThrow("levelSpace: argument 'n' must be an integer ≥ 1, got 0");
    expect(() => tensorSpace()).toThrow("tensorSpace: argument 'spaces' must hold at least one Space");
    expect(() => tensorSpace(fockSpace(2), 3 as never)).toThrow("tensorSpace: argument 'spaces[1]' must be a Space");
  });
});

import { describe, expect, it } from 'vitest';
import { fockKet } from './fock-ket';
import { fockSpace, levelSpace, spinHalfSpace, tensorSpace } from './space';

describe('fockKet', () => {
  it('is the basis vector |n⟩', () => {
    expect(Array.from(fockKet(fockSpace(3), 2).data)).toEqual([0, 0, 0, 0, 1, 0]);
    expect(fockKet(levelSpace(4), 0).dims).toEqual([4]);
    expect(Array.from(fockKet(spinHalfSpace(), 1).data)).toEqual([0, 0, 1, 0]);
  });

  it('rejects a bad level index and a tensor space', () => {
    expect(() => fockKet(fockSpace(3), 3)).toThrow("fockKet: argument 'n' must be an integer level index in 0…2, got 3");
    expect(() => fockKet(fockSpace(3), -1)).toThrow("fockKet: argument 'n' must be an integer level index in 0…2, got -1");
    expect(() => fockKet(fockSpace(3), 1.5)).toThrow("fockKet: argument 'n'");
    expect(() => fockKet(tensorSpace(fockSpace(2)), 0)).toThrow("fockKet: argument 'space' must be a 'fock' or 'spin-1/2' or 'spin-1' or 'levels' space");
  });
});

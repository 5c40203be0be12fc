import { describe, expect, it } from 'vitest';
import { caseForSize } from './case-for-size';

describe('caseForSize', () => {
  it('finds the case of size N, and names program, side and N when there is none', () => {
    const cases = [{ N: 4, t: 1 }, { N: 8, t: 2 }];
    expect(caseForSize(cases, 8, 'demo bench', 'PIQS').t).toBe(2);
    expect(() => caseForSize(cases, 6, 'demo bench', 'PIQS')).toThrow('demo bench: PIQS returned no case for N = 6');
  });
});

import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { integerListArgument } from './integer-list-argument';

describe('integerListArgument', () => {
  it('reads a comma-separated list, spaces allowed (doc example)', () => {
    expect(integerListArgument(2, 40)('8, 12')).toEqual([8, 12]);
    expect(integerListArgument(2, 40)('40')).toEqual([40]);
    expect(integerListArgument(2, 40)(' 2 ,3,4 ')).toEqual([2, 3, 4]);
  });

  it('refuses an empty list, an empty entry and any entry that is not an integer in range', () => {
    const sizes = integerListArgument(2, 40);
    for (const bad of ['', ',', '8,x', '8,,12', '8,', '1', '41', '8.5']) {
      expect(() => sizes(bad)).toThrow(InvalidArgumentError);
      expect(() => sizes(bad)).toThrow('Expected a comma-separated list of integers 2…40.');
    }
  });
});

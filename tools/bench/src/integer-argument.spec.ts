import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { integerArgument } from './integer-argument';

describe('integerArgument', () => {
  it('reads an integer in range (doc example), the bounds included', () => {
    expect(integerArgument(1, 1000)('30')).toBe(30);
    expect(integerArgument(1, 1000)('1')).toBe(1);
    expect(integerArgument(1, 1000)('1000')).toBe(1000);
    expect(integerArgument(1)('123456789')).toBe(123456789);
  });

  it('refuses fractions, words, blanks, NaN, Infinity and values out of range, stating the range', () => {
    const oneTo1000 = integerArgument(1, 1000);
    for (const bad of ['1.5', 'x', '', ' ', 'NaN', 'Infinity', '0', '1001', '-3']) {
      expect(() => oneTo1000(bad)).toThrow(InvalidArgumentError);
      expect(() => oneTo1000(bad)).toThrow('Expected an integer 1…1000.');
    }
    expect(() => integerArgument(1)('0')).toThrow('Expected an integer ≥ 1.');
    expect(() => integerArgument(1)('Infinity')).toThrow('Expected an integer ≥ 1.');
  });
});

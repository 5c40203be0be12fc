import { InvalidArgumentError } from 'commander';
import { integerArgument } from './integer-argument';

/**
 * A commander argument parser for a comma-separated list of integers in [min, max]
 * (`--sizes 8,12,16`; spaces around the commas are allowed). An empty list or any bad entry is
 * refused with what the list must hold, which commander reports under the option's name.
 *
 * @param min - smallest accepted entry
 * @param max - largest accepted entry
 * @example
 * integerListArgument(2, 40)('8, 12'); // [8, 12]
 * integerListArgument(2, 40)('8,x'); // throws "Expected a comma-separated list of integers 2…40."
 */
export function integerListArgument(min: number, max: number): (value: string) => number[] {
  const entry = integerArgument(min, max);
  return (value) => {
    const parts = value.split(',').map((s) => s.trim());
    try {
      if (parts.every((p) => p === '')) throw new InvalidArgumentError('empty');
      return parts.map(entry);
    } catch {
      throw new InvalidArgumentError(`Expected a comma-separated list of integers ${min}…${max}.`);
    }
  };
}

import { InvalidArgumentError } from 'commander';

/**
 * A commander argument parser for one integer in [min, max]: anything else (a fraction, a word,
 * an empty string, a value out of range) is refused with the range it must lie in, which
 * commander reports under the option's name.
 *
 * @param min - smallest accepted value
 * @param max - largest accepted value (default: no bound)
 * @example
 * integerArgument(1, 1000)('30'); // 30
 * integerArgument(1, 1000)('1.5'); // throws "Expected an integer 1…1000."
 */
export function integerArgument(min: number, max = Infinity): (value: string) => number {
  const expected = max === Infinity ? `an integer ≥ ${min}` : `an integer ${min}…${max}`;
  return (value) => {
    const x = value.trim() === '' ? Number.NaN : Number(value);
    if (!(Number.isInteger(x) && x >= min && x <= max)) throw new InvalidArgumentError(`Expected ${expected}.`);
    return x;
  };
}

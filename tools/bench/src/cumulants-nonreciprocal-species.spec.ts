import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupCumulantEquations } from '@qsync/cumulants';
import { nonreciprocalSpecies } from './cumulants-nonreciprocal-species';

// The bench's (6.1) build is a copy of the library's test-support build; both give the order-2
// class equations in the fixture (libs/cumulants/src/test-support/thesis-models.spec.ts checks
// the library's), so a change to one copy alone fails one of the two specs.
const fixture = readFileSync(new URL('../../../test/fixtures/cumulants-nonreciprocal-order2.txt', import.meta.url), 'utf8');

describe('nonreciprocalSpecies (bench copy)', () => {
  it("gives the library's order-2 class equations of (6.1), term for term", () => {
    const sys = nonreciprocalSpecies([3, 3]);
    expect(sys.groups).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(`${groupCumulantEquations(nonreciprocalSpecies, { order: 2, u1: true, sizes: ['NA', 'NB'] }).toText()}\n`).toBe(fixture);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { groupCumulantEquations } from '../group-cumulant-equations';
import { nonreciprocalSpecies } from './thesis-models';

// tools/bench keeps a copy of the (6.1) build (a library's test support is not public): both
// copies must give the order-2 class equations in the fixture (tools/bench's
// cumulants-nonreciprocal-species.spec.ts checks the copy), so a change to one alone fails.
const fixture = readFileSync(new URL('../../../../test/fixtures/cumulants-nonreciprocal-order2.txt', import.meta.url), 'utf8');

describe('thesis-models: nonreciprocalSpecies', () => {
  it("gives the order-2 class equations of (6.1) that the bench's copy must give too", () => {
    expect(`${groupCumulantEquations(nonreciprocalSpecies, { order: 2, u1: true, sizes: ['NA', 'NB'] }).toText()}\n`).toBe(fixture);
  });
});

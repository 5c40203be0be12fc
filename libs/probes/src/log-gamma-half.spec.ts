import { describe, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { logGammaHalfTable } from './log-gamma-half';

describe('logGammaHalfTable', () => {
  it('runs the doc example', () => {
    // Γ(5/2) = 3√π/4; exp of a 2-term sum: a few ulps.
    expectClose(Math.exp(logGammaHalfTable(3)[3]), (3 * Math.sqrt(Math.PI)) / 4, { rtol: 1e-15 });
  });

  it('gives ln n! on even entries and Γ at half-integers on odd entries', () => {
    const lg = logGammaHalfTable(202);
    expectClose(lg[0], 0, { atol: 0 });
    expectClose(lg[1], Math.log(Math.sqrt(Math.PI) / 2), { rtol: 1e-15 });
    expectClose(lg[10], Math.log(120), { rtol: 1e-15 });
    // ln 100! = 363.73937555556349014… (published value; nearest double below); the compensated sum keeps a few ulps.
    expectClose(lg[200], 363.73937555556347, { rtol: 4e-16 });
  });

  it('satisfies the duplication formula, which links the odd and even chains', () => {
    // Γ(z)Γ(z + ½) = 2^{1−2z} √π Γ(2z) at z = 51: ln Γ(51.5) = −101 ln 2 + ½ ln π + ln 101! − ln 50!.
    // lnΓ(51) = ln 50! = lg[100], lnΓ(51.5) = lg[101], lnΓ(102) = ln 101! = lg[202].
    const lg = logGammaHalfTable(202);
    const expected = -101 * Math.LN2 + 0.5 * Math.log(Math.PI) + lg[202] - lg[100];
    // Terms up to ~370 cancel to ~150: allow ~10 ulps of the largest term.
    expectClose(lg[101], expected, { rtol: 1e-14 });
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { unwrapPhase } from './unwrap-phase';
import { unwrapPhaseInto } from './unwrap-phase-into';

describe('unwrapPhaseInto', () => {
  it('runs the doc example', () => {
    const out = new Float64Array(3);
    expect(unwrapPhaseInto(out, [3, -3, -1])).toBe(out);
    // one rounding each
    expectClose(out, [3, 2 * Math.PI - 3, 2 * Math.PI - 1], { rtol: 1e-15 });
  });

  it('equals unwrapPhase, also when unwrapping in place', () => {
    const rng = createRng(2);
    const x = Float64Array.from({ length: 300 }, () => 10 * rng.gaussian());
    const expected = unwrapPhase(x);
    expect(unwrapPhaseInto(new Float64Array(300), x)).toEqual(expected);
    const y = x.slice();
    expect(unwrapPhaseInto(y, y)).toEqual(expected);
  });

  it('rejects bad input, naming the parameter', () => {
    expect(() => unwrapPhaseInto(new Float64Array(2), [1, 2, 3])).toThrow(
      "unwrapPhaseInto: argument 'out' must be a Float64Array of the length of 'phases' (3), got length 2",
    );
    expect(() => unwrapPhaseInto([0, 0] as unknown as Float64Array, [1, 2])).toThrow(
      "unwrapPhaseInto: argument 'out' must be a Float64Array of the length of 'phases' (2), got 0,0",
    );
    expect(() => unwrapPhaseInto(new Float64Array(1), null as unknown as number[])).toThrow(
      "unwrapPhaseInto: argument 'phases' must be an array of numbers, got null",
    );
    expect(() => unwrapPhaseInto(new Float64Array(2), [1, Infinity])).toThrow(
      "unwrapPhaseInto: argument 'phases' must hold finite numbers, got Infinity at index 1",
    );
  });
});

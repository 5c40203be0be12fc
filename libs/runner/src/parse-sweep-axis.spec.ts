import { describe, expect, it } from 'vitest';
import { parseSweepAxis } from './parse-sweep-axis';

describe('parseSweepAxis', () => {
  it('reads ranges and lists', () => {
    expect(parseSweepAxis('detuning=-2:2:5')).toEqual({ name: 'detuning', axis: { from: -2, to: 2, count: 5 } });
    expect(parseSweepAxis(' g = 1e-3 : .5 : 3 ')).toEqual({ name: 'g', axis: { from: 1e-3, to: 0.5, count: 3 } });
    expect(parseSweepAxis('rabi=0.5,1,2')).toEqual({ name: 'rabi', axis: [0.5, 1, 2] });
    expect(parseSweepAxis('method=direct,iterative')).toEqual({ name: 'method', axis: ['direct', 'iterative'] });
    expect(parseSweepAxis('flag=true,false,1')).toEqual({ name: 'flag', axis: [true, false, 1] });
    expect(parseSweepAxis('model.kappa=3')).toEqual({ name: 'model.kappa', axis: [3] });
  });

  it('refuses malformed arguments, quoting them', () => {
    expect(() => parseSweepAxis('0:1:3')).toThrow(/'0:1:3' does not start with a parameter name and =/);
    expect(() => parseSweepAxis('g=0:1')).toThrow(/'g=0:1' is not a range of three numbers; expected name=from:to:count/);
    expect(() => parseSweepAxis('g=0:x:3')).toThrow(/not a range of three numbers/);
    expect(() => parseSweepAxis('g=0:1:2.5')).toThrow(/has count 2.5, not an integer ≥ 1/);
    expect(() => parseSweepAxis('g=0:1:0')).toThrow(/has count 0/);
    expect(() => parseSweepAxis('g=1,,2')).toThrow(/has an empty value/);
    expect(() => parseSweepAxis('g=')).toThrow(/has an empty value/);
  });
});

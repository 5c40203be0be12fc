import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts members at every depth and keeps array order', () => {
    const a = canonicalJson({ z: { y: 1, x: [3, { b: 2, a: 1 }] }, a: 'é', n: null, t: true });
    expect(a).toBe('{"a":"é","n":null,"t":true,"z":{"x":[3,{"a":1,"b":2}],"y":1}}');
    // the same value built in another order gives the same text, and JSON.parse gives it back
    expect(canonicalJson({ t: true, n: null, a: 'é', z: { x: [3, { a: 1, b: 2 }], y: 1 } })).toBe(a);
    expect(JSON.parse(a)).toEqual({ z: { y: 1, x: [3, { b: 2, a: 1 }] }, a: 'é', n: null, t: true });
  });

  it('writes numbers as JSON does, shortest round trip', () => {
    expect(canonicalJson([0.1 + 0.2, 1e21, -0, 5e-324])).toBe('[0.30000000000000004,1e+21,0,5e-324]');
  });

  it('refuses what JSON would change silently, naming the path', () => {
    expect(() => canonicalJson({ a: [1, NaN] }, 'result')).toThrow(/result\.a\[1\] is NaN, not a finite number/);
    expect(() => canonicalJson({ a: -Infinity })).toThrow(/value\.a is -Infinity/);
    expect(() => canonicalJson({ a: undefined })).toThrow(/value\.a is a undefined, not a JSON value/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/value\.f is a function/);
    expect(() => canonicalJson({ x: new Float64Array(2) })).toThrow(/value\.x is a Float64Array, not a plain object/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/value\.d is a Date/);
    expect(() => canonicalJson(10n)).toThrow(/value is a bigint/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/value\.self refers back to itself/);
    // a value met twice without a cycle is fine
    const shared = { k: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"k":1},{"k":1}]');
  });
});

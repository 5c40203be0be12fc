import { describe, expect, it } from 'vitest';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { cumulantEquations } from './cumulant-equations';
import { groupCumulantEquations } from './group-cumulant-equations';
import { momentsOf } from './moments-of';
import { operatorAlgebra } from './operator-algebra';
import { toOperator } from './to-operator';

// Every guard of the public functions throws a message that names the parameter.
describe('input errors name the parameter', () => {
  it('operatorAlgebra', () => {
    expect(() => operatorAlgebra({ sites: [{ kind: 'qutrit' as 'spin', name: 'x' }] })).toThrow(/sites\[0\].kind must be 'boson' or 'spin'/);
    expect(() => operatorAlgebra({ sites: [{ kind: 'spin', name: 'x' }, { kind: 'spin', name: 'x' }] })).toThrow(/sites\[1\].name must be a non-empty string unique/);
    expect(() => operatorAlgebra({ sites: [], parameters: ['g', 'g'] })).toThrow(/parameters\[1\] must be a non-empty string unique/);
    const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }, { kind: 'boson', name: 'a' }], parameters: ['g'] });
    expect(() => alg.sigmaZ(2)).toThrow(/sigmaZ: argument 'site' must be a site index 0…1 or a site name, got 2/);
    expect(() => alg.destroy('1')).toThrow(/destroy: site 1 is a spin, expected a boson/);
    expect(() => alg.parameter('h')).toThrow(/'h' is not one of the algebra's parameters \[g\]/);
    expect(() => alg.scalar(Number.NaN)).toThrow(/scalar: the value must be finite/);
    expect(() => alg.sigmaZ(0).plus(Number.POSITIVE_INFINITY)).toThrow(/OperatorExpression.plus: the operand must be a finite number/);
    const other = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }] });
    expect(() => alg.sigmaZ(0).times(other.sigmaZ(0))).toThrow(/OperatorExpression.times: the operand belongs to another operatorAlgebra/);
  });

  it('toOperator', () => {
    const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }, { kind: 'boson', name: 'a' }], parameters: ['g'] });
    expect(() => toOperator(alg.sigmaZ(0), [2])).toThrow(/argument 'dims' must hold one dimension per site \(2\)/);
    expect(() => toOperator(alg.sigmaZ(0), [3, 4])).toThrow(/dims\[0\] must be 2 \(site '1' is a spin\), got 3/);
    expect(() => toOperator(alg.sigmaZ(0), [2, 0])).toThrow(/dims\[1\] must be an integer ≥ 1, got 0/);
    expect(() => toOperator(alg.parameter('g').times(alg.sigmaZ(0)), [2, 3])).toThrow(/argument 'p' must hold the 1 parameter values \[g\], got 0/);
  });

  it('compileCumulantRhs, its right-hand side, momentsOf', () => {
    const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }], parameters: ['gamma'] });
    const eqs = cumulantEquations({ hamiltonian: alg.scalar(0), dissipators: [{ rate: 'gamma', jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 });
    expect(() => compileCumulantRhs({} as typeof eqs)).toThrow(/argument 'equations' must come from cumulantEquations/);
    const rhs = compileCumulantRhs(eqs);
    expect(() => rhs(new Float64Array(1), new Float64Array(1), 0, new Float64Array(0))).toThrow(/p of length 1 \[gamma\], got 1, 1, 0/);
    // a NaN or infinite parameter is refused by name (it gave NaN output), also when p is changed in place after a good call
    expect(() => rhs(new Float64Array(1), Float64Array.of(0.5), 0, Float64Array.of(Number.NaN))).toThrow(/cumulant right-hand side: parameter 'gamma' = p\[0\] must be finite, got NaN/);
    const p = Float64Array.of(2);
    const out = new Float64Array(1);
    rhs(out, Float64Array.of(0.5), 0, p);
    expect(out[0]).toBe(-3); // −γ(1 + ⟨σz⟩)
    p[0] = Number.POSITIVE_INFINITY;
    expect(() => rhs(out, Float64Array.of(0.5), 0, p)).toThrow(/parameter 'gamma' = p\[0\] must be finite, got Infinity/);
    p[0] = 2;
    rhs(out, Float64Array.of(-0.5), 0, p);
    expect(out[0]).toBe(-1);
    expect(() => momentsOf({} as typeof eqs, [])).toThrow(/argument 'equations' must come from cumulantEquations/);
    expect(() => eqs.value(new Float64Array(0), alg.sigmaZ(0))).toThrow(/value: argument 'y' must hold 1 values, got 0/);
  });

  it('groupCumulantEquations', () => {
    const make = (decaying: (n: number) => number[]) => ([n]: readonly number[]) => {
      const alg = operatorAlgebra({ sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })), parameters: ['N'] });
      const dissipators = decaying(n).map((i) => ({ rate: 1, jump: alg.sigmaMinus(i) }));
      return { model: { hamiltonian: alg.scalar(0), dissipators }, moments: [alg.sigmaZ(0)], groups: [Array.from({ length: n }, (_, i) => i)] };
    };
    const build = make((n) => Array.from({ length: n }, (_, i) => i));
    const lopsided = make(() => [0]);
    expect(() => groupCumulantEquations(build, { order: 1, sizes: [] })).toThrow(/config.sizes must name the size parameter of each group/);
    expect(() => groupCumulantEquations(build, { order: 0, sizes: ['N'] })).toThrow(/config.order must be an integer ≥ 1, got 0/);
    expect(() => groupCumulantEquations(build, { order: 1, sizes: ['M'] })).toThrow(/config.sizes: 'M' is not a parameter of the algebra \[N\]/);
    expect(() => groupCumulantEquations((s) => ({ ...build(s), groups: [[0]] }), { order: 1, sizes: ['N'] })).toThrow(/groups\[0\] with 3 site indices, got 1/);
    // a decay of the first member only: the members are not alike
    expect(() => groupCumulantEquations(lopsided, { order: 1, sizes: ['N'] })).toThrow(/the model is not symmetric under permutations of the members of groups\[0\]/);
  });
});

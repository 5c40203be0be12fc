import { describe, expect, it } from 'vitest';
import { compileCumulantRhs } from './compile-cumulant-rhs';
import { cumulantEquations } from './cumulant-equations';
import { groupCumulantEquations } from './group-cumulant-equations';
import { heisenbergEquation } from './heisenberg-equation';
import { stochasticCumulantEquations } from './stochastic-cumulant-equations';
import { stochasticGroupCumulantEquations } from './stochastic-group-cumulant-equations';
import { operatorAlgebra } from './operator-algebra';
import { nonreciprocalSpecies, undrivenLaser } from './test-support/thesis-models';

// The model checks every derivation makes: rates are real, and with the U(1) filter the model
// must be U(1)-symmetric — otherwise the filter would drop the charged moments a symmetry-breaking
// term feeds, and with them the term itself (a drive Ωσx silently lost), so the error names it.

describe('rates must be real', () => {
  const alg = operatorAlgebra({ sites: [{ kind: 'spin', name: '1' }], parameters: ['g'] });
  it('a complex scalar rate is refused, naming the dissipator', () => {
    const model = { hamiltonian: alg.scalar(0), dissipators: [{ rate: alg.sigmaZ(0).times(0), jump: alg.sigmaZ(0) }, { rate: alg.parameter('g').times({ re: 1, im: 0.5 }), jump: alg.sigmaMinus(0) }] };
    expect(() => cumulantEquations(model, { moments: [alg.sigmaZ(0)], order: 1 })).toThrow(/cumulantEquations: model.dissipators\[1\].rate must be real, got the complex \(1\+0.5i\)·g/);
    expect(() => heisenbergEquation(model, alg.sigmaZ(0))).toThrow(/heisenbergEquation: model.dissipators\[1\].rate must be real/);
    expect(() => cumulantEquations({ hamiltonian: alg.scalar(0), dissipators: [{ rate: alg.scalar(0, 1), jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 })).toThrow(
      /model.dissipators\[0\].rate must be real, got the complex i/,
    );
  });
  it('small numeric coefficients are kept: only sums that cancel to ~1e-14 of their addends are dropped', () => {
    // closed forms: i[ωσz, σ+] = 2iωσ+; D[εσ−] with rate r gives d⟨σz⟩/dt = −rε²(1 + ⟨σz⟩)
    // (the old absolute rule, |c| ≤ 1e-14 → 0, gave 0 for all three)
    const f = (model: Parameters<typeof cumulantEquations>[0], moment: ReturnType<typeof alg.sigmaZ>, y: number[]) => {
      const eqs = cumulantEquations(model, { moments: [moment], order: 1 });
      const out = new Float64Array(eqs.size);
      compileCumulantRhs(eqs)(out, Float64Array.from(y), 0, Float64Array.of(0.7));
      return [...out];
    };
    const [re, im] = f({ hamiltonian: alg.sigmaZ(0).times(1e-15), dissipators: [] }, alg.sigmaPlus(0), [0.3, 0.2]);
    expect(Math.abs(re - -2e-15 * 0.2)).toBeLessThanOrEqual(1e-12 * 4e-16);
    expect(Math.abs(im - 2e-15 * 0.3)).toBeLessThanOrEqual(1e-12 * 6e-16);
    const lossSmallJump = f({ hamiltonian: alg.scalar(0), dissipators: [{ rate: 'g', jump: alg.sigmaMinus(0).times(1e-8) }] }, alg.sigmaZ(0), [0.4])[0];
    expect(Math.abs(lossSmallJump - -0.7e-16 * 1.4) / (0.7e-16 * 1.4)).toBeLessThanOrEqual(1e-12);
    const lossSmallRate = f({ hamiltonian: alg.scalar(0), dissipators: [{ rate: alg.parameter('g').times(1e-15), jump: alg.sigmaMinus(0) }] }, alg.sigmaZ(0), [0.4])[0];
    expect(Math.abs(lossSmallRate - -0.7e-15 * 1.4) / (0.7e-15 * 1.4)).toBeLessThanOrEqual(1e-12);
    const lossNumber = f({ hamiltonian: alg.scalar(0), dissipators: [{ rate: 3e-15, jump: alg.sigmaMinus(0) }] }, alg.sigmaZ(0), [0.4])[0];
    expect(Math.abs(lossNumber - -3e-15 * 1.4) / (3e-15 * 1.4)).toBeLessThanOrEqual(1e-12);
    // a true cancellation is still dropped: 0.1·3 − 0.3 (5.6e-17 in floating point) leaves no term
    const h = alg.sigmaZ(0).times(0.1).times(3).minus(alg.sigmaZ(0).times(0.3));
    expect(h.terms.size).toBe(0);
  });
  it('real scalar rates are accepted: (g/2)·D[σ−] equals the rate g/2 given as a number', () => {
    const byExpression = cumulantEquations({ hamiltonian: alg.scalar(0), dissipators: [{ rate: alg.parameter('g').times(0.5), jump: alg.sigmaMinus(0) }] }, { moments: [alg.sigmaZ(0)], order: 1 });
    expect(byExpression.toText()).toBe('d⟨σz_1⟩/dt = -0.5·g - 0.5·g·⟨σz_1⟩');
  });
});

describe('an equal-operator dissipator D[J] needs a net rate ≥ 0 (a negative one is a gain); a cross dissipator D[o1, o2] may have one (6.3)', () => {
  const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }, { kind: 'spin', name: '2' }], parameters: ['kappa', 'V'] });
  const a = alg.destroy(0);
  const photons = alg.create(0).times(a);
  const model = (dissipators: { rate: number | string; jump: typeof a; jump2?: typeof a }[]) => ({ hamiltonian: alg.scalar(0), dissipators });
  // d⟨a†a⟩/dt of κD[a] is −κ⟨a†a⟩ (closed form); at ⟨a†a⟩ = 3
  const photonRate = (m: ReturnType<typeof model>, p: number[]) => {
    const eqs = cumulantEquations(m, { moments: [photons], order: 2 });
    const out = new Float64Array(eqs.size);
    compileCumulantRhs(eqs)(out, Float64Array.of(3), 0, Float64Array.from(p));
    return out[0];
  };

  it('a numeric negative rate is refused when derived, naming the dissipator and the rate (it gave d⟨a†a⟩/dt = +2⟨a†a⟩)', () => {
    const gain = model([{ rate: 0.5, jump: alg.sigmaMinus(1) }, { rate: -2, jump: a }]);
    const message = /model.dissipators\[1\]: the rate of D\[a\] must be ≥ 0, got -2: a negative rate on an equal-operator dissipator is a gain/;
    expect(() => cumulantEquations(gain, { moments: [photons], order: 2 })).toThrow(message);
    expect(() => heisenbergEquation(gain, photons)).toThrow(/heisenbergEquation: model.dissipators\[1\]: the rate of D\[a\] must be ≥ 0, got -2/);
    // jump2 equal to jump is the same D[J]
    expect(() => cumulantEquations(model([{ rate: -2, jump: a, jump2: alg.destroy('a') }]), { moments: [photons], order: 2 })).toThrow(/model.dissipators\[0\]: the rate of D\[a\] must be ≥ 0, got -2/);
    expect(photonRate(model([{ rate: 2, jump: a }]), [0, 0])).toBe(-6);
  });

  it('the net rate counts: 1·D[a] − 1.5·D[a] is refused naming both, 2·D[a] − 1·D[a] is −1·⟨a†a⟩ (closed form)', () => {
    expect(() => cumulantEquations(model([{ rate: 1, jump: a }, { rate: 0.1, jump: alg.sigmaMinus(1) }, { rate: -1.5, jump: a }]), { moments: [photons], order: 2 })).toThrow(
      /model.dissipators\[0, 2\] \(all on one jump\): the net rate of D\[a\] must be ≥ 0, got -0.5/,
    );
    expect(photonRate(model([{ rate: 2, jump: a }, { rate: -1, jump: a }]), [0, 0])).toBeCloseTo(-3, 14);
  });

  it('a cross dissipator may carry a negative rate, numeric or symbolic: −0.5·D[σ−_1, σ−_2] gives d⟨σz_1⟩/dt = 0.5·Re⟨σ+_1σ−_2⟩ (closed form)', () => {
    // L†σz_1 = rate(σ+_2σz_1σ−_1 − ½{σ+_2σ−_1, σz_1}) = −rate·σ+_2σ−_1 (σzσ− = −σ−, and the anticommutator vanishes)
    for (const rate of [-0.5, 'V'] as const) {
      const eqs = cumulantEquations(model([{ rate, jump: alg.sigmaMinus(1), jump2: alg.sigmaMinus(2) }]), { moments: [alg.sigmaZ(1)], order: 2 });
      const names = eqs.moments.map((m) => m.name);
      const y = new Float64Array(eqs.size);
      const c = eqs.moments[names.indexOf('σ+_1σ−_2')];
      y[c.offset] = 0.2; // ⟨σ+_1σ−_2⟩ = 0.2 + 0.1i, so ⟨σ+_2σ−_1⟩ = 0.2 − 0.1i
      y[c.offset + 1] = 0.1;
      const out = new Float64Array(eqs.size);
      compileCumulantRhs(eqs)(out, y, 0, Float64Array.of(0, -0.5));
      expect(out[eqs.moments[names.indexOf('σz_1')].offset]).toBeCloseTo(0.5 * 0.2, 14);
    }
  });

  it('a symbolic net rate is checked by the right-hand side whenever p changes, naming the dissipator and the parameters', () => {
    const eqs = cumulantEquations(model([{ rate: 'kappa', jump: a }, { rate: -1, jump: a }]), { moments: [photons], order: 2 });
    const rhs = compileCumulantRhs(eqs);
    const out = new Float64Array(eqs.size);
    const p = Float64Array.of(2, 0);
    rhs(out, Float64Array.of(3), 0, p);
    expect(out[0]).toBeCloseTo(-3, 14);
    // the same p array changed in place is seen
    p[0] = 0.5;
    expect(() => rhs(out, Float64Array.of(3), 0, p)).toThrow(
      /cumulant right-hand side: the net rate of model.dissipators\[0, 1\] \(all on one jump\) \(D\[a\], net rate -1 \+ kappa\) must be ≥ 0 at p, got -0.5 \(kappa = 0.5, V = 0\)/,
    );
    p[0] = 1;
    rhs(out, Float64Array.of(3), 0, p);
    expect(out[0]).toBe(0);
  });

  it('groups: (6.1) accepts V+ < 0 on its cross dissipators and refuses V/N < 0 on D[S−_A] at call time; (7.1) refuses γz < 0 by name', () => {
    const nonreciprocal = groupCumulantEquations(nonreciprocalSpecies, { order: 2, u1: true, sizes: ['NA', 'NB'] });
    const rhs = compileCumulantRhs(nonreciprocal);
    const y = new Float64Array(nonreciprocal.size).fill(0.1);
    const out = new Float64Array(nonreciprocal.size);
    // [delta, VmN, VpN, VN, gp, NA, NB]
    rhs(out, y, 0, Float64Array.of(0.1, 0.2, -0.3, 1, 0.4, 10, 12));
    expect(out.every(Number.isFinite)).toBe(true);
    expect(() => rhs(out, y, 0, Float64Array.of(0.1, 0.2, 0.3, -1, 0.4, 10, 12))).toThrow(/net rate of model.dissipators\[2\] \(D\[σ−_A1 \+ .*\], net rate VN\) must be ≥ 0 at p, got -1/);
    const laser = groupCumulantEquations(undrivenLaser, { order: 2, u1: true, sizes: ['Nd', 'Nud'] });
    const laserRhs = compileCumulantRhs(laser);
    const z = new Float64Array(laser.size);
    // [Omega, kappa, gp, gm, gz, Nd, Nud]
    expect(() => laserRhs(new Float64Array(laser.size), z, 0, Float64Array.of(0.1, 1, 0.5, 0, -1e-3, 80, 20))).toThrow(/\(D\[σz_d1\], net rate 0.5·gz\) must be ≥ 0 at p, got -0.0005/);
  });
});

describe('u1: true refuses a model that breaks the U(1) symmetry, naming the term', () => {
  const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, { kind: 'spin', name: '1' }, { kind: 'spin', name: '2' }], parameters: ['Omega', 'g', 'gamma'] });
  const a = alg.destroy(0);
  const jc = alg.create(0).times(alg.sigmaMinus(1));
  const symmetric = alg.parameter('g').times(jc.plus(jc.dagger()));
  const decay = { rate: 'gamma', jump: alg.sigmaMinus(1) };
  const moments = [alg.sigmaZ(1)];

  it('a U(1)-symmetric laser passes (H neutral, jumps of one charge, a cross dissipator of equal charges)', () => {
    const model = { hamiltonian: symmetric, dissipators: [decay, { rate: 'gamma', jump: a }, { rate: 'gamma', jump: alg.sigmaMinus(1), jump2: alg.sigmaMinus(2).plus(a) }] };
    expect(cumulantEquations(model, { moments, order: 2, u1: true }).moments.length).toBeGreaterThan(0);
  });

  it('a driven spin: the drive term of H is named with its charge', () => {
    const model = { hamiltonian: symmetric.plus(alg.parameter('Omega').times(alg.sigmaX(1)).times(0.5)), dissipators: [decay] };
    expect(() => cumulantEquations(model, { moments, order: 2, u1: true })).toThrow(
      /cumulantEquations: config.u1 is set but model.hamiltonian breaks the U\(1\) symmetry: its term 0.5·Omega·σ[+−]_1 has phase charge -?1/,
    );
    // without u1 the drive is kept: d⟨σz_1⟩/dt holds Ω⟨σ±⟩
    expect(cumulantEquations(model, { moments, order: 2 }).toText().split('\n').find((l) => l.startsWith('d⟨σz_1⟩'))).toContain('Omega');
  });

  it('a coherent drive of the mode, a jump of mixed charge, a cross dissipator of unequal charges', () => {
    const drive = { hamiltonian: symmetric.plus(alg.parameter('Omega').times(a.plus(alg.create(0)))), dissipators: [decay] };
    expect(() => cumulantEquations(drive, { moments, order: 2, u1: true })).toThrow(/model.hamiltonian breaks the U\(1\) symmetry: its term Omega·a(†)? has phase charge -?1/);
    const mixed = { hamiltonian: symmetric, dissipators: [decay, { rate: 'gamma', jump: alg.sigmaX(2) }] };
    expect(() => cumulantEquations(mixed, { moments, order: 2, u1: true })).toThrow(
      /config.u1 is set but model.dissipators\[1\].jump breaks the U\(1\) symmetry: it mixes the phase charges (1 \(σ\+_2\) and -1 \(σ−_2\)|-1 \(σ−_2\) and 1 \(σ\+_2\))/,
    );
    const cross = { hamiltonian: symmetric, dissipators: [decay, { rate: 'gamma', jump: alg.sigmaMinus(1), jump2: alg.sigmaPlus(2) }] };
    expect(() => cumulantEquations(cross, { moments, order: 2, u1: true })).toThrow(
      /the cross dissipator model.dissipators\[1\] breaks the U\(1\) symmetry: jump has phase charge -1, jump2 1/,
    );
  });

  it('groups: a drive on every member is refused by groupCumulantEquations too', () => {
    const build = ([n]: readonly number[]) => {
      const spins = operatorAlgebra({ sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })), parameters: ['Omega', 'gamma', 'N'] });
      const drive = spins.parameter('Omega').times(spins.sum(Array.from({ length: n }, (_, i) => spins.sigmaX(i))));
      return {
        model: { hamiltonian: drive, dissipators: Array.from({ length: n }, (_, i) => ({ rate: 'gamma', jump: spins.sigmaMinus(i) })) },
        moments: [spins.sigmaZ(0)],
        groups: [Array.from({ length: n }, (_, i) => i)],
      };
    };
    expect(() => groupCumulantEquations(build, { order: 2, u1: true, sizes: ['N'] })).toThrow(/groupCumulantEquations: config.u1 is set but model.hamiltonian breaks the U\(1\) symmetry: its term Omega·σ[+−]_1 has phase charge/);
    expect(groupCumulantEquations(build, { order: 1, sizes: ['N'] }).moments.map((m) => m.name)).toEqual(['σ+_1', 'σz_1']);
  });
});

describe('u1 with a declared charge assignment (config.charges)', () => {
  // two modes with a parametric coupling g(ab + a†b†), Kerr terms, detunings and losses: the
  // standard charge (a†a + b†b) is not conserved, a†a − b†b is ({ b: -1 })
  const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }, { kind: 'boson', name: 'b' }], parameters: ['g', 'chi', 'da', 'db', 'ka', 'kb'] });
  const [a, b] = [alg.destroy(0), alg.destroy(1)];
  const n = (x: typeof a) => x.dagger().times(x);
  const pair = a.times(b);
  const model = {
    hamiltonian: alg.sum([
      alg.parameter('g').times(pair.plus(pair.dagger())),
      alg.parameter('chi').times(n(a).times(n(a)).plus(n(b).times(n(b)))),
      alg.parameter('da').times(n(a)),
      alg.parameter('db').times(n(b)),
    ]),
    dissipators: [{ rate: 'ka', jump: a }, { rate: 'kb', jump: b }],
  };
  const moments = [n(a)];

  it('the standard assignment refuses the coupling by name; { b: -1 } accepts it and keeps ⟨ab⟩, drops ⟨a†b⟩', () => {
    expect(() => cumulantEquations(model, { moments, order: 2, u1: true })).toThrow(/model.hamiltonian breaks the U\(1\) symmetry: its term g·a(†)?b(†)? has phase charge -?2/);
    const eqs = cumulantEquations(model, { moments, order: 2, u1: true, charges: { b: -1 } });
    expect(eqs.moments.map((m) => m.name)).toEqual(['ab', 'a†a', 'b†b']);
    expect(() => cumulantEquations(model, { moments, order: 2, u1: true, charges: { c: 1 } })).toThrow(/config.charges names the site 'c', which is not a site of the algebra \[a, b\]/);
    expect(() => cumulantEquations(model, { moments, order: 2, u1: true, charges: { b: 0.5 } })).toThrow(/the charge of site 'b' must be an integer, got 0.5/);
    expect(() => cumulantEquations(model, { moments: [a.dagger().times(b)], order: 2, u1: true, charges: { b: -1 } })).toThrow(/config.moments\[0\] \(a†b\) has phase charge 2/);
  });

  it('the symmetry the filter relies on holds: in the unfiltered order-2 system, at a point where every moment of nonzero declared charge is 0, their right-hand sides vanish and the others equal the filtered ones (1e-12)', () => {
    const p = Float64Array.of(0.7, 0.3, 0.4, -0.9, 0.5, 0.8);
    const full = cumulantEquations(model, { moments: [a, b], order: 2 });
    const filtered = cumulantEquations(model, { moments, order: 2, u1: true, charges: { b: -1 } });
    const declared = (name: string) => (name.match(/a†/g)?.length ?? 0) - (name.replace(/a†(\^\d)?/g, '').match(/a/g)?.length ?? 0) - (name.match(/b†/g)?.length ?? 0) + (name.replace(/b†(\^\d)?/g, '').match(/b/g)?.length ?? 0);
    const yFull = new Float64Array(full.size);
    const yFiltered = new Float64Array(filtered.size);
    const value: Record<string, [number, number]> = { ab: [0.3, -0.2], 'a†a': [0.9, 0], 'b†b': [0.6, 0] };
    for (const m of filtered.moments) [yFiltered[m.offset], yFiltered[m.offset + 1]] = m.real ? [value[m.name][0], 0] : value[m.name];
    for (const m of full.moments) {
      const v = value[m.name];
      if (v === undefined) continue;
      yFull[m.offset] = v[0];
      if (!m.real) yFull[m.offset + 1] = v[1];
    }
    const outFull = new Float64Array(full.size);
    const outFiltered = new Float64Array(filtered.size);
    compileCumulantRhs(full)(outFull, yFull, 0, p);
    compileCumulantRhs(filtered)(outFiltered, yFiltered, 0, p);
    let charged = 0;
    for (const m of full.moments) {
      const f = filtered.moments.find((x) => x.name === m.name);
      if (f === undefined) {
        expect(value[m.name]).toBeUndefined();
        charged++;
        // a charged moment (a, b, a², a†b, …) stays 0
        expect(Math.hypot(outFull[m.offset], m.real ? 0 : outFull[m.offset + 1])).toBeLessThan(1e-12);
      } else {
        expect(Math.abs(outFull[m.offset] - outFiltered[f.offset])).toBeLessThan(1e-12);
        if (!m.real) expect(Math.abs(outFull[m.offset + 1] - outFiltered[f.offset + 1])).toBeLessThan(1e-12);
      }
    }
    expect(charged).toBe(full.moments.length - 3);
    expect(full.moments.every((m) => (filtered.moments.some((x) => x.name === m.name) ? declared(m.name) === 0 : declared(m.name) !== 0))).toBe(true);
  });
});

describe('groupCumulantEquations with declared charges', () => {
  // two groups with a counter-rotating exchange g(S+_A S+_B + S−_A S−_B) and decay: conserved is Sz_A − Sz_B
  const build = ([na, nb]: readonly number[]) => {
    const alg = operatorAlgebra({
      sites: [...Array.from({ length: na }, (_, i) => ({ kind: 'spin' as const, name: `A${i + 1}` })), ...Array.from({ length: nb }, (_, i) => ({ kind: 'spin' as const, name: `B${i + 1}` }))],
      parameters: ['g', 'gamma', 'NA', 'NB'],
    });
    const A = Array.from({ length: na }, (_, i) => i);
    const B = Array.from({ length: nb }, (_, i) => na + i);
    const up = alg.sum(A.map((i) => alg.sigmaPlus(i))).times(alg.sum(B.map((i) => alg.sigmaPlus(i))));
    return {
      model: { hamiltonian: alg.parameter('g').times(up.plus(up.dagger())), dissipators: [...A, ...B].map((i) => ({ rate: 'gamma', jump: alg.sigmaMinus(i) })) },
      moments: [alg.sigmaZ(0), alg.sigmaZ(na)],
      groups: [A, B],
    };
  };
  it('the standard assignment refuses S+_A S+_B by name; B at charge −1 keeps ⟨σ+_Aσ+_B⟩ and drops ⟨σ+_Aσ−_B⟩', () => {
    expect(() => groupCumulantEquations(build, { order: 2, u1: true, sizes: ['NA', 'NB'] })).toThrow(/model.hamiltonian breaks the U\(1\) symmetry: its term g·σ[+−]_A1σ[+−]_B1 has phase charge -?2/);
    const eqs = groupCumulantEquations(build, { order: 2, u1: true, sizes: ['NA', 'NB'], charges: (s) => (s.startsWith('B') ? -1 : 1) });
    const names = eqs.moments.map((m) => m.name);
    expect(names).toContain('σ+_A1σ+_B1');
    expect(names).not.toContain('σ+_A1σ−_B1');
    expect(names).toContain('σ+_A1σ−_A2');
  });
  it('a charge that differs between the members of a group is refused, naming the group and the members', () => {
    // A1 at −1, the other A at +1: then σ+_A1σ−_A2 would be charged, σ+_A2σ−_A3 not — members unlike
    expect(() => groupCumulantEquations(build, { order: 2, u1: true, sizes: ['NA', 'NB'], charges: (s) => (s === 'A1' || s.startsWith('B') ? -1 : 1) })).toThrow(
      /groupCumulantEquations: config.charges gives the members of groups\[0\] different charges \('A1': -1, 'A2': 1\); a group's members must carry one charge/,
    );
    expect(() => groupCumulantEquations(build, { order: 2, u1: true, sizes: ['NA', 'NB'], charges: (s) => (s === 'B3' ? 1 : s.startsWith('B') ? -1 : 1) })).toThrow(
      /config.charges gives the members of groups\[1\] different charges \('B1': -1, 'B3': 1\)/,
    );
  });
});

describe('config.charges without config.u1 is refused', () => {
  it('by cumulantEquations, groupCumulantEquations and the stochastic derivations', () => {
    const alg = operatorAlgebra({ sites: [{ kind: 'boson', name: 'a' }], parameters: ['k', 'N'] });
    const model = { hamiltonian: alg.scalar(0), dissipators: [{ rate: 'k', jump: alg.destroy(0) }] };
    expect(() => cumulantEquations(model, { moments: [alg.destroy(0)], order: 1, charges: { a: 5 } })).toThrow(/cumulantEquations: config.charges requires config.u1/);
    expect(() => cumulantEquations(model, { moments: [alg.destroy(0)], order: 1, u1: false, charges: { a: 5 } })).toThrow(/config.charges requires config.u1/);
    const build = ([n]: readonly number[]) => {
      const spins = operatorAlgebra({ sites: Array.from({ length: n }, (_, i) => ({ kind: 'spin' as const, name: String(i + 1) })), parameters: ['gamma', 'N'] });
      return { model: { hamiltonian: spins.scalar(0), dissipators: Array.from({ length: n }, (_, i) => ({ rate: 'gamma', jump: spins.sigmaMinus(i) })) }, moments: [spins.sigmaZ(0)], groups: [Array.from({ length: n }, (_, i) => i)] };
    };
    expect(() => groupCumulantEquations(build, { order: 1, sizes: ['N'], charges: () => 1 })).toThrow(/groupCumulantEquations: config.charges requires config.u1/);
    const measurements = [{ dissipator: 0 }];
    expect(() => stochasticCumulantEquations(model, { moments: [alg.destroy(0)], order: 1, measurements, charges: { a: 1 } })).toThrow(/stochasticCumulantEquations: config.charges requires config.u1/);
    expect(() => stochasticGroupCumulantEquations(build, { order: 1, sizes: ['N'], measurements, charges: () => 1 })).toThrow(/stochasticGroupCumulantEquations: config.charges requires config.u1/);
  });
});

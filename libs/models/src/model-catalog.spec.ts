import { describe, expect, it } from 'vitest';
import { modelCatalog } from './model-catalog';

// Small parameter sets, one per model, that every builder accepts.
const sample: Record<string, Record<string, number>> = {
  'quantum-vdp': { cutoff: 3, kappa1: 1, kappa2: 1 },
  'coupled-quantum-vdp': { cutoff: 2, kappa1: 1, kappa2: 1, V: 1 },
  'quantum-vdp-network': { cutoff: 2, kappa1: 1, kappa2: 1, V: 1 },
  'quantum-vdp-mean-field': { cutoff: 4, kappa1: 1, kappa2: 1, V: 1 },
  'noisy-vdp': { kappa1: 1, kappa2: 1, realizations: 2 },
  'noisy-vdp-polar': { kappa1: 1, kappa2: 1, realizations: 2 },
  'coupled-noisy-vdp': { delta: 0.1, V: 0.2, kappa1: 1, kappa2: 1, realizations: 2 },
  'noisy-phase-pair': { delta: 1, V: 0.5, sigma: 0.1, realizations: 2 },
  adler: { delta: 1, V: 0.5, realizations: 2 },
  'nonreciprocal-phase-pair': { VAB: 1, VBA: -0.5, realizations: 2 },
  kuramoto: { N: 4, V: 1, G: 0.1, realizations: 2 },
  'two-population-kuramoto': { NA: 2, NB: 3, VAA: 1, VBB: 1, VAB: 0.5, VBA: -0.5, realizations: 2 },
  'ott-antonsen': { V: 1.5, G: 0.5 },
  'reduced-order-parameter': { V: 1.1, sigma: 1 },
  spin: { gammaPlus: 0.5, gammaMinus: 1 },
  'coupled-spins': { V: 1, gammaPlus: 0.5, gammaMinus: 1 },
  'spin-ensemble': { N: 3, V: 1, gammaPlus: 1, gammaMinus: 0.5 },
  'spin-ensemble-permutation-invariant': { N: 4, V: 2, gammaPlus: 1, gammaMinus: 0.5 },
  'spin-ensemble-mean-field': { V: 22, gammaPlus: 10, gammaMinus: 1 },
  'spin-ensemble-cumulants': { N: 100, V: 22, gammaPlus: 10, gammaMinus: 1 },
  'superradiant-laser': { N: 2, cutoff: 3, Omega: 1, kappa: 10, gammaPlus: 1, gammaMinus: 0.5 },
  'undriven-atom-laser': { cutoff: 3, Omega: 0.5, kappa: 4, gammaPlus: 1 },
  'undriven-atom-laser-cumulants': { Nd: 80, Nud: 20, Omega: 0.1, kappa: 10, gammaPlus: 0.2 },
  'undriven-atom-laser-mean-field': { N: 100, pd: 0.8, Omega: 0.1, kappa: 10, gammaPlus: 0.2 },
  'undriven-atom-laser-bad-cavity': { V: 1, pd: 0.8, gammaPlus: 1 },
  'undriven-atom-laser-good-cavity': { N: 1000, pd: 0.9, Omega: 0.01, kappa: 0.01, gammaPlus: 1, gammaMinus: 0.05, gammaZ: 0.2 },
};

/** The table's defaults under what is given (what a scenario validator hands to `build`). */
function resolved(name: string): Record<string, number> {
  const entry = modelCatalog[name];
  const out: Record<string, number> = {};
  for (const [key, spec] of Object.entries(entry.parameters)) if (spec.default !== undefined) out[key] = spec.default;
  return { ...out, ...sample[name] };
}

describe('modelCatalog', () => {
  it('holds every dynamical model of the library, each with a sample here', () => {
    expect(Object.keys(modelCatalog).sort()).toEqual(Object.keys(sample).sort());
  });

  it('lists exactly the operators and modes each quantum model builds', () => {
    for (const [name, entry] of Object.entries(modelCatalog)) {
      if (entry.kind !== 'quantum') continue;
      const m = entry.build(resolved(name));
      expect(Object.keys(m.operators), name).toEqual([...entry.operators]);
      expect(Object.keys(m.modes), name).toEqual([...entry.modes]);
    }
  });

  it('describes the tensor factors of each quantum model: its Fock modes first, then its spins-1/2', () => {
    for (const [name, entry] of Object.entries(modelCatalog)) {
      if (entry.kind !== 'quantum') continue;
      const p = resolved(name);
      const space = entry.build(p).space;
      const kinds = (space.factors.length > 0 ? space.factors : [space]).map((f) => f.kind);
      const spins = entry.spins === undefined ? 0 : 'names' in entry.spins ? entry.spins.names.length : p[entry.spins.identical];
      expect(kinds, name).toEqual([...entry.modes.map(() => 'fock'), ...Array.from({ length: spins }, () => 'spin-1/2')]);
    }
  });

  it('lists exactly the operators of each permutation-invariant model, as collective operators of its Dicke space', () => {
    for (const [name, entry] of Object.entries(modelCatalog)) {
      if (entry.kind !== 'permutation-invariant') continue;
      const p = resolved(name);
      const m = entry.build(p);
      expect(Object.keys(m.operators), name).toEqual([...entry.operators]);
      expect(m.space.n, name).toBe(p[entry.spins.identical]);
      for (const op of Object.values(m.operators)) expect(op.dims, name).toEqual([m.space.dimension]);
    }
  });

  it('lists exactly the channels each classical model emits, and builds with every choice', () => {
    for (const [name, entry] of Object.entries(modelCatalog)) {
      if (entry.kind === 'quantum' || entry.kind === 'permutation-invariant') continue;
      if (entry.kind === 'order-parameter') {
        const m = entry.build(resolved(name));
        expect(Object.keys(m.observe(0, m.initialState())).sort(), name).toEqual(Object.keys(entry.channels).sort());
        continue;
      }
      const defaults = Object.fromEntries(Object.entries(entry.choices).map(([k, c]) => [k, c.default]));
      const m = entry.build(resolved(name), defaults);
      expect(Object.keys(m.observe(0, m.initialState(1))).sort(), name).toEqual(Object.keys(entry.channels).sort());
      for (const [key, choice] of Object.entries(entry.choices)) {
        expect(choice.values, `${name}.${key}`).toContain(choice.default);
        for (const value of choice.values) expect(() => entry.build(resolved(name), { ...defaults, [key]: value })).not.toThrow();
      }
      for (const key of entry.optional) {
        expect(entry.parameters[key], `${name}.${key}`).toBeDefined();
        expect(entry.parameters[key].default, `${name}.${key} has no default: left out, the model draws it`).toBeUndefined();
      }
    }
  });

  it("passes the Kuramoto disorder seed and choices through: 'quantile' frequencies are Lorentzian quantiles, seeds change 'random' ones", () => {
    const entry = modelCatalog.kuramoto;
    if (entry.kind !== 'stochastic') throw new Error('kuramoto is stochastic');
    const build = (seed: number, frequencies: string) =>
      entry.build({ ...resolved('kuramoto'), N: 3, G: 1, realizations: 1, disorderSeed: seed }, { frequencies, initialPhases: 'uniform' }) as unknown as {
        frequencies: Float64Array;
      };
    // ω_i = G tan(π((i + ½)/N − ½)), N = 3: −√3, 0, √3 (Eq. 2.34's quantiles)
    const q = Array.from(build(1, 'quantile').frequencies);
    expect(q[0]).toBeCloseTo(-Math.sqrt(3), 12);
    expect(q[1]).toBeCloseTo(0, 12);
    expect(q[2]).toBeCloseTo(Math.sqrt(3), 12);
    expect(Array.from(build(1, 'random').frequencies)).not.toEqual(Array.from(build(2, 'random').frequencies));
  });

  it('runs its doc example', () => {
    expect(modelCatalog.adler.kind).toBe('stochastic');
    expect(Object.keys(modelCatalog).length).toBe(26);
  });
});

import type { ModelEntry } from '@qsync/models';
import { adler as adlerModel, modelCatalog } from '@qsync/models';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../common/errors';
import { probeId } from './probe-id';
import { coherentTailLimit } from './scenario-defaults';
import { refused } from '../test-support/refused';
import { timeGridValues } from './time-grid-values';
import { validateScenario } from './validate-scenario';

const pair = {
  model: 'coupled-quantum-vdp',
  parameters: { cutoff: 5, kappa: 1, kappa1: 3, kappa2: 1, delta: 0.5, V: 1 },
  method: 'steady-state',
  observables: { coherence: 'adagb', nA: 'na' },
  probes: [{ type: 'relative-phase', points: 64 }],
};

const single = {
  model: 'quantum-vdp',
  parameters: { cutoff: 6, omega: 4, kappa1: 4, kappa: 1, kappa2: 0.5 },
  method: 'time-evolution',
  initialState: { type: 'coherent', alpha: { a: [0.5, 0] } },
  times: { start: 0, stop: 1, count: 5 },
  observables: { n: 'n' },
};

const evolvingPair = {
  ...pair,
  method: 'time-evolution',
  initialState: { type: 'fock', n: { a: 1, b: 0 } },
  times: { start: 0, stop: 1, count: 3 },
};

/** A copy of `o` without `key`. */
function without(o: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...o };
  delete copy[key];
  return copy;
}

describe('validateScenario: accepted scenarios and resolved defaults', () => {
  it('fills in model defaults, outputs and probe defaults of a steady-state scenario', () => {
    const s = validateScenario({ ...pair, parameters: { cutoff: 5, kappa1: 3, kappa2: 1, V: 1 }, probes: [{ type: 'relative-phase' }] });
    expect(s).toEqual({
      model: 'coupled-quantum-vdp',
      parameters: { cutoff: 5, kappa1: 3, kappa2: 1, kappa: 0, delta: 0, V: 1 },
      method: 'steady-state',
      observables: { coherence: 'adagb', nA: 'na' },
      probes: [{ type: 'relative-phase', points: 256 }],
      outputs: ['json', 'csv', 'svg'],
    });
  });

  it('fills in tolerances, the only mode of a one-mode model and the Husimi defaults', () => {
    const s = validateScenario({ ...single, probes: [{ type: 'phase' }, { type: 'husimi' }], outputs: ['csv'] });
    expect(s.method).toBe('time-evolution');
    if (s.method !== 'time-evolution') return;
    expect(s.tolerances).toEqual({ rtol: 1e-8, atol: 1e-10 });
    expect(s.probes).toEqual([
      { type: 'phase', mode: 'a', points: 256 },
      { type: 'husimi', mode: 'a', extent: 4, points: 81 },
    ]);
    expect(s.outputs).toEqual(['csv']);
    expect(s.initialState).toEqual({ type: 'coherent', alpha: { a: [0.5, 0] } });
  });

  it('keeps a description, accepts an empty observables object and partial tolerances', () => {
    const s = validateScenario({ ...single, description: 'x', observables: {}, tolerances: { rtol: 1e-6 } });
    expect(s.description).toBe('x');
    expect(s.observables).toEqual({});
    expect(s.method === 'time-evolution' && s.tolerances).toEqual({ rtol: 1e-6, atol: 1e-10 });
  });

  it('is idempotent: a validated scenario validates to itself', () => {
    for (const raw of [pair, single, evolvingPair]) {
      const once = validateScenario(raw);
      expect(validateScenario(JSON.parse(JSON.stringify(once)))).toEqual(once);
    }
  });

  it('accepts a coherent amplitude whose truncation loses less than the limit (α = 2 at cutoff 20)', () => {
    // Poisson(4) weight at n ≥ 20 is ≈ 8e-9 < 1e-4.
    expect(() =>
      validateScenario({ ...single, parameters: { ...single.parameters, cutoff: 20 }, initialState: { type: 'coherent', alpha: { a: [2, 0] } } }),
    ).not.toThrow();
  });
});

describe('validateScenario: every refusal names its key path', () => {
  it('refuses a non-object scenario', () => {
    refused(null, 'scenario', 'must be an object, got null');
    refused([pair], 'scenario', 'must be an object, got an array');
    refused('x', 'scenario', 'must be an object, got the string "x"');
  });

  it('refuses unknown top-level keys', () => {
    refused({ ...pair, obsevables: {} }, 'scenario.obsevables', 'unknown key (allowed here: description, model,');
  });

  it('refuses a bad description', () => {
    refused({ ...pair, description: 3 }, 'scenario.description', 'must be a string, got number 3');
  });

  it('refuses a missing, mistyped or unknown model, listing the known ones', () => {
    refused(without(pair, 'model'), 'scenario.model', 'is required');
    refused({ ...pair, model: 7 }, 'scenario.model', 'must be a string');
    refused({ ...pair, model: 'vdp' }, 'scenario.model', `unknown model 'vdp' (known: ${Object.keys(modelCatalog).join(', ')})`);
  });

  it('refuses parameters the model refuses, at the parameter', () => {
    refused({ ...pair, parameters: [1] }, 'scenario.parameters', 'must be an object');
    refused({ ...pair, parameters: { ...pair.parameters, coupling: 1 } }, 'scenario.parameters.coupling', "unknown parameter of model 'coupled-quantum-vdp' (known: cutoff, kappa1,");
    refused({ ...pair, parameters: without(pair.parameters, 'cutoff') }, 'scenario.parameters.cutoff', 'is required');
    refused({ ...pair, parameters: { ...pair.parameters, cutoff: 4.5 } }, 'scenario.parameters.cutoff', 'must be an integer');
    refused({ ...pair, parameters: { ...pair.parameters, cutoff: 1 } }, 'scenario.parameters.cutoff', 'must be ≥ 2');
    refused({ ...pair, parameters: { ...pair.parameters, kappa1: -1 } }, 'scenario.parameters.kappa1', 'must be ≥ 0, got -1');
    refused({ ...pair, parameters: { ...pair.parameters, delta: '0.5' } }, 'scenario.parameters.delta', 'must be a finite number, got the string "0.5"');
    // from code a NaN can arrive: it is named as NaN
    refused({ ...pair, parameters: { ...pair.parameters, kappa1: NaN } }, 'scenario.parameters.kappa1', 'must be a finite number, got number NaN');
    refused({ ...pair, parameters: { ...pair.parameters, kappa2: Infinity } }, 'scenario.parameters.kappa2', 'must be a finite number, got number Infinity');
  });

  it('reports an error of the model builder itself at scenario.parameters', () => {
    const broken: ModelEntry = {
      ...modelCatalog['quantum-vdp'],
      build() {
        throw new Error('brokenModel: V must exceed |V+|');
      },
    };
    expect(() => validateScenario({ ...single, model: 'broken' }, { broken })).toThrow(
      'scenario.parameters: brokenModel: V must exceed |V+|',
    );
  });

  it('refuses a missing or unknown method', () => {
    refused(without(pair, 'method'), 'scenario.method', 'is required');
    refused({ ...pair, method: 'steady' }, 'scenario.method', "must be one of 'steady-state', 'time-evolution', 'spectrum', 'trajectories', got 'steady'");
    refused({ ...pair, method: 'simulate' }, 'scenario.method', "must be one of 'steady-state', 'time-evolution', 'spectrum', 'trajectories', got 'simulate'");
  });

  it('refuses time-evolution keys in a steady-state scenario', () => {
    refused({ ...pair, times: single.times }, 'scenario.times', "is used only by method 'time-evolution'");
    refused({ ...pair, initialState: single.initialState }, 'scenario.initialState', "used only by method 'time-evolution'");
    refused({ ...pair, tolerances: { rtol: 1e-6 } }, 'scenario.tolerances', "used only by method 'time-evolution'");
  });

  it('refuses bad observables, listing the operators of the model', () => {
    refused(without(pair, 'observables'), 'scenario.observables', 'is required');
    refused({ ...pair, observables: ['na'] }, 'scenario.observables', 'must be an object');
    refused(
      { ...pair, observables: { coherence: 'adagbb' } },
      'scenario.observables.coherence',
      "unknown operator 'adagbb' of model 'coupled-quantum-vdp' (known: a, b, adag, bdag, na, nb, adagb)",
    );
    refused({ ...pair, observables: { nA: 1 } }, 'scenario.observables.nA', 'must be a string');
    refused({ ...pair, observables: { 'n A': 'na' } }, 'scenario.observables.n A', 'must start with a letter');
    refused({ ...single, observables: { n: 'na' } }, 'scenario.observables.n', "unknown operator 'na' of model 'quantum-vdp' (known: a, adag, n)");
  });

  it('requires the initial state and times of a time evolution', () => {
    refused(without(single, 'initialState'), 'scenario.initialState', 'is required');
    refused(without(single, 'times'), 'scenario.times', 'is required');
  });

  it('refuses bad initial states', () => {
    const init = (initialState: unknown) => ({ ...evolvingPair, initialState });
    refused(init('vacuum'), 'scenario.initialState', 'must be an object');
    refused(init({ n: { a: 0, b: 0 } }), 'scenario.initialState.type', 'is required');
    refused(init({ type: 'thermal' }), 'scenario.initialState.type', "unknown initial state type 'thermal' (known: coherent, fock)");
    refused(init({ type: 'fock', n: { a: 0, b: 0 }, alpha: {} }), 'scenario.initialState.alpha', 'unknown key (allowed here: type, n)');
    refused(init({ type: 'coherent' }), 'scenario.initialState.alpha', 'is required');
    refused(init({ type: 'coherent', alpha: { a: [1, 0], c: [0, 0] } }), 'scenario.initialState.alpha.c', "unknown mode 'c' of model 'coupled-quantum-vdp' (known: a, b)");
    refused(init({ type: 'coherent', alpha: { a: [1, 0] } }), 'scenario.initialState.alpha.b', 'is required: one entry per mode (a, b)');
    refused(init({ type: 'coherent', alpha: { a: 1, b: [0, 0] } }), 'scenario.initialState.alpha.a', 'must be an array');
    refused(init({ type: 'coherent', alpha: { a: [1], b: [0, 0] } }), 'scenario.initialState.alpha.a', 'must be [Re α, Im α], got 1 numbers');
    refused(init({ type: 'coherent', alpha: { a: [1, 'i'], b: [0, 0] } }), 'scenario.initialState.alpha.a[1]', 'must be a finite number');
    // |α|² = 4 at cutoff 5: Poisson(4) puts 0.37 of the weight at n ≥ 5.
    refused(init({ type: 'coherent', alpha: { a: [0, 2], b: [0, 0] } }), 'scenario.initialState.alpha.a', `(at most ${coherentTailLimit} allowed): raise parameters.cutoff`);
    refused(init({ type: 'fock', n: { a: 0.5, b: 0 } }), 'scenario.initialState.n.a', 'must be an integer');
    refused(init({ type: 'fock', n: { a: 0, b: 5 } }), 'scenario.initialState.n.b', 'must be an integer from 0 to 4 (cutoff 5), got 5');
    refused(init({ type: 'fock', n: { a: -1, b: 0 } }), 'scenario.initialState.n.a', 'got -1');
    refused(init({ type: 'fock', n: { a: 0 } }), 'scenario.initialState.n.b', 'is required');
  });

  it('refuses bad times', () => {
    const times = (t: unknown) => ({ ...single, times: t });
    refused(times([0, 1]), 'scenario.times', 'must be an object');
    refused(times({ start: 0, stop: 1, count: 3, step: 0.5 }), 'scenario.times.step', 'unknown key (allowed here: start, stop, count)');
    refused(times({ stop: 1, count: 3 }), 'scenario.times.start', 'is required');
    refused(times({ start: 0, stop: 1, count: 0 }), 'scenario.times.count', 'must be an integer from 1 to 100000');
    refused(times({ start: 0, stop: 1, count: 2.5 }), 'scenario.times.count', 'must be an integer');
    refused(times({ start: 0, stop: 1, count: 1e6 }), 'scenario.times.count', 'got 1000000');
    refused(times({ start: 2, stop: 1, count: 3 }), 'scenario.times.stop', 'must be ≥ start (2), got 1');
    refused(times({ start: 0, stop: null, count: 3 }), 'scenario.times.stop', 'must be a finite number, got null');
  });

  it('refuses bad tolerances', () => {
    refused({ ...single, tolerances: 1e-6 }, 'scenario.tolerances', 'must be an object');
    refused({ ...single, tolerances: { reltol: 1e-6 } }, 'scenario.tolerances.reltol', 'unknown key (allowed here: rtol, atol)');
    refused({ ...single, tolerances: { rtol: 0 } }, 'scenario.tolerances.rtol', 'must be > 0 and < 1, got 0');
    refused({ ...single, tolerances: { atol: '1e-9' } }, 'scenario.tolerances.atol', 'must be a finite number');
  });

  it('refuses bad probes', () => {
    const probes = (p: unknown, base: object = pair) => ({ ...base, probes: p });
    refused(probes({ type: 'phase' }), 'scenario.probes', 'must be an array');
    refused(probes([3]), 'scenario.probes[0]', 'must be an object');
    refused(probes([{ points: 8 }]), 'scenario.probes[0].type', 'is required');
    refused(probes([{ type: 'wigner' }]), 'scenario.probes[0].type', "unknown probe type 'wigner' (known: relative-phase, phase, husimi)");
    refused(probes([{ type: 'relative-phase' }], single), 'scenario.probes[0].type', "needs a model with two modes or more, model 'quantum-vdp' has 1 (a)");
    refused(probes([{ type: 'relative-phase', mode: 'a' }]), 'scenario.probes[0].mode', 'unknown key (allowed here: type, points)');
    refused(probes([{ type: 'relative-phase', points: 4 }]), 'scenario.probes[0].points', 'must be an integer from 8 to 65536');
    refused(probes([{ type: 'phase', mode: 'a', points: 64.5 }]), 'scenario.probes[0].points', 'must be an integer');
    refused(probes([{ type: 'phase' }]), 'scenario.probes[0].mode', "is required: model 'coupled-quantum-vdp' has modes a, b");
    refused(probes([{ type: 'phase', mode: 'c' }]), 'scenario.probes[0].mode', "unknown mode 'c' of model 'coupled-quantum-vdp' (known: a, b)");
    refused(probes([{ type: 'husimi', mode: 'a', extent: 0 }]), 'scenario.probes[0].extent', 'must be > 0');
    refused(probes([{ type: 'husimi', mode: 'a', points: 1000 }]), 'scenario.probes[0].points', 'must be an integer from 2 to 401');
    refused(probes([{ type: 'husimi', mode: 'a', size: 3 }]), 'scenario.probes[0].size', 'unknown key (allowed here: type, mode, extent, points)');
    refused(
      probes([{ type: 'phase', mode: 'a' }, { type: 'phase', mode: 'b' }, { type: 'phase', mode: 'a', points: 32 }]),
      'scenario.probes[2]',
      "duplicate probe 'phase-a' (same as scenario.probes[0])",
    );
  });

  it('refuses bad outputs', () => {
    refused({ ...pair, outputs: 'json' }, 'scenario.outputs', 'must be an array');
    refused({ ...pair, outputs: [] }, 'scenario.outputs', "must name at least one of 'json', 'csv', 'svg', 'png'");
    expect(validateScenario({ ...pair, outputs: ['png'] }).outputs).toEqual(['png']);
    refused({ ...pair, outputs: ['json', 'pdf'] }, 'scenario.outputs[1]', "unknown output 'pdf' (known: json, csv, svg, png)");
    refused({ ...pair, outputs: ['csv', 'csv'] }, 'scenario.outputs[1]', "output 'csv' is listed twice");
  });
});

const adler = {
  model: 'adler',
  parameters: { delta: 0.5, V: 1, sigma: 0.5, realizations: 8, phi0: 0 },
  method: 'simulate',
  times: { start: 0, stop: 2, count: 5 },
  observables: { phase: 'phiAB', drift: 'phiABUnwrapped' },
};

const kuramoto = {
  model: 'kuramoto',
  parameters: { N: 64, V: 1.5, G: 0.5, realizations: 2 },
  method: 'simulate',
  options: { frequencies: 'quantile' },
  times: { start: 0, stop: 1, count: 3 },
  sde: { method: 'euler-maruyama', step: 0.01 },
  noiseSeed: 7,
  observables: { r: 'r', z: 'z' },
};

describe('validateScenario: classical models (method simulate)', () => {
  it("fills in the model's own SDE scheme and step, the noise seed and the outputs", () => {
    const s = validateScenario(adler);
    expect(s).toEqual({
      model: 'adler',
      parameters: { delta: 0.5, V: 1, sigma: 0.5, realizations: 8, phi0: 0 },
      method: 'simulate',
      times: { start: 0, stop: 2, count: 5 },
      // the model's own defaults: 'sra' for additive noise, and its step rule
      sde: { method: 'sra', step: adlerModel(adler.parameters).defaultDt },
      noiseSeed: 1,
      observables: { phase: 'phiAB', drift: 'phiABUnwrapped' },
      outputs: ['json', 'csv', 'svg'],
    });
  });

  it('leaves out an optional initial phase (drawn at random), and takes named options with their defaults', () => {
    const s = validateScenario({ ...adler, parameters: { delta: 0.5, V: 1 } });
    expect(s.parameters).not.toHaveProperty('phi0');
    const k = validateScenario(kuramoto);
    expect(k.method === 'simulate' && k.options).toEqual({ frequencies: 'quantile', initialPhases: 'uniform' });
    expect(k.parameters.disorderSeed).toBe(1);
    expect(k.method === 'simulate' && [k.sde, k.noiseSeed]).toEqual([{ method: 'euler-maruyama', step: 0.01 }, 7]);
  });

  it('takes an order-parameter equation with Dormand–Prince tolerances', () => {
    const s = validateScenario({ model: 'ott-antonsen', parameters: { V: 1.5, G: 0.5 }, method: 'simulate', times: { start: 0, stop: 5, count: 6 }, observables: { r: 'r' } });
    expect(s.method === 'simulate' && s.tolerances).toEqual({ rtol: 1e-10, atol: 1e-12 });
    expect(s).not.toHaveProperty('sde');
  });

  it('is idempotent for classical scenarios too', () => {
    for (const raw of [adler, kuramoto]) {
      const once = validateScenario(raw);
      expect(validateScenario(JSON.parse(JSON.stringify(once)))).toEqual(once);
    }
  });

  it('accepts a $schema reference for editors and leaves it out of the validated scenario', () => {
    expect(validateScenario({ ...adler, $schema: '../scenario.schema.json' })).not.toHaveProperty('$schema');
  });

  it('refuses what a classical scenario cannot hold, naming the key path', () => {
    refused({ ...adler, method: 'steady-state' }, 'scenario.method', "must be 'simulate' (model 'adler' is classical), got the string \"steady-state\"");
    refused({ ...adler, probes: [] }, 'scenario.probes', "is a key of quantum scenarios; model 'adler' is classical (method 'simulate')");
    refused({ ...adler, initialState: {} }, 'scenario.initialState', 'is a key of quantum scenarios');
    refused({ ...adler, tolerances: {} }, 'scenario.tolerances', 'unknown key (allowed here: description, model, parameters, method, times, sde, noiseSeed, observables, outputs)');
    refused(without(adler, 'times'), 'scenario.times', 'is required');
    refused({ ...adler, observables: { phase: 'phi' } }, 'scenario.observables.phase', "unknown channel 'phi' of model 'adler' (known: phiAB, phiABUnwrapped)");
    refused({ ...adler, sde: { method: 'rk4' } }, 'scenario.sde.method', "unknown SDE scheme 'rk4' (known: sra, euler-maruyama, milstein)");
    refused({ ...adler, sde: { step: 0 } }, 'scenario.sde.step', 'must be > 0, got 0');
    refused({ ...adler, sde: { dt: 0.1 } }, 'scenario.sde.dt', 'unknown key (allowed here: method, step)');
    refused({ ...adler, noiseSeed: 1.5 }, 'scenario.noiseSeed', 'must be an integer, got 1.5');
    refused({ ...adler, parameters: { ...adler.parameters, realizations: 0 } }, 'scenario.parameters.realizations', 'must be ≥ 1, got 0');
    refused({ ...kuramoto, options: { frequencies: 'lattice' } }, 'scenario.options.frequencies', "must be one of 'random', 'quantile', got 'lattice'");
    refused({ ...kuramoto, parameters: { ...kuramoto.parameters, disorderSeed: 0.5 } }, 'scenario.parameters.disorderSeed', 'must be an integer, got 0.5');
    refused({ ...adler, options: {} }, 'scenario.options', 'unknown key (allowed here:');
  });

  it("refuses an SDE scheme the model cannot take, with the integrator's reason, at scenario.sde", () => {
    // the polar vdP model's noise is not commutative and it gives no diffusion derivative: no Milstein
    const polar = { model: 'noisy-vdp-polar', parameters: { kappa1: 1, kappa2: 1 }, method: 'simulate', times: { start: 0, stop: 1, count: 2 }, observables: { r: 'r' } };
    expect(() => validateScenario(polar)).not.toThrow();
    let error: unknown;
    try {
      validateScenario({ ...polar, sde: { method: 'milstein' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect((error as ScenarioError).path).toBe('scenario.sde');
    expect((error as Error).message).toMatch(/^scenario\.sde: .*milstein/i);
  });
});

describe('timeGridValues and probeId', () => {
  it('spaces the times evenly and ends exactly at stop', () => {
    // Evenly spaced values are exact multiples of 0.75 here, so equality holds to rounding.
    expectClose(timeGridValues({ start: 0, stop: 3, count: 5 }), [0, 0.75, 1.5, 2.25, 3], { rtol: 1e-15 });
    expect(timeGridValues({ start: 0.1, stop: 0.7, count: 7 })[6]).toBe(0.7);
    expect(Array.from(timeGridValues({ start: 2, stop: 5, count: 1 }))).toEqual([2]);
  });

  it('names probes by type and mode', () => {
    expect(probeId({ type: 'relative-phase', points: 8 })).toBe('relative-phase');
    expect(probeId({ type: 'phase', mode: 'b', points: 8 })).toBe('phase-b');
    expect(probeId({ type: 'husimi', mode: 'a', extent: 1, points: 3 })).toBe('husimi-a');
  });
});

// validateScenario on what Ch. 4 added: spin models (spin initial states, spin probes) and the
// 'spectrum' method. Each refusal is checked for its key path and its words.
import { describe, expect, it } from 'vitest';
import { probeId } from './probe-id';
import { refused } from '../test-support/refused';
import { validateScenario } from './validate-scenario';

const spin = { model: 'spin', parameters: { omega: 1, gammaPlus: 2, gammaMinus: 1 }, method: 'steady-state', observables: { sz: 'sigmaZ' } };
const pairOfSpins = { model: 'coupled-spins', parameters: { delta: 0.5, V: 1, gammaPlus: 1, gammaMinus: 0.5 }, method: 'steady-state', observables: {} };
const ensemble = { model: 'spin-ensemble', parameters: { N: 3, V: 2, gammaPlus: 1, gammaMinus: 0.2 }, method: 'steady-state', observables: {} };
const laser = { model: 'superradiant-laser', parameters: { N: 2, cutoff: 4, Omega: 0.5, kappa: 10, gammaPlus: 1, gammaMinus: 0.1 }, method: 'steady-state', observables: {} };
const vdp = { model: 'quantum-vdp', parameters: { cutoff: 5, kappa1: 1, kappa2: 1 }, method: 'steady-state', observables: {} };
const evolve = (base: object, initialState: unknown) => ({ ...base, method: 'time-evolution', initialState, times: { start: 0, stop: 1, count: 3 } });
const spectrum = { ...vdp, method: 'spectrum', frequencies: { start: -2, stop: 2, count: 5 }, spectra: { S: { A: 'adag', B: 'a' } } };

describe('validateScenario: spin probes', () => {
  it('takes the spin probes with their defaults; a spin is named only where there is a choice', () => {
    const one = validateScenario({ ...spin, probes: [{ type: 'spin-phase' }, { type: 'spin-husimi' }] });
    expect(one.method !== 'simulate' && one.probes).toEqual([
      { type: 'spin-phase', points: 256 },
      { type: 'spin-husimi', points: 41 },
    ]);
    const two = validateScenario({ ...pairOfSpins, probes: [{ type: 'spin-phase', spin: 'B', points: 64 }, { type: 'spin-relative-phase' }] });
    expect(two.method !== 'simulate' && two.probes.map(probeId)).toEqual(['spin-phase-B', 'spin-relative-phase']);
    const many = validateScenario({ ...ensemble, probes: [{ type: 'spin-relative-phase', points: 32 }, { type: 'spin-phase' }] });
    expect(many.method !== 'simulate' && many.probes.map(probeId)).toEqual(['spin-relative-phase', 'spin-phase']);
    // the laser has its cavity mode and its atoms: both kinds of probe
    const both = validateScenario({ ...laser, probes: [{ type: 'phase' }, { type: 'spin-phase' }, { type: 'spin-relative-phase' }] });
    expect(both.method !== 'simulate' && both.probes.map(probeId)).toEqual(['phase-a', 'spin-phase', 'spin-relative-phase']);
  });

  it('says why a probe does not fit the model', () => {
    const probes = (base: object, p: unknown[]) => ({ ...base, probes: p });
    refused(probes(vdp, [{ type: 'spin-phase' }]), 'scenario.probes[0].type', "'spin-phase' needs a model with spins, model 'quantum-vdp' has none (its probes: phase, husimi)");
    refused(probes(spin, [{ type: 'phase' }]), 'scenario.probes[0].type', "'phase' needs a Fock mode, model 'spin' has none (its probes: spin-phase, spin-husimi)");
    refused(probes(spin, [{ type: 'husimi' }]), 'scenario.probes[0].type', "'husimi' needs a Fock mode");
    refused(probes(spin, [{ type: 'spin-relative-phase' }]), 'scenario.probes[0].type', "'spin-relative-phase' needs a model with two spins, model 'spin' has 1 (A)");
    refused(probes(vdp, [{ type: 'spin-relative-phase' }]), 'scenario.probes[0].type', "model 'quantum-vdp' has none");
    refused(probes(pairOfSpins, [{ type: 'relative-phase' }]), 'scenario.probes[0].type', "'relative-phase' needs a model with two modes or more, model 'coupled-spins' has none");
    refused(probes(laser, [{ type: 'relative-phase' }]), 'scenario.probes[0].type', "model 'superradiant-laser' has 1 (a)");
    refused(probes(spin, [{ type: 'spin-wigner' }]), 'scenario.probes[0].type', "unknown probe type 'spin-wigner' (known: spin-phase, spin-husimi)");
  });

  it('refuses a missing, unknown or needless spin, bad sizes and duplicates', () => {
    const probes = (base: object, p: unknown[]) => ({ ...base, probes: p });
    refused(probes(pairOfSpins, [{ type: 'spin-phase' }]), 'scenario.probes[0].spin', "is required: model 'coupled-spins' has spins A, B");
    refused(probes(pairOfSpins, [{ type: 'spin-husimi', spin: 'C' }]), 'scenario.probes[0].spin', "unknown spin 'C' of model 'coupled-spins' (known: A, B)");
    refused(probes(spin, [{ type: 'spin-phase', spin: 'A' }]), 'scenario.probes[0].spin', "model 'spin' has one spin: leave 'spin' out");
    refused(probes(ensemble, [{ type: 'spin-husimi', spin: '1' }]), 'scenario.probes[0].spin', "model 'spin-ensemble' has identical spins (any one is alike): leave 'spin' out");
    refused(probes(spin, [{ type: 'spin-husimi', points: 1 }]), 'scenario.probes[0].points', 'must be an integer from 2 to 401 (polar angles θ on [0, π])');
    refused(probes(spin, [{ type: 'spin-phase', points: 4 }]), 'scenario.probes[0].points', 'must be an integer from 8 to 65536');
    refused(probes(pairOfSpins, [{ type: 'spin-relative-phase', spin: 'A' }]), 'scenario.probes[0].spin', 'unknown key (allowed here: type, points)');
    refused(
      probes(pairOfSpins, [{ type: 'spin-phase', spin: 'B' }, { type: 'spin-phase', spin: 'A' }, { type: 'spin-phase', spin: 'B', points: 8 }]),
      'scenario.probes[2]',
      "duplicate probe 'spin-phase-B' (same as scenario.probes[0])",
    );
  });
});

describe('validateScenario: initial states of spins', () => {
  it('takes one state for all spins or one per spin (in the model order), basis or spin-coherent with φ = 0 by default', () => {
    const a = validateScenario(evolve(spin, { type: 'spin', spins: { all: { theta: 1.5 } } }));
    expect(a.method === 'time-evolution' && a.initialState).toEqual({ type: 'spin', spins: { all: { theta: 1.5, phi: 0 } } });
    const b = validateScenario(evolve(pairOfSpins, { type: 'spin', spins: { B: { theta: 0.5, phi: -1 }, A: { basis: 'down' } } }));
    expect(b.method === 'time-evolution' && b.initialState).toEqual({ type: 'spin', spins: { A: { basis: 'down' }, B: { theta: 0.5, phi: -1 } } });
    expect(b.method === 'time-evolution' && Object.keys((b.initialState as { spins: object }).spins)).toEqual(['A', 'B']);
    const c = validateScenario(evolve(laser, { type: 'coherent', alpha: { a: [0.3, 0] }, spins: { all: { basis: 'up' } } }));
    expect(c.method === 'time-evolution' && c.initialState).toEqual({ type: 'coherent', alpha: { a: [0.3, 0] }, spins: { all: { basis: 'up' } } });
    for (const raw of [evolve(spin, { type: 'spin', spins: { A: { theta: 1 } } }), evolve(pairOfSpins, { type: 'spin', spins: { all: { basis: 'up' } } })]) {
      const once = validateScenario(raw);
      expect(validateScenario(JSON.parse(JSON.stringify(once)))).toEqual(once);
    }
  });

  it('refuses a state of the wrong kind for the model', () => {
    refused(evolve(spin, { type: 'coherent', alpha: {} }), 'scenario.initialState.type', `model 'spin' has no Fock modes: its initial state is { "type": "spin", "spins": … }`);
    refused(evolve(spin, { type: 'thermal' }), 'scenario.initialState.type', "unknown initial state type 'thermal' (known: spin)");
    refused(evolve(vdp, { type: 'spin', spins: { all: { basis: 'up' } } }), 'scenario.initialState.type', "unknown initial state type 'spin' (known: coherent, fock)");
    refused(evolve(vdp, { type: 'fock', n: { a: 0 }, spins: { all: { basis: 'up' } } }), 'scenario.initialState.spins', 'unknown key (allowed here: type, n)');
    refused(evolve(laser, { type: 'fock', n: { a: 0 } }), 'scenario.initialState.spins', 'is required');
    refused(evolve(spin, { type: 'spin' }), 'scenario.initialState.spins', 'is required');
  });

  it('refuses missing, unknown, doubled or ill-formed spin states, naming the spin', () => {
    const pair = (spins: unknown) => evolve(pairOfSpins, { type: 'spin', spins });
    refused(pair({ A: { basis: 'up' } }), 'scenario.initialState.spins.B', "is required: one state per spin (A, B), or one for all of them under 'all'");
    refused(pair({ all: { basis: 'up' }, A: { basis: 'up' } }), 'scenario.initialState.spins.A', "give one state per spin or one for 'all', not both");
    refused(pair({ A: { basis: 'up' }, C: { basis: 'up' } }), 'scenario.initialState.spins.C', "unknown spin 'C' of model 'coupled-spins' (known: A, B; or 'all')");
    refused(evolve(ensemble, { type: 'spin', spins: { A: { basis: 'up' } } }), 'scenario.initialState.spins.A', "model 'spin-ensemble' has N identical spins: give one state for all of them");
    refused(pair({ all: { basis: 'left' } }), 'scenario.initialState.spins.all.basis', "must be 'up' (|1⟩) or 'down' (|0⟩), got 'left'");
    refused(pair({ all: { basis: 'up', theta: 1 } }), 'scenario.initialState.spins.all.theta', "a basis state takes no angles: give 'basis', or 'theta' and 'phi'");
    refused(pair({ all: {} }), 'scenario.initialState.spins.all', 'must be { "basis": "up" } or { "basis": "down" }, or a spin-coherent state { "theta": θ, "phi": φ } (Eq. 4.31)');
    refused(pair({ all: { phi: 1 } }), 'scenario.initialState.spins.all', "needs 'theta' too");
    refused(pair({ all: { theta: 4 } }), 'scenario.initialState.spins.all.theta', 'must be from 0 to π (θ = 0 is up, θ = π down), got 4');
    refused(pair({ all: { theta: '1' } }), 'scenario.initialState.spins.all.theta', 'must be a finite number, got the string "1"');
    refused(pair({ all: { theta: 1, r: 1 } }), 'scenario.initialState.spins.all.r', 'unknown key (allowed here: basis, theta, phi)');
    refused(pair({ all: 'up' }), 'scenario.initialState.spins.all', 'must be an object, got the string "up"');
  });
});

describe('validateScenario: the spectrum method', () => {
  it('takes frequencies, named spectra, observables and probes of the steady state', () => {
    const s = validateScenario({ ...spectrum, probes: [{ type: 'phase' }] });
    expect(s).toEqual({
      model: 'quantum-vdp',
      parameters: { cutoff: 5, omega: 0, kappa1: 1, kappa2: 1, kappa: 0 },
      method: 'spectrum',
      frequencies: { start: -2, stop: 2, count: 5 },
      spectra: { S: { A: 'adag', B: 'a' } },
      route: 'resolvent',
      observables: {},
      probes: [{ type: 'phase', mode: 'a', points: 256 }],
      outputs: ['json', 'csv', 'svg'],
    });
    expect(validateScenario(JSON.parse(JSON.stringify(s)))).toEqual(s);
    // one frequency: stop may equal start
    expect(() => validateScenario({ ...spectrum, frequencies: { start: 1, stop: 1, count: 1 } })).not.toThrow();
    expect(() => validateScenario({ ...pairOfSpins, method: 'spectrum', frequencies: { start: -1, stop: 1, count: 3 }, spectra: { SA: { A: 'sigmaPlusA', B: 'sigmaMinusA' } } })).not.toThrow();
  });

  it('refuses bad frequency grids', () => {
    const f = (frequencies: unknown) => ({ ...spectrum, frequencies });
    refused({ ...spectrum, frequencies: undefined }, 'scenario.frequencies', 'is required');
    refused(f({ start: 0, stop: 1, count: 0 }), 'scenario.frequencies.count', 'must be an integer from 1 to 20000 (number of frequencies), got 0');
    refused(f({ start: 0, stop: 1, count: 30000 }), 'scenario.frequencies.count', 'got 30000');
    refused(f({ start: 0, stop: 1, count: 2.5 }), 'scenario.frequencies.count', 'must be an integer');
    refused(f({ start: 1, stop: 1, count: 2 }), 'scenario.frequencies.stop', 'must be > start (1) when count > 1 (the frequencies ascend), got 1');
    refused(f({ start: 1, stop: 0, count: 1 }), 'scenario.frequencies.stop', 'must be ≥ start (1), got 0');
    refused(f({ start: 'a', stop: 0, count: 1 }), 'scenario.frequencies.start', 'must be a finite number');
    refused(f({ start: 0, stop: 1, count: 3, step: 1 }), 'scenario.frequencies.step', 'unknown key (allowed here: start, stop, count)');
  });

  it('refuses bad spectra, naming the operator and the key', () => {
    const sp = (spectra: unknown) => ({ ...spectrum, spectra });
    refused({ ...spectrum, spectra: undefined }, 'scenario.spectra', 'is required');
    refused(sp({}), 'scenario.spectra', 'must name at least one spectrum, e.g. { "S": { "A": "a", "B": "a" } }');
    refused(sp([]), 'scenario.spectra', 'must be an object');
    refused(sp({ S: { A: 'adagg', B: 'a' } }), 'scenario.spectra.S.A', "unknown operator 'adagg' of model 'quantum-vdp' (known: a, adag, n)");
    refused(sp({ S: { A: 'adag' } }), 'scenario.spectra.S.B', 'is required: the operator B of ⟨A(t+τ)B(t)⟩');
    refused(sp({ S: { A: 'adag', B: 3 } }), 'scenario.spectra.S.B', 'must be a string, got number 3');
    refused(sp({ S: { A: 'adag', B: 'a', C: 'n' } }), 'scenario.spectra.S.C', 'unknown key (allowed here: A, B)');
    refused(sp({ '1S': { A: 'adag', B: 'a' } }), 'scenario.spectra.1S', 'a spectrum name must start with a letter');
    refused(sp({ S: 'adag' }), 'scenario.spectra.S', 'must be an object');
    refused({ ...spectrum, route: 'exact' }, 'scenario.route', "must be 'resolvent' or 'fourier', got 'exact'");
    expect(validateScenario({ ...spectrum, route: 'fourier' })).toMatchObject({ route: 'fourier' });
    refused({ ...vdp, route: 'fourier' }, 'scenario.route', "is used only by method 'spectrum', not 'steady-state'");
  });

  it('refuses the keys of one method in another', () => {
    refused({ ...vdp, frequencies: spectrum.frequencies }, 'scenario.frequencies', "is used only by method 'spectrum', not 'steady-state'");
    refused({ ...spectrum, times: { start: 0, stop: 1, count: 2 } }, 'scenario.times', "is used only by method 'time-evolution' or 'trajectories', not 'spectrum'");
    refused({ ...evolve(vdp, { type: 'fock', n: { a: 0 } }), spectra: spectrum.spectra }, 'scenario.spectra', "is used only by method 'spectrum', not 'time-evolution'");
    refused({ model: 'adler', parameters: { V: 1 }, method: 'spectrum' }, 'scenario.method', "must be 'simulate' (model 'adler' is classical)");
  });
});

describe('validateScenario: the relative phase of two of several modes', () => {
  const network = { model: 'quantum-vdp-network', parameters: { cutoff: 3, kappa1: 1, kappa2: 1, V: 1 }, method: 'steady-state', observables: {} };
  it('names the two modes, in order, and refuses a missing, unknown or repeated one', () => {
    const s = validateScenario({ ...network, probes: [{ type: 'relative-phase', modes: ['a3', 'a1'] }] });
    expect(s.method !== 'simulate' && s.probes.map(probeId)).toEqual(['relative-phase-a3-a1']);
    refused({ ...network, probes: [{ type: 'relative-phase' }] }, 'scenario.probes[0].modes', `is required: model 'quantum-vdp-network' has modes a1, a2, a3; name two, e.g. ["a1", "a2"]`);
    refused({ ...network, probes: [{ type: 'relative-phase', modes: ['a1'] }] }, 'scenario.probes[0].modes', 'must name two modes, got 1');
    refused({ ...network, probes: [{ type: 'relative-phase', modes: ['a1', 'a4'] }] }, 'scenario.probes[0].modes[1]', "unknown mode 'a4' of model 'quantum-vdp-network' (known: a1, a2, a3)");
    refused({ ...network, probes: [{ type: 'relative-phase', modes: ['a2', 'a2'] }] }, 'scenario.probes[0].modes[1]', "must differ from the first mode ('a2')");
    refused({ ...pairOfSpins, probes: [{ type: 'relative-phase', modes: ['a', 'b'] }] }, 'scenario.probes[0].type', "'relative-phase' needs a model with two modes or more");
  });
});

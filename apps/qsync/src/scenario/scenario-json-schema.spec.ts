import Ajv from 'ajv';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../common/errors';
import { scenarioJsonSchema } from './scenario-json-schema';
import { validateScenario } from './validate-scenario';

const app = (p: string): string => new URL(`../../${p}`, import.meta.url).pathname;
const checkedIn = JSON.parse(readFileSync(app('scenario.schema.json'), 'utf8')) as Record<string, unknown>;
const scenarioFiles = readdirSync(app('scenarios')).filter((f) => f.endsWith('.json'));

const adler = {
  model: 'adler',
  parameters: { delta: 0.5, V: 1, sigma: 0.5, realizations: 8 },
  method: 'simulate',
  times: { start: 0, stop: 2, count: 5 },
  observables: { phase: 'phiAB' },
};
const steady = { model: 'quantum-vdp', parameters: { cutoff: 4, kappa1: 1, kappa2: 1 }, method: 'steady-state', observables: { n: 'n' } };
const spins = { model: 'coupled-spins', parameters: { V: 1, gammaPlus: 1, gammaMinus: 1 }, method: 'steady-state', observables: { c: 'sigmaPlusASigmaMinusB' } };
const spectrum = { ...steady, method: 'spectrum', frequencies: { start: -1, stop: 1, count: 3 }, spectra: { S: { A: 'adag', B: 'a' } } };

// Scenarios and variants with one structural fault each (what a JSON Schema can see).
const samples: [string, unknown][] = [
  ['adler', adler],
  ['steady', steady],
  ['steady with probes', { ...steady, probes: [{ type: 'husimi', points: 11 }], outputs: ['png'] }],
  ['kuramoto', { model: 'kuramoto', parameters: { N: 8, V: 1 }, method: 'simulate', options: { frequencies: 'quantile' }, times: { start: 0, stop: 1, count: 2 }, sde: { method: 'euler-maruyama' }, observables: { r: 'r' } }],
  ['unknown top-level key', { ...adler, probes: [] }],
  ['unknown parameter', { ...adler, parameters: { ...adler.parameters, coupling: 1 } }],
  ['missing required parameter', { ...adler, parameters: { delta: 1 } }],
  ['parameter out of range', { ...adler, parameters: { ...adler.parameters, sigma: -1 } }],
  ['parameter not an integer', { ...adler, parameters: { ...adler.parameters, realizations: 1.5 } }],
  ['unknown channel', { ...adler, observables: { phase: 'phi' } }],
  ['bad observable name', { ...adler, observables: { '1phase': 'phiAB' } }],
  ['unknown model', { ...adler, model: 'vdp' }],
  ['wrong method', { ...adler, method: 'steady-state' }],
  ['count zero', { ...adler, times: { start: 0, stop: 1, count: 0 } }],
  ['unknown output', { ...adler, outputs: ['pdf'] }],
  ['no output', { ...adler, outputs: [] }],
  ['unknown SDE scheme', { ...adler, sde: { method: 'rk4' } }],
  ['unknown operator', { ...steady, observables: { n: 'num' } }],
  ['time-evolution key in a steady state', { ...steady, times: { start: 0, stop: 1, count: 2 } }],
  ['unknown probe', { ...steady, probes: [{ type: 'wigner' }] }],
  ['relative phase of one mode', { ...steady, probes: [{ type: 'relative-phase' }] }],
  ['spins with their probes', { ...spins, probes: [{ type: 'spin-phase', spin: 'A' }, { type: 'spin-relative-phase' }, { type: 'spin-husimi', spin: 'B', points: 5 }] }],
  ['spins from spin states', { ...spins, method: 'time-evolution', initialState: { type: 'spin', spins: { A: { basis: 'up' }, B: { theta: 1, phi: 0 } } }, times: { start: 0, stop: 1, count: 2 } }],
  ['a spectrum', spectrum],
  ['spin probe of an oscillator', { ...steady, probes: [{ type: 'spin-phase' }] }],
  ['oscillator probe of spins', { ...spins, probes: [{ type: 'phase', mode: 'a' }] }],
  ['unknown spin', { ...spins, probes: [{ type: 'spin-phase', spin: 'C' }] }],
  ['basis state that is none', { ...spins, method: 'time-evolution', initialState: { type: 'spin', spins: { all: { basis: 'left' } } }, times: { start: 0, stop: 1, count: 2 } }],
  ['Fock state of spins', { ...spins, method: 'time-evolution', initialState: { type: 'fock', n: {} }, times: { start: 0, stop: 1, count: 2 } }],
  ['unknown operator in a spectrum', { ...spectrum, spectra: { S: { A: 'num', B: 'a' } } }],
  ['no frequencies', { ...spectrum, frequencies: { start: 0, stop: 1, count: 0 } }],
  ['spectra in a steady state', { ...steady, spectra: spectrum.spectra }],
];

function acceptedByValidator(raw: unknown): boolean {
  try {
    validateScenario(raw);
    return true;
  } catch (e) {
    if (e instanceof ScenarioError) return false;
    throw e;
  }
}

describe('scenarioJsonSchema', () => {
  it('equals the checked-in apps/qsync/scenario.schema.json (regenerate: npm run qsync -- schema > apps/qsync/scenario.schema.json)', () => {
    expect(checkedIn).toEqual(scenarioJsonSchema());
  });

  it('is a draft-07 schema that an independent validator (ajv) reads, and agrees with validateScenario on structural faults', () => {
    expect(checkedIn.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const validate = new Ajv({ allErrors: false }).compile(checkedIn);
    for (const [what, raw] of samples) {
      expect(validate(raw), `${what}: ${JSON.stringify(validate.errors?.[0] ?? null)}`).toBe(acceptedByValidator(raw));
    }
    // both verdicts occur: the agreement is not all-accept or all-refuse
    expect(samples.filter(([, raw]) => acceptedByValidator(raw))).toHaveLength(7);
  });

  it('is what every shipped scenario file names in "$schema", and they all satisfy it', () => {
    const validate = new Ajv().compile(checkedIn);
    expect(scenarioFiles.length).toBeGreaterThanOrEqual(3);
    for (const f of scenarioFiles) {
      const raw = JSON.parse(readFileSync(app(`scenarios/${f}`), 'utf8')) as { $schema?: string };
      expect(raw.$schema, f).toBe('../scenario.schema.json');
      expect(validate(raw), `${f}: ${JSON.stringify(validate.errors?.[0] ?? null)}`).toBe(true);
    }
  });

  it('describes each parameter with its meaning, range and default', () => {
    const text = JSON.stringify(checkedIn);
    expect(text).toContain('"const":"kuramoto"');
    expect(text).toMatch(/"realizations":\{"default":1,"type":"integer","minimum":1,/);
  });

  it('runs its doc example', () => {
    expect(scenarioJsonSchema().$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});

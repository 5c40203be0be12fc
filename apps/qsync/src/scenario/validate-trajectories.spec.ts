// Method 'trajectories' of the scenario format: what it accepts, its defaults, and each refusal
// with the key path and what was expected.
import { describe, expect, it } from 'vitest';
import { refused } from '../test-support/refused';
import { validateScenario } from './validate-scenario';

const good = {
  model: 'quantum-vdp',
  parameters: { cutoff: 12, kappa1: 4, kappa2: 0.5, kappa: 1 },
  method: 'trajectories',
  initialState: { type: 'coherent', alpha: { a: [1, 0] } },
  times: { start: 0, stop: 1, count: 11 },
  step: 0.01,
  unraveling: 'heterodyne',
  monitored: [2],
  trajectories: 50,
  observables: { amplitude: 'a' },
};
const with_ = (extra: Record<string, unknown>) => ({ ...good, ...extra });

describe("scenario method 'trajectories'", () => {
  it('accepts a heterodyne and a homodyne scenario and fills in the defaults', () => {
    expect(validateScenario(good)).toMatchObject({
      method: 'trajectories',
      scheme: 'milstein',
      efficiency: 1,
      noiseSeed: 1,
      currents: 1,
      probes: [],
      outputs: ['json', 'csv', 'svg'],
    });
    const s = validateScenario(with_({ unraveling: 'homodyne', phase: 0.5, efficiency: 0.8, targetError: 0.01, workers: 0, scheme: 'euler-maruyama', currents: 0 }));
    expect(s).toMatchObject({ unraveling: 'homodyne', phase: 0.5, efficiency: 0.8, targetError: 0.01, workers: 0, scheme: 'euler-maruyama', currents: 0 });
    expect(s).toMatchObject({ frequency: 0 });
    expect('phase' in validateScenario(good) || 'frequency' in validateScenario(good)).toBe(false);
    const counting = validateScenario(with_({ unraveling: 'photon-counting', step: undefined, efficiency: 0.5 }));
    expect(counting).toMatchObject({ unraveling: 'photon-counting', efficiency: 0.5 });
    expect('step' in counting || 'scheme' in counting).toBe(false);
    expect(validateScenario(counting)).toEqual(counting);
    // validating a validated scenario returns an equal one
    expect(validateScenario(validateScenario(good))).toEqual(validateScenario(good));
  });

  it('refuses bad values, naming the key and what was expected', () => {
    refused(with_({ unraveling: 'counting' }), 'scenario.unraveling', "must be 'heterodyne', 'homodyne' or 'photon-counting', got 'counting'");
    refused(with_({ unraveling: 'photon-counting' }), 'scenario.step', 'is a setting of the diffusive unravelings; photon counting finds each click time by root finding');
    refused(with_({ unraveling: 'photon-counting', step: undefined, scheme: 'milstein' }), 'scenario.scheme', 'is a setting of the diffusive unravelings');
    refused(with_({ unraveling: 'photon-counting', step: undefined, phase: 1 }), 'scenario.phase', 'is a homodyne setting (the local oscillator); photon counting has none');
    refused(with_({ step: undefined }), 'scenario.step', 'is required for heterodyne detection');
    refused(with_({ unraveling: undefined }), 'scenario.unraveling', 'is required');
    refused(with_({ monitored: [] }), 'scenario.monitored', 'must name at least one dissipator');
    refused(with_({ monitored: [2, 2] }), 'scenario.monitored[1]', 'dissipator 2 is listed twice');
    refused(with_({ monitored: [3] }), 'scenario.monitored[0]', "must be a dissipator index from 0 to 2 (model 'quantum-vdp' has 3), got 3");
    refused(with_({ monitored: [-1] }), 'scenario.monitored[0]', 'must be a dissipator index ≥ 0');
    // a channel switched off (κ = 0) cannot be measured
    refused(with_({ parameters: { cutoff: 12, kappa1: 4, kappa2: 0.5, kappa: 0 } }), 'scenario.monitored[0]', 'dissipator 2 has rate 0; a monitored channel needs a rate > 0');
    refused(with_({ efficiency: 1.2 }), 'scenario.efficiency', 'must be from 0 to 1 (detection efficiency ξ), got 1.2');
    refused(with_({ step: 0 }), 'scenario.step', 'must be > 0, got 0');
    refused(with_({ step: 0.03 }), 'scenario.step', 'must divide the output spacing (stop − start)/(count − 1) = 0.1 a whole number of times, got 0.03');
    refused(with_({ times: { start: 0, stop: 1, count: 1 } }), 'scenario.times.count', "must be ≥ 2 for method 'trajectories'");
    refused(with_({ trajectories: 0 }), 'scenario.trajectories', 'must be an integer from 1 to 1000000 (number of trajectories), got 0');
    refused(with_({ trajectories: undefined }), 'scenario.trajectories', 'is required');
    refused(with_({ targetError: -1 }), 'scenario.targetError', 'must be > 0, got -1');
    refused(with_({ scheme: 'sra' }), 'scenario.scheme', "must be 'euler-maruyama' or 'milstein', got 'sra'");
    refused(with_({ workers: 1.5 }), 'scenario.workers', 'must be an integer, got 1.5');
    refused(with_({ phase: 0.3 }), 'scenario.phase', 'is a homodyne setting (the local oscillator); heterodyne detection (Eq. 3.13) measures both quadratures');
    refused(with_({ frequency: 2 }), 'scenario.frequency', 'is a homodyne setting');
    expect(validateScenario(with_({ unraveling: 'homodyne', frequency: 2 }))).toMatchObject({ phase: 0, frequency: 2 });
    refused(with_({ observables: { amplitude: 'b' } }), 'scenario.observables.amplitude', "unknown operator 'b' of model 'quantum-vdp'");
  });

  it("refuses the keys of other methods, and its own keys under other methods", () => {
    refused(with_({ probes: [{ type: 'phase', mode: 'a' }] }), 'scenario.probes', "must be empty: method 'trajectories' keeps no state to probe");
    refused(with_({ tolerances: { rtol: 1e-6 } }), 'scenario.tolerances', "is used only by method 'time-evolution', not 'trajectories'");
    const evolution = { ...good, method: 'time-evolution' } as Record<string, unknown>;
    for (const key of ['step', 'unraveling', 'monitored', 'trajectories']) delete evolution[key];
    expect(() => validateScenario(evolution)).not.toThrow();
    refused({ ...evolution, monitored: [2] }, 'scenario.monitored', "is used only by method 'trajectories', not 'time-evolution'");
    refused(
      { model: 'quantum-vdp', parameters: good.parameters, method: 'steady-state', times: good.times, observables: {} },
      'scenario.times',
      "is used only by method 'time-evolution' or 'trajectories', not 'steady-state'",
    );
    refused(with_({ method: 'trajectory' }), 'scenario.method', "must be one of 'steady-state', 'time-evolution', 'spectrum', 'trajectories', got 'trajectory'");
  });
});

// qsync run on the permutation-invariant spin ensemble (Eq. 4.52 in the Dicke basis): its
// observables and spin probes equal those of the tensor-product model, whose probes come from
// partial traces instead of moments; and what the scenario format refuses for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose } from '@qsync/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/validate-scenario';
import { refused } from '../test-support/refused';
import type { SpinHusimiProbeResult, SpinPhaseProbeResult, SpinRelativePhaseProbeResult, SteadyObservable } from './results';
import { runScenario } from './run-scenario';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-pi-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const base = {
  parameters: { N: 4, V: 6, gammaPlus: 1, gammaMinus: 0.2 },
  method: 'steady-state',
  observables: { sz: 'sigmaZ', sp: 'sigmaPlus', pair: 'sigmaPlusSigmaMinus', zz: 'sigmaZSigmaZ', SpSm: 'SplusSminus' },
  probes: [{ type: 'spin-phase', points: 16 }, { type: 'spin-husimi', points: 7 }, { type: 'spin-relative-phase', points: 32 }],
  outputs: ['json'],
};

describe('qsync run: spin-ensemble-permutation-invariant equals spin-ensemble (tensor product) at N = 4', async () => {
  const pi = await runScenario({ ...base, model: 'spin-ensemble-permutation-invariant' }, { outDir: join(tmp, 'pi') });
  const tensor = await runScenario({ ...base, model: 'spin-ensemble' }, { outDir: join(tmp, 'tensor') });

  it('has the same steady-state observables to 1e-10', () => {
    for (const name of Object.keys(base.observables)) {
      const a = (pi.results.observables[name] as SteadyObservable).value;
      const b = (tensor.results.observables[name] as SteadyObservable).value;
      expectClose([a.re, a.im], [b.re, b.im], { atol: 1e-10 });
    }
    // a correlated state, not the trivial product one
    expect(Math.abs((pi.results.observables.pair as SteadyObservable).value.re)).toBeGreaterThan(0.02);
    expect(pi.results.steadyState?.residual).toBeLessThan(1e-10);
  });

  it("has the same spin probes to 1e-10: one spin's Q(φ), Q(θ, φ) and a pair's Q(φ_AB), correlation and order parameter", () => {
    const a = pi.results.probes;
    const b = tensor.results.probes;
    expectClose((a['spin-phase'] as SpinPhaseProbeResult).Q, (b['spin-phase'] as SpinPhaseProbeResult).Q, { atol: 1e-10 });
    expectClose((a['spin-husimi'] as SpinHusimiProbeResult).Q.flat(), (b['spin-husimi'] as SpinHusimiProbeResult).Q.flat(), { atol: 1e-10 });
    const qa = a['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    const qb = b['spin-relative-phase'] as SpinRelativePhaseProbeResult;
    expectClose(qa.Q, qb.Q, { atol: 1e-10 });
    expectClose([qa.max, qa.correlation.re, qa.correlation.im, qa.order], [qb.max, qb.correlation.re, qb.correlation.im, qb.order], { atol: 1e-10 });
  });
});

describe('the scenario format for a permutation-invariant model', () => {
  const pi = { ...base, model: 'spin-ensemble-permutation-invariant', probes: [] };

  it('takes N up to 1000 and refuses more', () => {
    expect(() => validateScenario({ ...pi, parameters: { ...pi.parameters, N: 1000 } })).not.toThrow();
    refused({ ...pi, parameters: { ...pi.parameters, N: 1001 } }, 'scenario.parameters.N', 'must be ≤ 1000, got 1001');
  });

  it('takes only the steady state and spin probes without a spin, and says why', () => {
    refused({ ...pi, method: 'time-evolution' }, 'scenario.method', "must be 'steady-state' (model 'spin-ensemble-permutation-invariant' is solved for its steady state only; 'spin-ensemble' (N ≤ 10) takes the other methods)");
    refused({ ...pi, times: { start: 0, stop: 1, count: 2 } }, 'scenario.times', "is not used: model 'spin-ensemble-permutation-invariant' takes only method 'steady-state'");
    refused({ ...pi, probes: [{ type: 'phase' }] }, 'scenario.probes[0].type', "'phase' needs a Fock mode, model 'spin-ensemble-permutation-invariant' has none");
    refused({ ...pi, probes: [{ type: 'spin-phase', spin: 'A' }] }, 'scenario.probes[0].spin', 'identical spins (any one is alike)');
    refused({ ...pi, observables: { s: 'sigmaX' } }, 'scenario.observables.s', "unknown operator 'sigmaX' of model 'spin-ensemble-permutation-invariant' (known: sigmaZ,");
  });
});

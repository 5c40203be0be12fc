import { tapProgress, type Channel, type ChunkedObservable, type Frame } from '@qsync/frames';
import type { OdeModel, OrderParameterModel, StochasticModel } from '@qsync/models';
import { tap } from 'rxjs';
import { NumericalError } from '../common/errors';
import type { SimulationScenario } from '../scenario/scenario-types';
import { timeGridValues } from '../scenario/time-grid-values';
import type { ChannelSeries, SimulationInfo } from './results';

/** What {@link computeSimulation} returns. */
export interface SimulationOutcome {
  readonly info: SimulationInfo;
  readonly observables: Record<string, ChannelSeries>;
}

/** A built classical model: an SDE model (stochastic) or an order-parameter equation. */
export type ClassicalModel = { readonly kind: 'stochastic'; readonly model: StochasticModel } | { readonly kind: 'order-parameter'; readonly model: OrderParameterModel | OdeModel };

/**
 * Runs a classical model over the scenario's output times: a stochastic model by its SDE scheme
 * with the scenario's step and noise seed (`simulate` of @qsync/models), an order-parameter
 * equation by Dormand–Prince with the scenario's tolerances. At each output time it records, for
 * each observable, the channel's value (scalar channels) or the mean and standard deviation over
 * its entries (array channels: one entry per realization, the ensemble statistics). A
 * non-finite value is a {@link NumericalError} naming the observable and the time.
 *
 * @param scenario - a validated simulation scenario
 * @param built - the model built from it, with its kind
 * @param onProgress - called with (done, total) time steps (or output times)
 * @example
 * // the Adler equation without noise, outside the tongue: one slip of 2π per period 2π/√(δ² − V²) = 2π
 * const scenario = validateScenario({
 *   model: 'adler', parameters: { delta: Math.SQRT2, V: 1, phi0: 0 }, method: 'simulate',
 *   times: { start: 0, stop: 2 * Math.PI, count: 2 }, observables: { slips: 'phiABUnwrapped' },
 * });
 * const model = modelCatalog.adler.build(scenario.parameters, {});
 * const { observables } = await computeSimulation(scenario, { kind: 'stochastic', model });
 * observables.slips.final.re; // ≈ 6.282 — E[φ_AB] at times.stop: 2π up to the step error
 */
export function computeSimulation(
  scenario: SimulationScenario,
  built: ClassicalModel,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<SimulationOutcome> {
  const times = timeGridValues(scenario.times);
  const names = Object.keys(scenario.observables);
  const m = times.length;
  const stats = names.map(() => ({ re: new Float64Array(m), im: new Float64Array(m), std: new Float64Array(m), count: 0, complex: false, unit: '' }));
  let frames: ChunkedObservable<Frame>;
  let info: SimulationInfo;
  try {
    if (built.kind === 'stochastic') {
      const sde = scenario.sde ?? { method: built.model.defaultMethod, step: built.model.defaultDt };
      const noiseSeed = scenario.noiseSeed ?? 1;
      frames = built.model.simulate(times, { method: sde.method, dt: sde.step, noiseSeed });
      info = { times: Array.from(times), integrator: sde.method, step: sde.step, noiseSeed, realizations: built.model.realizations };
    } else {
      const tol = scenario.tolerances ?? { rtol: 1e-10, atol: 1e-12 };
      frames = built.model.simulate(times, { rtol: tol.rtol, atol: tol.atol });
      info = { times: Array.from(times), integrator: 'dormand-prince', rtol: tol.rtol, atol: tol.atol };
    }
  } catch (e) {
    return Promise.reject(new NumericalError('simulation', e));
  }

  let k = 0;
  const record = (frame: Frame): void => {
    names.forEach((name, i) => {
      const channel = frame.channels[scenario.observables[name]];
      if (channel === undefined) throw new NumericalError('simulation', `channel '${scenario.observables[name]}' is missing from the frame at t = ${frame.t}`);
      const s = stats[i];
      summarize(channel, s, k);
      if (!Number.isFinite(s.re[k]) || !Number.isFinite(s.im[k]) || !Number.isFinite(s.std[k])) {
        throw new NumericalError(
          'simulation',
          `channel '${scenario.observables[name]}' (observable '${name}') is not finite at t = ${frame.t}: mean ${s.re[k]} + ${s.im[k]}i, std ${s.std[k]}`,
        );
      }
    });
    k++;
  };

  return new Promise<SimulationOutcome>((resolve, reject) => {
    // An error thrown in tap ends the stream (unsubscribing the integrator) and arrives in error().
    frames.withProgress().pipe(tapProgress(({ done, total }) => onProgress(done, total)), tap(record)).subscribe({
      error(e) {
        reject(e instanceof NumericalError ? e : new NumericalError('simulation', e));
      },
      complete() {
        if (k !== m) {
          reject(new NumericalError('simulation', `the integrator stopped after ${k} of ${m} output times`));
          return;
        }
        const observables: Record<string, ChannelSeries> = {};
        names.forEach((name, i) => {
          const s = stats[i];
          observables[name] = {
            channel: scenario.observables[name],
            kind: s.complex ? 'complex' : 'real',
            ...(s.unit !== '' ? { unit: s.unit } : {}),
            count: s.count,
            re: Array.from(s.re),
            im: Array.from(s.im),
            std: Array.from(s.std),
            final: { re: s.re[m - 1], im: s.im[m - 1] },
          };
        });
        resolve({ info, observables });
      },
    });
  });
}

interface Stats {
  re: Float64Array;
  im: Float64Array;
  std: Float64Array;
  count: number;
  complex: boolean;
  unit: string;
}

/** Mean (re, im) and population standard deviation of a channel's entries, into slot k. */
function summarize(c: Channel, s: Stats, k: number): void {
  s.unit = c.unit ?? '';
  if (c.kind === 'real') {
    s.re[k] = c.value;
    s.count = 1;
    return;
  }
  if (c.kind === 'complex') {
    s.re[k] = c.re;
    s.im[k] = c.im;
    s.complex = true;
    s.count = 1;
    return;
  }
  const d = c.data;
  if (c.complex) {
    const n = d.length / 2;
    let sr = 0;
    let si = 0;
    for (let j = 0; j < 2 * n; j += 2) {
      sr += d[j];
      si += d[j + 1];
    }
    const mr = sr / n;
    const mi = si / n;
    let ss = 0;
    for (let j = 0; j < 2 * n; j += 2) ss += (d[j] - mr) ** 2 + (d[j + 1] - mi) ** 2;
    s.re[k] = mr;
    s.im[k] = mi;
    s.std[k] = Math.sqrt(ss / n);
    s.complex = true;
    s.count = n;
    return;
  }
  const n = d.length;
  let sum = 0;
  for (let j = 0; j < n; j++) sum += d[j];
  const mean = sum / n;
  let ss = 0;
  for (let j = 0; j < n; j++) ss += (d[j] - mean) ** 2;
  s.re[k] = mean;
  s.std[k] = Math.sqrt(ss / n);
  s.count = n;
}

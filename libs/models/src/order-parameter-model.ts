import { complexChannel, realChannel, type Channel, type ChunkedObservable, type Frame } from '@qsync/frames';
import type { OdeRhs } from '@qsync/integrators';
import type { Complex } from '@qsync/linalg';
import { createOdeModel } from './create-ode-model';
import { orderParameterModulus } from './order-parameter-modulus';

/** Options of {@link OrderParameterModel.simulate}. */
export interface OrderParameterSimulationConfig {
  /** z at times[0] (default: the model's r0·e^{iψ0}) */
  z0?: Complex;
  /** Dormand–Prince tolerances (defaults 1e-10, 1e-12: the ODE is two-dimensional, accuracy is cheap) */
  rtol?: number;
  atol?: number;
  /** wall-clock budget (ms) of one slice of work before yielding to the event loop (default 16) */
  yieldEvery?: number;
}

/**
 * A deterministic equation for the Kuramoto order parameter, ż = (a + iω) z − b|z|²z
 * (Ott–Antonsen Eq. 2.43, reduced Eq. 2.51): the right-hand side on z = [Re z, Im z], its closed
 * form, and a stream of frames with channels `z` (complex) and `r` = |z| (real).
 */
export interface OrderParameterModel {
  /** the thesis equation, e.g. '2.43' */
  readonly equation: string;
  /** resolved parameters (defaults filled in) */
  readonly parameters: Readonly<Record<string, number>>;
  /** linear rate a of ż = (a + iω) z − b|z|²z */
  readonly gain: number;
  /** cubic rate b */
  readonly saturation: number;
  /** rotation frequency ω */
  readonly frequency: number;
  /** the stable stationary |z|: √(a/b) for a > 0, else 0 */
  readonly steadyModulus: number;
  /** f(z) as `rhs(out, y)` on y = [Re z, Im z] */
  readonly rhs: OdeRhs;
  /** the model's initial z = r0 e^{iψ0} as [Re z, Im z] */
  initialState(): Float64Array;
  /** z(t) in closed form from z(0) = z0 (default: the model's initial z) */
  exact(t: number, z0?: Complex): Complex;
  /** channels `z` and `r` of the state y = [Re z, Im z] */
  observe(t: number, y: Float64Array): Record<string, Channel>;
  /** integrates with Dormand–Prince and emits a frame per time in `times` (the first is the initial time) */
  simulate(times: ArrayLike<number>, config?: OrderParameterSimulationConfig): ChunkedObservable<Frame>;
}

/** What distinguishes one order-parameter equation from another. */
export interface OrderParameterSpec {
  readonly fn: string;
  readonly equation: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly gain: number;
  readonly saturation: number;
  readonly frequency: number;
  readonly r0: number;
  readonly psi0: number;
}

/** Builds an {@link OrderParameterModel} from its rates (internal to the Kuramoto models). */
export function createOrderParameterModel(spec: OrderParameterSpec): OrderParameterModel {
  const { fn, gain: a, saturation: b, frequency: w } = spec;
  const rhs: OdeRhs = (out, y) => {
    const re = y[0];
    const im = y[1];
    const g = a - b * (re * re + im * im);
    out[0] = g * re - w * im;
    out[1] = g * im + w * re;
  };
  const initial: Complex = { re: spec.r0 * Math.cos(spec.psi0), im: spec.r0 * Math.sin(spec.psi0) };
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => ({
    z: complexChannel(y[0], y[1]),
    r: realChannel(Math.hypot(y[0], y[1])),
  });
  const exact = (t: number, z0: Complex = initial): Complex => {
    assertComplex(fn, 'z0', z0);
    const r0 = Math.hypot(z0.re, z0.im);
    const r = orderParameterModulus(t, a, b, r0);
    const psi = Math.atan2(z0.im, z0.re) + w * t;
    return { re: r * Math.cos(psi), im: r * Math.sin(psi) };
  };
  // the integration (checks of times and tolerances, chunked Dormand–Prince) is the OdeModel's
  const ode = createOdeModel({ fn, equation: spec.equation, parameters: spec.parameters, rhs, y0: new Float64Array([initial.re, initial.im]), observe });
  const simulate = (times: ArrayLike<number>, config: OrderParameterSimulationConfig = {}): ChunkedObservable<Frame> => {
    const { z0: given, ...rest } = config;
    const z0 = given ?? initial;
    assertComplex(fn, 'z0', z0);
    return ode.simulate(times, { ...rest, y0: [z0.re, z0.im] });
  };
  return {
    equation: spec.equation,
    parameters: spec.parameters,
    gain: a,
    saturation: b,
    frequency: w,
    steadyModulus: a > 0 && b > 0 ? Math.sqrt(a / b) : 0,
    rhs,
    initialState: ode.initialState,
    exact,
    observe,
    simulate,
  };
}

function assertComplex(fn: string, name: string, z: Complex): void {
  if (z === null || typeof z !== 'object' || !Number.isFinite(z.re) || !Number.isFinite(z.im)) {
    throw new Error(`${fn}: option '${name}' must be a complex number { re, im } with finite parts`);
  }
}

import { complexChannel, realChannel, type Channel } from '@qsync/frames';
import { compileMeanFieldRhs, steadyState, type MeanFieldMasterEquation, type OdeRhs } from '@qsync/integrators';
import { coherentKet, pureState, type DensityMatrix, type Operator, type Space } from '@qsync/operators';
import { createOdeModel, type OdeModel } from './create-ode-model';
import { resolveParameters, type ParameterTable } from './parameters';
import { quantumVanDerPol, quantumVanDerPolParameters, type QuantumVanDerPolConfig } from './quantum-van-der-pol';

/** Parameters of the mean-field equation (4.19) of a network of quantum vdP oscillators. */
export interface QuantumVanDerPolMeanFieldConfig extends Pick<QuantumVanDerPolConfig, 'cutoff' | 'kappa1' | 'kappa2'> {
  /** Coupling V ≥ 0 of the network (4.18). */
  V: number;
  /** Amplitude α0 ≥ 0 of the coherent initial state |α0⟩ (default 0.1: a small perturbation of the incoherent state). */
  alpha0?: number;
}

/** The parameter table of {@link quantumVanDerPolMeanField}. */
export const quantumVanDerPolMeanFieldParameters: ParameterTable = {
  // the oscillator's own parameters are those of Eq. (4.1)
  cutoff: quantumVanDerPolParameters.cutoff,
  kappa1: quantumVanDerPolParameters.kappa1,
  kappa2: quantumVanDerPolParameters.kappa2,
  V: { description: 'coupling V of the network (Eq. 4.18)', min: 0 },
  alpha0: { description: 'amplitude α0 of the coherent initial state', min: 0, default: 0.1 },
};

/**
 * The mean-field vdP oscillator as an ODE on y = ρ (the n×n density matrix, row-major interleaved,
 * 2n² numbers), with channels `A` = Tr[aρ] (complex), `absA` = |A| (the order parameter), `n` = ⟨a†a⟩
 * and `trace`.
 */
export interface QuantumVanDerPolMeanField extends OdeModel {
  readonly space: Space;
  readonly operators: { readonly a: Operator; readonly adag: Operator; readonly n: Operator };
  /** The nonlinear master equation for the integrators of @qsync/integrators (`meanFieldStability`, …). */
  readonly meanField: MeanFieldMasterEquation;
  /** The incoherent state A = 0 (H_mf = 0): the steady state of the linear part, a stationary state at every V. */
  incoherentState(): DensityMatrix;
  /** A state vector y (as `simulate` integrates it) as a density matrix (a view, not a copy). */
  densityMatrix(y: Float64Array): DensityMatrix;
}

/**
 * The mean-field equation of the network (4.18) for N → ∞, thesis Eqs. (4.19–4.20): one oscillator
 * driven by the mean amplitude A = Tr[aρ] of all others,
 * ρ̇ = (κ1 D[a†] + κ2 D[a²] + V D[a])ρ − i[H_mf(ρ), ρ],  H_mf = (iV/2)(A a† − A* a).
 * The factor ½ is what the partial trace of (V/N)Σ_{i<j} D[a_i − a_j] leaves (the cross terms give
 * ½[A a† − A* a, ρ] per partner); Eq. 4.20 as printed omits it, which would contradict the quantum limit
 * Vc = 10κ2/3 the text quotes (see the README). Frames carry `A`, `absA`, `n`, `trace`.
 *
 * @throws Error naming the parameter when one is out of range, or `alpha0` when |α0⟩ does not fit the cutoff
 * @example
 * const mf = quantumVanDerPolMeanField({ cutoff: 10, kappa1: 1, kappa2: 1, V: 8, alpha0: 0.1 });
 * const frames = await lastValueFrom(mf.simulate([0, 40]).pipe(toArray()));
 * channelValue(frames[1], 'absA', 'real').value; // ≈ 0.5619 — the synchronized state (Vc ≈ 3.19κ1)
 */
export function quantumVanDerPolMeanField(config: QuantumVanDerPolMeanFieldConfig): QuantumVanDerPolMeanField {
  const fn = 'quantumVanDerPolMeanField';
  const p = resolveParameters(fn, quantumVanDerPolMeanFieldParameters, config as unknown as Record<string, unknown>);
  // the linear part κ1 D[a†] + κ2 D[a²] + V D[a] is the single oscillator (4.1) at ω = 0 with loss κ = V
  const oscillator = quantumVanDerPol({ cutoff: p.cutoff, kappa1: p.kappa1, kappa2: p.kappa2, kappa: p.V });
  const { space, lindbladian: l0 } = oscillator;
  const { a, adag, n: number } = oscillator.operators;
  const n = p.cutoff;
  const meanField: MeanFieldMasterEquation = { lindbladian: l0, terms: [{ c: { re: 0, im: p.V / 2 }, x: a, y: adag }] };
  const compiled = compileMeanFieldRhs(meanField);
  const rhs: OdeRhs = (out, y) => compiled.applyInto(out, y);

  // |α0⟩ truncated: refuse an amplitude whose norm does not fit the cutoff (more than 1e-6 lost)
  const ket = coherentKet(space, { re: p.alpha0, im: 0 });
  let norm2 = 0;
  for (let k = 0; k < ket.data.length; k++) norm2 += ket.data[k] * ket.data[k];
  if (!(Math.abs(1 - norm2) <= 1e-6)) {
    throw new Error(`${fn}: parameter 'alpha0' = ${p.alpha0} does not fit cutoff ${n}: |α0⟩ loses ${(1 - norm2).toExponential(2)} of its norm (raise 'cutoff')`);
  }
  const y0 = pureState({ dims: ket.dims, data: ket.data.map((v) => v / Math.sqrt(norm2)) }).matrix.data;

  const observe = (_t: number, y: Float64Array): Record<string, Channel> => {
    let ar = 0;
    let ai = 0;
    let occupation = 0;
    let trace = 0;
    for (let i = 0; i < n; i++) {
      trace += y[2 * (i * n + i)];
      occupation += i * y[2 * (i * n + i)];
      // Tr[aρ] = Σ_i √(i+1) ρ_{i+1,i}
      if (i + 1 < n) {
        ar += Math.sqrt(i + 1) * y[2 * ((i + 1) * n + i)];
        ai += Math.sqrt(i + 1) * y[2 * ((i + 1) * n + i) + 1];
      }
    }
    return {
      A: complexChannel(ar, ai),
      absA: realChannel(Math.hypot(ar, ai)),
      n: realChannel(occupation),
      trace: realChannel(trace),
    };
  };
  const model = createOdeModel({ fn, equation: '4.19', parameters: Object.freeze({ ...p }), rhs, y0, observe });
  return {
    ...model,
    space,
    operators: { a, adag, n: number },
    meanField,
    incoherentState: () => steadyState(l0).rho,
    densityMatrix: (y) => {
      if (!(y instanceof Float64Array) || y.length !== 2 * n * n) {
        throw new Error(`${fn}: densityMatrix: 'y' must be a Float64Array of length ${2 * n * n}`);
      }
      return { dims: [n], matrix: { rows: n, cols: n, data: y } };
    },
  };
}

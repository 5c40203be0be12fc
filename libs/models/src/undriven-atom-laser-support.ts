// Shared pieces of the laser with Nd driven and Nud undriven atoms, thesis Eq. (7.1) (internal to
// the library): the parameter specs its representations share, and the check of an initial spin.

import type { ParameterSpec } from './parameters';

/** The rate parameters of (7.1) as every representation names them. */
export const undrivenAtomLaserRates: Readonly<Record<'gammaPlus' | 'gammaMinus' | 'gammaZ', ParameterSpec>> = {
  gammaPlus: { description: 'incoherent drive (repumping) rate γ+ of each driven atom', min: 0 },
  gammaMinus: { description: 'spontaneous-emission rate γ− of each atom', min: 0, default: 0 },
  gammaZ: { description: 'dephasing rate γz of each atom, (γz/2)D[σz]', min: 0, default: 0 },
};

/** The cavity parameters of (7.1) and (7.18). */
export const undrivenAtomLaserCavity: Readonly<Record<'Omega' | 'kappa' | 'detuning', ParameterSpec>> = {
  Omega: { description: 'atom–cavity coupling Ω of Ω(a†S− + aS+)', min: 0 },
  kappa: { description: 'cavity loss rate κ, the rate of D[a]', min: 0, exclusiveMin: true },
  detuning: { description: 'cavity–atom detuning ωc − ωs of Eq. (7.18), H ∋ (ωc − ωs)a†a', default: 0 },
};

/**
 * Throws unless (s+, s_z) is a Bloch vector, |s+|² ≤ (1 − s_z²)/4 (4|s+|² + s_z² ≤ 1 is the
 * purity of one spin), naming the two parameters.
 */
export function assertBlochVector(fn: string, plusName: string, plus: number, zName: string, z: number): void {
  if (4 * plus * plus + z * z > 1 + 1e-12) {
    throw new Error(`${fn}: the initial state is no spin state: it needs 4·${plusName}² + ${zName}² ≤ 1, got ${plusName} = ${plus}, ${zName} = ${z}`);
  }
}

/** s_z of the pure state with coherence s+ on the lower hemisphere: −√(1 − 4|s+|²) (a small tilt of |0⟩). */
export function lowerPureSz(plus: unknown): number | undefined {
  return typeof plus === 'number' && Number.isFinite(plus) && 4 * plus * plus <= 1 ? -Math.sqrt(1 - 4 * plus * plus) : undefined;
}

/** The initial-spin parameters of the mean-field representations (7.3), (7.4): a small tilt of |0⟩ by default. */
export const undrivenAtomLaserInitialSpins: Readonly<Record<string, ParameterSpec>> = {
  sPlusDrivenInitial: { description: 'initial s+_d = ⟨σ+_d⟩ (real) of the driven atoms', min: -0.5, max: 0.5, default: 0.01 },
  sPlusUndrivenInitial: { description: 'initial s+_ud = ⟨σ+_ud⟩ (real) of the undriven atoms', min: -0.5, max: 0.5, default: 0.01 },
  // the table's default is the pure state of the default s+; from code an omitted s_z is the pure
  // state of the s+ given (withPureDefaults)
  szDrivenInitial: { description: 'initial s^z_d (default −√(1 − 4(s+_d)²): a pure state near |0⟩)', min: -1, max: 1, default: -Math.sqrt(1 - 4e-4) },
  szUndrivenInitial: { description: 'initial s^z_ud (default −√(1 − 4(s+_ud)²): a pure state near |0⟩)', min: -1, max: 1, default: -Math.sqrt(1 - 4e-4) },
  // a real initial state stays real and cannot pick one of the two traveling waves ±ω
  undrivenPhaseInitial: { description: 'initial phase of s+_ud relative to s+_d (rad; 0 keeps the state real, which cannot break the ±ω symmetry)', min: -Math.PI, max: Math.PI, default: 0.1 },
};

/** Fills the default initial s_z's (pure states near |0⟩) before the table is checked. */
export function withPureDefaults(given: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (given === null || typeof given !== 'object' || Array.isArray(given)) return given as Record<string, unknown>;
  const out: Record<string, unknown> = { ...given };
  const d = lowerPureSz(out.sPlusDrivenInitial ?? undrivenAtomLaserInitialSpins.sPlusDrivenInitial.default);
  const u = lowerPureSz(out.sPlusUndrivenInitial ?? undrivenAtomLaserInitialSpins.sPlusUndrivenInitial.default);
  if (out.szDrivenInitial === undefined && d !== undefined) out.szDrivenInitial = d;
  if (out.szUndrivenInitial === undefined && u !== undefined) out.szUndrivenInitial = u;
  return out;
}

/**
 * The rotation frequency of the average coherence s+ = p_d s+_d + p_ud s+_ud, ω = d arg(s+)/dt =
 * Im[ṡ+ conj(s+)]/|s+|², from the state y and its derivative dy (both [Re s+_d, Im s+_d, Re s+_ud,
 * Im s+_ud, …]); 0 where s+ = 0. A component e^{iωt} of s+ (and of a†) is a spectral peak at +ω
 * in the e^{−iωτ} convention of (7.15) and `regressionSpectrum`.
 */
export function coherenceFrequency(y: ArrayLike<number>, dy: ArrayLike<number>, pd: number): number {
  const pu = 1 - pd;
  const re = pd * y[0] + pu * y[2];
  const im = pd * y[1] + pu * y[3];
  const dre = pd * dy[0] + pu * dy[2];
  const dim = pd * dy[1] + pu * dy[3];
  const m2 = re * re + im * im;
  return m2 > 0 ? (dim * re - dre * im) / m2 : 0;
}

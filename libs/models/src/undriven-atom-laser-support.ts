// Shared pieces of the laser with Nd driven and Nud undriven atoms, thesis Eq. (7.1) (internal to
// the library): the parameter specs its representations share and the coherence's frequency.

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
 * The initial-spin parameters of the mean-field representations (7.3), (7.4): each kind's Bloch
 * vector by its polar angle θ from |0⟩ and a common length r, s+ = (r/2) sin θ (real for the
 * driven atoms, turned by `undrivenPhaseInitial` for the undriven), s^z = −r cos θ. r = 1 (the
 * default) is a pure state for every θ, so a start that is pure stays pure whatever is given; the
 * default θ = 0.02 is a small tilt of |0⟩ (s+ ≈ 0.01).
 */
export const undrivenAtomLaserInitialSpins: Readonly<Record<string, ParameterSpec>> = {
  thetaDrivenInitial: { description: 'initial polar angle θ_d of the driven atoms from |0⟩ (rad): s+_d = (r/2) sin θ_d, s^z_d = −r cos θ_d', min: 0, max: Math.PI, default: 0.02 },
  thetaUndrivenInitial: { description: 'initial polar angle θ_ud of the undriven atoms from |0⟩ (rad): |s+_ud| = (r/2) sin θ_ud, s^z_ud = −r cos θ_ud', min: 0, max: Math.PI, default: 0.02 },
  blochRadiusInitial: { description: 'initial length r of both kinds\' Bloch vectors (1: pure states, 0: fully mixed)', min: 0, max: 1, default: 1 },
  // a real initial state stays real and cannot pick one of the two traveling waves ±ω
  undrivenPhaseInitial: { description: 'initial phase of s+_ud relative to s+_d (rad; 0 keeps the state real, which cannot break the ±ω symmetry)', min: -Math.PI, max: Math.PI, default: 0.1 },
};

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

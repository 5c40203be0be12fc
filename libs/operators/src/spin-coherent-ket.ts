import { assertFinite, assertSpace } from './assert';
import type { Space } from './space';
import type { Ket } from './state';

/**
 * The spin-coherent state |θ, φ⟩ of a spin-1/2 or spin-1, in closed form:
 * - spin-1/2, thesis Eq. (4.31): exp(−iφσz/2) exp(−iθσy/2)|1⟩
 *   = e^{iφ/2} sin(θ/2)|0⟩ + e^{−iφ/2} cos(θ/2)|1⟩;
 * - spin-1, thesis Eq. (5.4): exp(−iφSz) exp(−iθSy)|2⟩
 *   = e^{iφ}(1 − cos θ)/2 |0⟩ + sin θ/√2 |1⟩ + e^{−iφ}(1 + cos θ)/2 |2⟩.
 * θ = 0 is the top level (|1⟩, resp. |2⟩), θ = π the bottom level |0⟩.
 *
 * @param space - a spin-1/2 or spin-1 space
 * @param theta - polar angle θ in radians (finite)
 * @param phi - azimuthal angle φ in radians (finite)
 * @example
 * spinCoherentKet(spinHalfSpace(), Math.PI / 2, 0).data; // [Math.SQRT1_2, 0, Math.SQRT1_2, 0]
 */
export function spinCoherentKet(space: Space, theta: number, phi: number): Ket {
  const fn = 'spinCoherentKet';
  assertSpace(fn, 'space', space, ['spin-1/2', 'spin-1']);
  assertFinite(fn, 'theta', theta);
  assertFinite(fn, 'phi', phi);
  const c = Math.cos(theta);
  const s = Math.sin(theta);
  if (space.kind === 'spin-1/2') {
    const lo = Math.sin(theta / 2);
    const hi = Math.cos(theta / 2);
    const h = phi / 2;
    return {
      dims: space.dims,
      data: Float64Array.of(lo * Math.cos(h), lo * Math.sin(h), hi * Math.cos(h), -hi * Math.sin(h)),
    };
  }
  const lo = (1 - c) / 2;
  const hi = (1 + c) / 2;
  return {
    dims: space.dims,
    data: Float64Array.of(lo * Math.cos(phi), lo * Math.sin(phi), s / Math.SQRT2, 0, hi * Math.cos(phi), -hi * Math.sin(phi)),
  };
}

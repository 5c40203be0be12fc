/**
 * The N-spin tensor-product counterparts of the permutation-invariant objects, for the specs
 * (not exported from the library entry): collective operators Σ_i o_i built with `embed` and
 * `collective`, and a random permutation-invariant state.
 */
import type { Rng } from '@qsync/linalg';
import { scaled } from '../algebra';
import { collective } from '../collective';
import type { DickeSpace } from '../dicke-space';
import type { DickeState } from '../dicke-state';
import { embed } from '../embed';
import type { Operator } from '../operator';
import { spinHalfSpace, tensorSpace, type Space } from '../space';
import { sigmaMinus, sigmaPlus, sigmaX, sigmaY, sigmaZ } from '../spin-half-operators';

/** The space of N spins-1/2 and their collective S+, S−, Sz = ½Σσz, Sx = ½Σσx, Sy = ½Σσy. */
export function tensorSpins(n: number): {
  space: Space;
  local: (which: 'plus' | 'minus' | 'z', i: number) => Operator;
  Sp: Operator;
  Sm: Operator;
  Sz: Operator;
  Sx: Operator;
  Sy: Operator;
} {
  const one = spinHalfSpace();
  const space = tensorSpace(...Array.from({ length: n }, () => one));
  const sum = (f: (s: Space) => Operator, c = 1) =>
    scaled(collective(Array.from({ length: n }, (_, i) => embed(f(one), space, i))), c);
  const single = { plus: sigmaPlus, minus: sigmaMinus, z: sigmaZ };
  return {
    space,
    local: (which, i) => embed(single[which](one), space, i),
    Sp: sum(sigmaPlus),
    Sm: sum(sigmaMinus),
    Sz: sum(sigmaZ, 0.5),
    Sx: sum(sigmaX, 0.5),
    Sy: sum(sigmaY, 0.5),
  };
}

/** A random permutation-invariant state: each block G_j G_j† (positive), scaled to unit trace. */
export function randomDickeState(rng: Rng, space: DickeSpace): DickeState {
  const data = new Float64Array(2 * space.size);
  let trace = 0;
  for (let b = 0; b < space.blocks; b++) {
    const d = 2 * space.j[b] + 1;
    const g = new Float64Array(2 * d * d);
    rng.fillGaussianInto(g);
    const o = space.vecOffset[b];
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        let re = 0;
        let im = 0;
        for (let k = 0; k < d; k++) {
          const ar = g[2 * (r * d + k)];
          const ai = g[2 * (r * d + k) + 1];
          const br = g[2 * (c * d + k)];
          const bi = -g[2 * (c * d + k) + 1];
          re += ar * br - ai * bi;
          im += ar * bi + ai * br;
        }
        data[2 * (o + r * d + c)] = re;
        data[2 * (o + r * d + c) + 1] = im;
        if (r === c) trace += re;
      }
    }
  }
  for (let k = 0; k < data.length; k++) data[k] /= trace;
  return { space, data };
}

import { csrAdd, csrAdjoint, csrHermitianDefect, csrMatmul, csrNormFrobenius, csrScale, csrZeros } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import { assertOperator, dimsString, sameDims } from './assert';
import type { Operator } from './operator';

/**
 * One dissipative term rate·D[jump]ρ of a master equation, thesis Eq. (3.8), or, when
 * `jump2` is given, the cross dissipator of thesis Eq. (6.3):
 * rate·D[o1, o2]ρ = rate·(o1 ρ o2† − (o2†o1 ρ + ρ o2†o1)/2), o1 = jump, o2 = jump2.
 */
export interface Dissipator {
  /** Rate (1/time). ≥ 0 for an ordinary dissipator; a cross dissipator's rate may be negative (V+ in Ch. 6). */
  readonly rate: number;
  /** The jump operator J (o1 for a cross dissipator). */
  readonly jump: Operator;
  /** The second operator o2 of a cross dissipator D[jump, jump2]; omitted for D[jump]. */
  readonly jump2?: Operator;
}

/** One sandwich term rate·A ρ B of the normal form of a {@link Lindbladian}. */
export interface Sandwich {
  /** The rate of the dissipator it came from. */
  readonly rate: number;
  /** A = o1 (the jump operator). */
  readonly left: CsrMatrix;
  /** B = o2† (the adjoint of jump2, or of jump for an ordinary dissipator). */
  readonly right: CsrMatrix;
}

/**
 * A Lindblad generator (Liouvillian) ρ̇ = Lρ = −i[H, ρ] + Σ_k rate_k D[o1_k, o2_k]ρ, thesis
 * Eq. (3.8), stored both as given and in the normal form the solvers use:
 * Lρ = left·ρ + ρ·right + Σ_k rate_k A_k ρ B_k.
 */
export interface Lindbladian {
  /** Dimension of each tensor factor. */
  readonly dims: readonly number[];
  /** The Hamiltonian H (Hermitian). */
  readonly hamiltonian: Operator;
  /** The dissipators as given. */
  readonly dissipators: readonly Dissipator[];
  /** left = −iH − ½ Σ_k rate_k o2_k† o1_k. */
  readonly left: CsrMatrix;
  /** right = +iH − ½ Σ_k rate_k o2_k† o1_k. */
  readonly right: CsrMatrix;
  /** The terms rate_k A_k ρ B_k with A_k = o1_k, B_k = o2_k†. */
  readonly sandwiches: readonly Sandwich[];
}

/** Relative tolerance of the Hermiticity check on H: ‖H − H†‖_max ≤ 1e-12·max(1, ‖H‖_F). */
const HERMITIAN_TOL = 1e-12;

/**
 * Assembles a Lindbladian from a Hamiltonian and dissipators, thesis Eq. (3.8) with the
 * cross dissipators of Eq. (6.3), after validating the input:
 * every rate finite; rate ≥ 0 unless `jump2` is given; H Hermitian
 * (max_ij |H_ij − conj H_ji| ≤ 1e-12·max(1, ‖H‖_F)); all operators with the dims of H.
 *
 * @param hamiltonian - H (energy in units of ħ·rate, i.e. angular frequency)
 * @param dissipators - the dissipative terms (possibly none)
 * @example
 * // quantum van der Pol oscillator, thesis Eq. (4.1), ω = 1, κ1 = 3, κ2 = 1, κ = 1
 * const f = fockSpace(20);
 * const a = destroy(f);
 * const l = lindbladian(num(f), [
 *   { rate: 3, jump: create(f) },
 *   { rate: 1, jump: power(a, 2) },
 *   { rate: 1, jump: a },
 * ]);
 * l.sandwiches.length; // 3
 */
export function lindbladian(hamiltonian: Operator, dissipators: readonly Dissipator[]): Lindbladian {
  const fn = 'lindbladian';
  assertOperator(fn, 'hamiltonian', hamiltonian);
  if (!Array.isArray(dissipators)) {
    throw new Error(`${fn}: argument 'dissipators' must be an array of {rate, jump, jump2?}, got ${String(dissipators)}`);
  }
  const h = hamiltonian.matrix;
  const defect = csrHermitianDefect(h);
  if (!(defect <= HERMITIAN_TOL * Math.max(1, csrNormFrobenius(h)))) {
    throw new Error(`${fn}: hamiltonian is not Hermitian: max |H_ij − conj H_ji| = ${defect}`);
  }
  const dims = hamiltonian.dims;
  const checkDims = (name: string, op: Operator): void => {
    assertOperator(fn, name, op);
    if (!sameDims(op.dims, dims)) {
      throw new Error(
        `${fn}: ${name} has dims ${dimsString(op.dims)} but the hamiltonian has dims ${dimsString(dims)}; they must be equal`,
      );
    }
  };
  const n = h.rows;
  let decay: CsrMatrix = csrZeros(n, n); // Σ_k rate_k o2_k† o1_k
  const sandwiches: Sandwich[] = [];
  dissipators.forEach((d, k) => {
    const rate: unknown = d?.rate;
    if (typeof rate !== 'number' || !Number.isFinite(rate)) {
      throw new Error(`${fn}: dissipators[${k}].rate must be a finite number, got ${String(rate)}`);
    }
    checkDims(`dissipators[${k}].jump`, d.jump);
    if (d.jump2 === undefined) {
      if (rate < 0) {
        throw new Error(
          `${fn}: dissipators[${k}].rate must be ≥ 0 for an ordinary dissipator D[J], got ${rate} ` +
            `(only a cross dissipator with jump2 may have a negative rate)`,
        );
      }
    } else {
      checkDims(`dissipators[${k}].jump2`, d.jump2);
    }
    const o1 = d.jump.matrix;
    const o2dag = csrAdjoint((d.jump2 ?? d.jump).matrix);
    decay = csrAdd(decay, csrMatmul(o2dag, o1), { re: 1, im: 0 }, { re: rate, im: 0 });
    sandwiches.push({ rate, left: o1, right: o2dag });
  });
  const half = { re: -0.5, im: 0 };
  return {
    dims,
    hamiltonian,
    dissipators: dissipators.map((d) => ({ ...d })),
    left: csrAdd(csrScale(h, { re: 0, im: -1 }), decay, { re: 1, im: 0 }, half),
    right: csrAdd(csrScale(h, { re: 0, im: 1 }), decay, { re: 1, im: 0 }, half),
    sandwiches,
  };
}

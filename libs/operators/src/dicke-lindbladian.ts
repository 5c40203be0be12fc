import { csrAdd, csrAdjoint, csrHermitianDefect, csrMatmul, csrNormFrobenius, csrScale, csrZeros } from '@qsync/linalg';
import type { CsrMatrix } from '@qsync/linalg';
import { assertDickeSpace } from './dicke-assert';
import type { DickeSpace } from './dicke-space';
import type { Dissipator, Sandwich } from './lindbladian';
import type { Operator } from './operator';

/**
 * Rates of the local processes Σ_i (γ+ D[σ+_i] + γ− D[σ−_i] + γz D[σz_i]) acting on every spin
 * alike (thesis Eq. 4.52 has γ±; σz = |1⟩⟨1| − |0⟩⟨0|, Eq. 4.24, so γz D[σz] dephases a single
 * spin's coherence at rate 2γz). All default to 0.
 */
export interface DickeLocalRates {
  /** γ+ of Σ_i D[σ+_i] (incoherent pumping, QuTiP piqs `pumping`). */
  readonly gain?: number;
  /** γ− of Σ_i D[σ−_i] (spontaneous emission, QuTiP piqs `emission`). */
  readonly loss?: number;
  /** γz of Σ_i D[σz_i] (QuTiP piqs `dephasing` is 4γz: its jump is σz/2). */
  readonly dephasing?: number;
}

/**
 * A permutation-invariant Lindblad generator on the blocks of a `DickeState`:
 * ρ̇ = −i[H, ρ] + Σ_k r_k D[A_k, B_k]ρ + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i] + γz D[σz_i])ρ with H and the
 * A_k collective (block-diagonal Dicke-basis operators such as S−, Sz, S+S−). The collective part
 * and the anticommutators of the local part (Σ_i σ+_iσ−_i = N/2 + Sz etc.) are stored in the
 * normal form of `Lindbladian` (left·ρ + ρ·right + Σ r A ρ B, block by block); the local
 * sandwiches Σ_i A_i ρ A_i†, which couple block j to j ± 1, are applied by
 * `dickeLiouvillianMatrix`.
 */
export interface DickeLindbladian {
  readonly space: DickeSpace;
  /** The collective Hamiltonian H (dims [space.dimension]). */
  readonly hamiltonian: Operator;
  /** The collective dissipators as given. */
  readonly dissipators: readonly Dissipator[];
  /** The local rates, with defaults filled in. */
  readonly local: Required<DickeLocalRates>;
  /** −iH − ½Σ_k r_k B_k A_k − ½K with K = γ−(N/2 + Sz) + γ+(N/2 − Sz) + γz·N. */
  readonly left: CsrMatrix;
  /** +iH − ½Σ_k r_k B_k A_k − ½K. */
  readonly right: CsrMatrix;
  /** The collective sandwiches r_k A_k ρ B_k (B_k = o2_k†). */
  readonly sandwiches: readonly Sandwich[];
  /**
   * True when the generator conserves m − m′ (the U(1) symmetry of thesis Sec. 4.2.3: H and
   * left/right diagonal in m, every jump a single ladder step): then the populations
   * ρ_j(m, m) form a closed block, the only one the steady state needs.
   */
  readonly u1Symmetric: boolean;
}

const HERMITIAN_TOL = 1e-12;

/**
 * Assembles a permutation-invariant Lindblad generator for N spins-1/2 (thesis Eq. 4.52 and its
 * relatives; the PIQS construction of Shammah et al. 2018): collective Hamiltonian and
 * dissipators given as Dicke-basis operators (`dickeSpin` and the operator algebra), local gain,
 * loss and dephasing by their rates. Validates: H Hermitian, every operator with dims
 * [space.dimension] and block diagonal in j (a collective operator cannot change j), rates finite
 * and ≥ 0 (a cross dissipator's rate may be negative, as in `lindbladian`).
 *
 * @param space - the Dicke space of N spins
 * @param hamiltonian - collective H, or null for none
 * @param dissipators - collective dissipators {rate, jump, jump2?}
 * @param local - rates γ+ (`gain`), γ− (`loss`), γz (`dephasing`) of the local processes
 * @example
 * // thesis Eq. (4.52): (V/N) D[S−] + Σ_i (γ+ D[σ+_i] + γ− D[σ−_i]), N = 10, V = 5, γ+ = 1, γ− = 0.1
 * const space = dickeSpace(10);
 * const l = dickeLindbladian(space, null, [{ rate: 5 / 10, jump: dickeSpin(space, '-') }], { gain: 1, loss: 0.1 });
 * l.u1Symmetric; // true
 */
export function dickeLindbladian(
  space: DickeSpace,
  hamiltonian: Operator | null,
  dissipators: readonly Dissipator[],
  local: DickeLocalRates = {},
): DickeLindbladian {
  const fn = 'dickeLindbladian';
  assertDickeSpace(fn, 'space', space);
  const n = space.dimension;
  const blockOf = new Int32Array(n);
  for (let b = 0; b < space.blocks; b++) blockOf.fill(b, space.stateOffset[b], space.stateOffset[b + 1]);
  const check = (name: string, op: unknown): CsrMatrix => {
    const o = op as Partial<Operator> | null | undefined;
    if (o == null || o.matrix == null || !Array.isArray(o.dims)) {
      throw new Error(`${fn}: ${name} must be an Operator on the Dicke space (e.g. from dickeSpin), got ${String(op)}`);
    }
    const m = o.matrix;
    if (o.dims.length !== 1 || o.dims[0] !== n || m.rows !== n || m.cols !== n) {
      throw new Error(
        `${fn}: ${name} has dims [${o.dims.join(', ')}] but the Dicke space of ${space.n} spins has ${n} states; ` +
          'build collective operators with dickeSpin(space, …)',
      );
    }
    for (let r = 0; r < n; r++) {
      for (let p = m.rowPtr[r]; p < m.rowPtr[r + 1]; p++) {
        if (blockOf[m.colIdx[p]] !== blockOf[r] && (m.data[2 * p] !== 0 || m.data[2 * p + 1] !== 0)) {
          throw new Error(
            `${fn}: ${name} couples different total spins j (entry ${r}, ${m.colIdx[p]}): ` +
              'a permutation-invariant collective operator is block diagonal in j',
          );
        }
      }
    }
    return m;
  };
  const h = hamiltonian === null ? csrZeros(n, n) : check('hamiltonian', hamiltonian);
  const defect = csrHermitianDefect(h);
  if (!(defect <= HERMITIAN_TOL * Math.max(1, csrNormFrobenius(h)))) {
    throw new Error(`${fn}: hamiltonian is not Hermitian: max |H_ij − conj H_ji| = ${defect}`);
  }
  if (!Array.isArray(dissipators)) {
    throw new Error(`${fn}: argument 'dissipators' must be an array of {rate, jump, jump2?}, got ${String(dissipators)}`);
  }
  const rate = (name: keyof DickeLocalRates): number => {
    const v: unknown = local?.[name] ?? 0;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new Error(`${fn}: local.${name} must be a finite rate ≥ 0, got ${String(v)}`);
    }
    return v;
  };
  const rates = { gain: rate('gain'), loss: rate('loss'), dephasing: rate('dephasing') };

  let decay: CsrMatrix = csrZeros(n, n);
  const sandwiches: Sandwich[] = [];
  let u1 = isDiagonal(h);
  dissipators.forEach((d, k) => {
    const r: unknown = d?.rate;
    if (typeof r !== 'number' || !Number.isFinite(r)) {
      throw new Error(`${fn}: dissipators[${k}].rate must be a finite number, got ${String(r)}`);
    }
    const o1 = check(`dissipators[${k}].jump`, d.jump);
    if (d.jump2 === undefined && r < 0) {
      throw new Error(`${fn}: dissipators[${k}].rate must be ≥ 0 for an ordinary dissipator D[J], got ${r}`);
    }
    const o2dag = csrAdjoint(d.jump2 === undefined ? o1 : check(`dissipators[${k}].jump2`, d.jump2));
    decay = csrAdd(decay, csrMatmul(o2dag, o1), { re: 1, im: 0 }, { re: r, im: 0 });
    sandwiches.push({ rate: r, left: o1, right: o2dag });
    const s1 = singleShift(o1);
    const s2 = singleShift(o2dag);
    if (s1 === null || s2 === null || s1 + s2 !== 0) u1 = false;
  });

  // Anticommutator part of the local processes: Σ_i σ+_iσ−_i = N/2 + Sz, Σ_i σ−_iσ+_i = N/2 − Sz, σz² = 1.
  const kr: number[] = [];
  const kIdx: number[] = [];
  for (let b = 0; b < space.blocks; b++) {
    const j = space.j[b];
    for (let k = 0; k <= 2 * j; k++) {
      const m = k - j;
      kIdx.push(space.stateOffset[b] + k);
      kr.push(rates.loss * (space.n / 2 + m) + rates.gain * (space.n / 2 - m) + rates.dephasing * space.n);
    }
  }
  const K: CsrMatrix = {
    rows: n,
    cols: n,
    rowPtr: Int32Array.from({ length: n + 1 }, (_, i) => i),
    colIdx: Int32Array.from(kIdx),
    data: Float64Array.from(kr.flatMap((v) => [v, 0])),
  };
  decay = csrAdd(decay, K);
  const half = { re: -0.5, im: 0 };
  const left = csrAdd(csrScale(h, { re: 0, im: -1 }), decay, { re: 1, im: 0 }, half);
  const right = csrAdd(csrScale(h, { re: 0, im: 1 }), decay, { re: 1, im: 0 }, half);
  if (!isDiagonal(left) || !isDiagonal(right)) u1 = false;
  return {
    space,
    hamiltonian: hamiltonian ?? { dims: [n], matrix: h },
    dissipators: dissipators.map((d) => ({ ...d })),
    local: rates,
    left,
    right,
    sandwiches,
    u1Symmetric: u1,
  };
}

function isDiagonal(a: CsrMatrix): boolean {
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      if (a.colIdx[p] !== r && (a.data[2 * p] !== 0 || a.data[2 * p + 1] !== 0)) return false;
    }
  }
  return true;
}

/** col − row of every nonzero entry if it is one and the same (a single ladder step), else null. */
function singleShift(a: CsrMatrix): number | null {
  let shift: number | null = null;
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      if (a.data[2 * p] === 0 && a.data[2 * p + 1] === 0) continue;
      const s = a.colIdx[p] - r;
      if (shift === null) shift = s;
      else if (shift !== s) return null;
    }
  }
  return shift ?? 0;
}

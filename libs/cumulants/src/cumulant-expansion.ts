import type { MonomialTable } from './monomial-table';

/** A moment written as Σ_j coeffs[j]·Π_{f ∈ products[j]} ⟨f⟩, each factor a monomial id of order ≤ k. */
export interface MomentExpansion {
  readonly products: readonly (readonly number[])[];
  readonly coeffs: readonly number[];
}

// Set partitions of {0, …, n−1} as restricted growth strings (block index of each element).
function* partitions(n: number): Generator<Int32Array> {
  const a = new Int32Array(n);
  const max = new Int32Array(n); // max[i] = max(a[0..i−1]) + 1, the largest block index element i may take
  for (let i = 1; i < n; i++) max[i] = 1;
  for (;;) {
    yield a;
    let i = n - 1;
    while (i > 0 && a[i] === max[i]) i--;
    if (i <= 0) return;
    a[i]++;
    for (let j = i + 1; j < n; j++) {
      a[j] = 0;
      max[j] = Math.max(max[j - 1], a[j - 1] + 1);
    }
  }
}

/**
 * The cumulant expansion of thesis Eq. (4.57)/(6.33), generalised: ⟨X⟩ of a monomial of n > k
 * atoms with its joint cumulant of order n set to zero,
 *   ⟨X⟩ = Σ_{π, |π| ≥ 2} (−1)^{|π|} (|π| − 1)! Π_{B ∈ π} ⟨X_B⟩,
 * (the moment–cumulant relation κ_n = Σ_π (−1)^{|π|−1}(|π|−1)! Π⟨X_B⟩ solved for ⟨X⟩), each block
 * product X_B keeping the atoms' order; blocks of more than k atoms are expanded in turn, so all
 * joint cumulants of order > k vanish. Memoized per monomial in `cache`.
 */
export function expandMoment(table: MonomialTable, id: number, k: number, cache: Map<number, MomentExpansion>): MomentExpansion {
  if (table.orders[id] <= k) return { products: [id === 0 ? [] : [id]], coeffs: [1] };
  const cached = cache.get(id);
  if (cached !== undefined) return cached;
  const atoms = table.atoms(id);
  const n = atoms.length / 2;
  const acc = new Map<string, { factors: number[]; coeff: number }>();
  const factorial = [1, 1, 2, 6, 24, 120, 720, 5040, 40320, 362880, 3628800, 39916800];
  if (n > factorial.length) throw new Error(`cumulant expansion: a moment of ${n} operators is beyond the supported ${factorial.length}`);
  for (const rgs of partitions(n)) {
    let blocks = 0;
    for (let j = 0; j < n; j++) blocks = Math.max(blocks, rgs[j] + 1);
    if (blocks < 2) continue;
    const weight = (blocks % 2 === 0 ? 1 : -1) * factorial[blocks - 1];
    // the product over blocks of each block's own expansion
    let terms: { factors: number[]; coeff: number }[] = [{ factors: [], coeff: weight }];
    for (let b = 0; b < blocks; b++) {
      const pick: number[] = [];
      for (let j = 0; j < n; j++) if (rgs[j] === b) pick.push(j);
      const sub = expandMoment(table, table.fromAtoms(atoms, pick), k, cache);
      const next: typeof terms = [];
      for (const t of terms) {
        for (let s = 0; s < sub.products.length; s++) {
          next.push({ factors: t.factors.concat(sub.products[s]), coeff: t.coeff * sub.coeffs[s] });
        }
      }
      terms = next;
    }
    for (const t of terms) {
      t.factors.sort((x, y) => x - y);
      const key = t.factors.join(',');
      const old = acc.get(key);
      if (old === undefined) acc.set(key, t);
      else old.coeff += t.coeff;
    }
  }
  const products: number[][] = [];
  const coeffs: number[] = [];
  for (const t of acc.values()) {
    if (t.coeff !== 0) {
      products.push(t.factors);
      coeffs.push(t.coeff);
    }
  }
  const out = { products, coeffs };
  cache.set(id, out);
  return out;
}

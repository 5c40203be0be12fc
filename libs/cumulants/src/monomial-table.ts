// Interned operator monomials: a product of one normal-ordered factor per site, stored as the
// sorted site indices and one integer code per site, keyed by a short string. Products, adjoints
// and the atoms of the cumulant expansion work on these integer codes, never on object trees.

/** One site of an operator algebra: a bosonic mode (a, a†) or a spin-1/2 (σ+, σ−, σz). */
export interface SiteSpec {
  /** 'boson': [a, a†] = 1; 'spin': a two-level system in the basis of thesis Eq. (4.24). */
  readonly kind: 'boson' | 'spin';
  /** Name used in text and LaTeX output (unique among the sites). */
  readonly name: string;
}

// Spin codes. σ+ = |1⟩⟨0|, σ− = |0⟩⟨1|, σz = |1⟩⟨1| − |0⟩⟨0| (thesis 4.24, as @qsync/operators).
export const SIGMA_PLUS = 1;
export const SIGMA_MINUS = 2;
export const SIGMA_Z = 3;
// Products kept in a table's cache at most (about 100 MB); beyond, the cache starts afresh.
const MAX_CACHED_PRODUCTS = 1 << 20;

// Boson code of a†^m a^n: m·BOSON_BASE + n (0 is the identity).
export const BOSON_BASE = 256;

// spinProduct[c1][c2] = [code, coefficient, …]: σ+σ− = (1 + σz)/2, σ−σ+ = (1 − σz)/2,
// σ+σz = −σ+, σzσ+ = σ+, σ−σz = σ−, σzσ− = −σ−, σzσz = 1, σ±σ± = 0.
const spinProduct: number[][][] = [
  [[0, 1], [1, 1], [2, 1], [3, 1]],
  [[1, 1], [], [0, 0.5, 3, 0.5], [1, -1]],
  [[2, 1], [0, 0.5, 3, -0.5], [], [2, 1]],
  [[3, 1], [1, 1], [2, -1], [0, 1]],
];

function binomial(n: number, k: number): number {
  let r = 1;
  for (let j = 1; j <= k; j++) r = (r * (n - k + j)) / j;
  return r;
}

// (a†^m a^n)(a†^p a^q) = Σ_k C(n,k) C(p,k) k! a†^{m+p−k} a^{n+q−k}: normal ordering by [a, a†] = 1.
function bosonProduct(c1: number, c2: number): number[] {
  const m = Math.floor(c1 / BOSON_BASE);
  const n = c1 % BOSON_BASE;
  const p = Math.floor(c2 / BOSON_BASE);
  const q = c2 % BOSON_BASE;
  const out: number[] = [];
  let fact = 1;
  for (let k = 0; k <= Math.min(n, p); k++) {
    if (k > 0) fact *= k;
    const mm = m + p - k;
    const nn = n + q - k;
    if (mm >= BOSON_BASE || nn >= BOSON_BASE) throw new Error(`operator algebra: a power of a or a† reached ${BOSON_BASE}`);
    out.push(mm * BOSON_BASE + nn, binomial(n, k) * binomial(p, k) * fact);
  }
  return out;
}

/** The result of a product of two monomials: Σ coeffs[j]·ids[j] (real coefficients). */
export interface MonomialProduct {
  readonly ids: readonly number[];
  readonly coeffs: readonly number[];
}

/** The interned monomials of one algebra. Id 0 is the identity. */
export class MonomialTable {
  readonly siteLists: (readonly number[])[] = [];
  readonly codeLists: (readonly number[])[] = [];
  readonly keys: string[] = [];
  readonly orders: number[] = [];
  readonly charges: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly adjoints: number[] = [];
  private readonly products = new Map<number, MonomialProduct>();

  constructor(readonly sites: readonly SiteSpec[]) {
    this.intern([], []);
  }

  /** The id of the monomial with these (sorted, distinct) sites and nonzero codes. */
  intern(sites: readonly number[], codes: readonly number[]): number {
    let key = '';
    for (let j = 0; j < sites.length; j++) key += (j > 0 ? ',' : '') + sites[j] + '.' + codes[j];
    const found = this.ids.get(key);
    if (found !== undefined) return found;
    const id = this.keys.length;
    let order = 0;
    let charge = 0;
    for (let j = 0; j < sites.length; j++) {
      const c = codes[j];
      if (this.sites[sites[j]].kind === 'spin') {
        order += 1;
        charge += c === SIGMA_PLUS ? 1 : c === SIGMA_MINUS ? -1 : 0;
      } else {
        const m = Math.floor(c / BOSON_BASE);
        const n = c % BOSON_BASE;
        order += m + n;
        charge += m - n;
      }
    }
    this.ids.set(key, id);
    this.keys.push(key);
    this.siteLists.push(sites.slice());
    this.codeLists.push(codes.slice());
    this.orders.push(order);
    this.charges.push(charge);
    this.adjoints.push(-1);
    return id;
  }

  /** The monomial (normal-ordered per site) of the product a·b. */
  product(a: number, b: number): MonomialProduct {
    if (a === 0) return { ids: [b], coeffs: [1] };
    if (b === 0) return { ids: [a], coeffs: [1] };
    const key = a * 0x4000000 + b; // ids stay far below 2^26 · 2^26 < 2^53
    const cached = this.products.get(key);
    if (cached !== undefined) return cached;
    if (this.products.size >= MAX_CACHED_PRODUCTS) this.products.clear();
    const sa = this.siteLists[a];
    const ca = this.codeLists[a];
    const sb = this.siteLists[b];
    const cb = this.codeLists[b];
    // Fast path: no shared site, one monomial with coefficient 1.
    let shared = false;
    for (let i = 0, j = 0; i < sa.length && j < sb.length; ) {
      if (sa[i] === sb[j]) {
        shared = true;
        break;
      }
      if (sa[i] < sb[j]) i++;
      else j++;
    }
    if (!shared) {
      const sites: number[] = [];
      const codes: number[] = [];
      let i = 0;
      let j = 0;
      while (i < sa.length || j < sb.length) {
        if (j >= sb.length || (i < sa.length && sa[i] < sb[j])) {
          sites.push(sa[i]);
          codes.push(ca[i++]);
        } else {
          sites.push(sb[j]);
          codes.push(cb[j++]);
        }
      }
      const result = { ids: [this.intern(sites, codes)], coeffs: [1] };
      this.products.set(key, result);
      return result;
    }
    // Merge the site lists; a shared site multiplies out into a short list of (code, coefficient).
    let partial: { sites: number[]; codes: number[]; coeff: number }[] = [{ sites: [], codes: [], coeff: 1 }];
    let i = 0;
    let j = 0;
    while (i < sa.length || j < sb.length) {
      if (j >= sb.length || (i < sa.length && sa[i] < sb[j])) {
        for (const t of partial) {
          t.sites.push(sa[i]);
          t.codes.push(ca[i]);
        }
        i++;
      } else if (i >= sa.length || sb[j] < sa[i]) {
        for (const t of partial) {
          t.sites.push(sb[j]);
          t.codes.push(cb[j]);
        }
        j++;
      } else {
        const site = sa[i];
        const r = this.sites[site].kind === 'spin' ? spinProduct[ca[i]][cb[j]] : bosonProduct(ca[i], cb[j]);
        if (r.length === 0) {
          partial = [];
          break;
        }
        const next: typeof partial = [];
        for (const t of partial) {
          for (let k = 0; k < r.length; k += 2) {
            const sites = t.sites.slice();
            const codes = t.codes.slice();
            if (r[k] !== 0) {
              sites.push(site);
              codes.push(r[k]);
            }
            next.push({ sites, codes, coeff: t.coeff * r[k + 1] });
          }
        }
        partial = next;
        i++;
        j++;
      }
    }
    const ids: number[] = [];
    const coeffs: number[] = [];
    for (const t of partial) {
      ids.push(this.intern(t.sites, t.codes));
      coeffs.push(t.coeff);
    }
    const result = { ids, coeffs };
    this.products.set(key, result);
    return result;
  }

  /** Forgets the cached products (they are recomputed on demand); bounds the memory of a long derivation. */
  clearProducts(): void {
    this.products.clear();
  }

  /** The id of the adjoint monomial (one monomial, coefficient 1: factors on different sites commute). */
  adjoint(id: number): number {
    const known = this.adjoints[id];
    if (known >= 0) return known;
    const sites = this.siteLists[id];
    const codes = this.codeLists[id].map((c, j) => {
      if (this.sites[sites[j]].kind === 'spin') return c === SIGMA_PLUS ? SIGMA_MINUS : c === SIGMA_MINUS ? SIGMA_PLUS : c;
      return (c % BOSON_BASE) * BOSON_BASE + Math.floor(c / BOSON_BASE);
    });
    const adj = this.intern(sites, codes);
    this.adjoints[id] = adj;
    this.adjoints[adj] = id;
    return adj;
  }

  /**
   * The single-site operators ("atoms") of a monomial in order, as [site, code] pairs: a spin
   * factor is one atom, a†^m a^n is m atoms a† followed by n atoms a (the cumulant expansion
   * treats each as one operator, thesis 4.57).
   */
  atoms(id: number): number[] {
    const out: number[] = [];
    const sites = this.siteLists[id];
    const codes = this.codeLists[id];
    for (let j = 0; j < sites.length; j++) {
      const c = codes[j];
      if (this.sites[sites[j]].kind === 'spin') out.push(sites[j], c);
      else {
        for (let k = 0; k < Math.floor(c / BOSON_BASE); k++) out.push(sites[j], BOSON_BASE);
        for (let k = 0; k < c % BOSON_BASE; k++) out.push(sites[j], 1);
      }
    }
    return out;
  }

  /** The monomial made of some atoms of atoms(id), given in their original order. */
  fromAtoms(atoms: readonly number[], pick: readonly number[]): number {
    const sites: number[] = [];
    const codes: number[] = [];
    for (const k of pick) {
      const site = atoms[2 * k];
      const code = atoms[2 * k + 1];
      const last = sites.length - 1;
      if (last >= 0 && sites[last] === site) codes[last] += code; // a boson's a† and a atoms (normal order kept)
      else {
        sites.push(site);
        codes.push(code);
      }
    }
    return this.intern(sites, codes);
  }

  /** Text (σ+_1 σz_2, a†^2_c a_c) or LaTeX of a monomial. */
  name(id: number, latex = false): string {
    const sites = this.siteLists[id];
    const codes = this.codeLists[id];
    if (sites.length === 0) return '1';
    const parts: string[] = [];
    for (let j = 0; j < sites.length; j++) {
      const s = this.sites[sites[j]];
      const c = codes[j];
      if (s.kind === 'spin') {
        const sym = c === SIGMA_PLUS ? '+' : c === SIGMA_MINUS ? '-' : 'z';
        parts.push(latex ? `\\sigma^{${sym}}_{${s.name}}` : `σ${sym === '-' ? '−' : sym}_${s.name}`);
      } else {
        const m = Math.floor(c / BOSON_BASE);
        const n = c % BOSON_BASE;
        const pow = (e: number) => (e === 1 ? '' : latex ? `^{${e}}` : `^${e}`);
        if (latex) {
          if (m > 0) parts.push(m === 1 ? `${s.name}^{\\dagger}` : `(${s.name}^{\\dagger})^{${m}}`);
          if (n > 0) parts.push(`${s.name}${pow(n)}`);
        } else {
          if (m > 0) parts.push(`${s.name}†${pow(m)}`);
          if (n > 0) parts.push(`${s.name}${pow(n)}`);
        }
      }
    }
    return parts.join(latex ? ' ' : '');
  }
}

import { assertDensity, assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { relativePhaseDistribution } from './relative-phase-distribution';

/*
 * Why the histogram of φ^m_AB = arg[I_B/I_A] (Eq. 4.15) does not approach Q(φ_AB) of Eq. (4.11).
 *
 * A current sample is the mean of I_het (Eq. 4.14) over an output step Δ. Scaled as β = √Δ·Ī it is
 * the outcome of a heterodyne measurement of the output temporal mode c = Δ^{−1/2}∫_block a_out ds,
 * a_out = √κ a + a_in (κ the rate of the watched channel, a_in the vacuum input): E|√Δ·noise|² = 1,
 * the vacuum's share of a heterodyne outcome. The outcome density of (β_A, β_B) is therefore the
 * Husimi function of the two modes c_A, c_B, Q_c = π^{−2}⟨:exp(−|c_A − β_A|² − |c_B − β_B|²):⟩.
 * Expanding it in normally ordered moments and integrating both radii (∫r²e^{−r²}dr = √π/4 against
 * ∫re^{−r²}dr = ½ per mode) and the common phase leaves, with φ = arg β_B − arg β_A,
 *   P(φ) = (1/2π)[1 + (π/2)Re(C_AB e^{−iφ})] + O(η²),  C_AB = ⟨c_A†c_B⟩ = (κ/Δ)∬_0^Δ⟨a†(s)b(s′)⟩ds ds′,
 * and C_AB → η⟨a†b⟩ with η = κΔ (times the efficiency ξ) for Δ short against the dynamics. The
 * detector noise thus flattens the histogram to uniform plus η times a first harmonic whose phase is
 * arg⟨a†b⟩, the locking phase, where Q(φ_AB) peaks; only at η = 1 would the shape be Q's own.
 *
 * If the state did not move during Δ, c = √η a + √(1 − η) v (v vacuum) would hold for the
 * normally ordered moments that the Husimi function needs (not as an operator identity: the block
 * mode's moments are time integrals): the block then measures the state after a beam splitter of
 * transmissivity η on each mode, and the law is Eq. (4.11) of that attenuated state (Q(φ_AB) itself
 * at η = 1). The channel acts on Fock elements as
 * E_k|n⟩ = √(n choose k) η^{(n−k)/2}(1 − η)^{k/2}|n − k⟩. A spin-1/2 read through σ− is the Fock
 * space {0, 1} with σ− = a (σ+ = |1⟩⟨0|), so the same form serves two spins (Eq. 4.49): for a
 * frozen state it is 1/2π + ¼Re(η⟨σ+_Aσ−_B⟩e^{−iφ}), but a spin that emits at γ− is not frozen
 * over Δ, and re-excited within Δ (γ+, or the hop term of V) its block mode can carry two photons,
 * so this too holds only up to O(η²·Δ·rates).
 * (Its η = 1 limit is not Eq. 4.45: that Q projects on spin-coherent states, the detector on
 * coherent states of the emitted field.)
 *
 * The motion during Δ enters first through C_AB. Given the block's C_AB (from the regression
 * theorem), the first harmonic's leading term η⟨a†b⟩ is replaced by it:
 *   P = (4.11)[attenuated ρ] + ¼Re[(C_AB − η⟨a†b⟩)e^{−iφ}],
 * which is right to first order in η with any Δ; the η² part of the harmonic stays that of the
 * frozen state, so what is left out is O(η²·Δ·rates): in the first circular moment, absolute ∝ Δ³,
 * relative to the harmonic ∝ Δ². That is also the order of C_AB − η⟨a†b⟩ itself (its O(Δ) part is
 * Δ·d⟨a†b⟩/dt = 0 in the steady state), so C_AB does not raise the order: on a linear (Gaussian)
 * pair, where the block modes' outcome law is known in closed form, both are ∝ Δ² relative and the
 * frozen law is even a little closer (figures' blockCoherence spec). Measured on the pair of
 * Fig. 4.3(b) (V = 4κ2, δ = κ/2, cutoff 4): +0.006 ± 0.0014 on z ≈ 0.10 at κΔ = 0.5 (6 %), hence
 * ≈ 1.5 % at κΔ = 0.25 and ≈ 0.25 % at κΔ = 0.1; keep κΔ ≤ 0.25.
 */

/** Options of {@link measuredRelativePhaseDistribution}. */
export interface MeasuredRelativePhaseConfig {
  /**
   * η = ξκΔ ∈ [0, 1]: the watched channel's rate κ times the detector's averaging time Δ (the
   * current's output step) times the detection efficiency ξ.
   */
  readonly efficiency: number;
  /**
   * C_AB = ⟨c_A†c_B⟩ of the block's temporal modes, (ξκ/Δ)∬_0^Δ⟨a†(s)b(s′)⟩ds ds′ (for spins
   * ⟨σ+_A(s)σ−_B(s′)⟩), from the two-time correlations; when given, it replaces η⟨a†b⟩ in the
   * first harmonic (the motion of the state during Δ). Default: η⟨a†b⟩ (the state frozen).
   */
  readonly blockCoherence?: { readonly re: number; readonly im: number };
}

/**
 * The law of the measured phase difference φ^m_AB = arg[I_B/I_A] (thesis Eqs. 4.15, 4.49) of two
 * heterodyne currents averaged over Δ, for a stationary state ρ: Eq. (4.11) of ρ after a loss
 * channel of transmissivity η = ξκΔ on each mode, with the first harmonic's η⟨a†b⟩ replaced by the
 * block's C_AB when `blockCoherence` is given (derivation above). To first order in η it is
 * (1/2π)[1 + (π/2)Re(C_AB e^{−iφ})]: the detector noise flattens the histogram to uniform plus a
 * first harmonic of amplitude ∝ η peaked at arg⟨a†b⟩, the maximum of Q(φ_AB) (Q(φ_AB) itself is
 * the case η = 1). Valid for κΔ ≪ 1 with the state frozen over Δ (|δ|Δ and the other rates·Δ ≪ 1);
 * with `blockCoherence` the neglected terms are O(η²·Δ·rates) (≈ 1.5 % of the harmonic at
 * κΔ = 0.25 on Fig. 4.3's pair, see above). Two spins-1/2 read through σ− are
 * passed as dims [2, 2] (σ− = a on {0, 1}). Sign: φ^m = arg β_B − arg β_A estimates
 * φ_AB = φ_A − φ_B of Eq. (4.10) (see `currentPhaseHistogram`).
 *
 * @param rho - two-mode density matrix, dims [NA, NB], index of |nα, nβ⟩ = nα·NB + nβ
 * @param phis - values of φ in radians, non-empty
 * @param config - `{ efficiency, blockCoherence? }`, efficiency η ∈ [0, 1]
 * @returns Float64Array with P(phis[i]) in 1/rad; ∫₀^{2π} P dφ = Tr ρ
 * @throws Error naming `rho`, `phis`, `config`, `efficiency` or `blockCoherence` on bad input
 * @example
 * // two spins in (|0,1⟩ − |1,0⟩)/√2: ⟨σ+_Aσ−_B⟩ = −½; at η = 0.2: 1/2π + ¼Re(−0.1e^{−iφ})
 * const d = new Float64Array(32);
 * for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = p === q ? 0.5 : -0.5;
 * measuredRelativePhaseDistribution({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [Math.PI], { efficiency: 0.2 }); // Float64Array [1 / (2 * Math.PI) + 0.025]
 */
export function measuredRelativePhaseDistribution(rho: DensityInput, phis: ArrayLike<number>, config: MeasuredRelativePhaseConfig): Float64Array {
  const fn = 'measuredRelativePhaseDistribution';
  const [na, nb] = assertDensity(fn, 'rho', rho, 2);
  assertFiniteArray(fn, 'phis', phis);
  if (config == null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { efficiency, blockCoherence? }, got ${String(config)}`);
  const eta = config.efficiency;
  if (typeof eta !== 'number' || !(eta >= 0 && eta <= 1)) throw new Error(`${fn}: 'efficiency' must be a number in [0, 1] (η = ξκΔ), got ${String(eta)}`);
  const c = config.blockCoherence;
  if (c !== undefined && (c == null || typeof c !== 'object' || !Number.isFinite(c.re) || !Number.isFinite(c.im))) {
    throw new Error(`${fn}: 'blockCoherence' must be { re, im } with finite numbers, got ${c == null || typeof c !== 'object' ? String(c) : `{ re: ${String(c.re)}, im: ${String(c.im)} }`}`);
  }
  const out = relativePhaseDistribution(attenuate(rho.matrix.data, na, nb, eta), phis);
  if (c !== undefined) {
    const [sr, si] = adagb(rho.matrix.data, na, nb);
    const dr = c.re - eta * sr;
    const di = c.im - eta * si;
    // ¼Re[(dr + i di)e^{−iφ}] = ¼(dr cos φ + di sin φ)
    for (let k = 0; k < phis.length; k++) out[k] += 0.25 * (dr * Math.cos(phis[k]) + di * Math.sin(phis[k]));
  }
  return out;
}

/** ρ after the loss channel of transmissivity η on both modes (Kraus E_k, see the derivation). */
function attenuate(rd: Float64Array, na: number, nb: number, eta: number): DensityInput {
  const n = Math.max(na, nb);
  // kraus[n·N + k] = √(n choose k) η^{(n−k)/2}(1 − η)^{k/2}
  const kraus = new Float64Array(n * n);
  for (let m = 0; m < n; m++) {
    let binom = 1;
    for (let k = 0; k <= m; k++) {
      kraus[m * n + k] = Math.sqrt(binom * Math.pow(eta, m - k) * Math.pow(1 - eta, k));
      binom = (binom * (m - k)) / (k + 1);
    }
  }
  const dim = na * nb;
  const out = new Float64Array(2 * dim * dim);
  for (let ia = 0; ia < na; ia++) {
    for (let ib = 0; ib < nb; ib++) {
      const row = ia * nb + ib;
      for (let ma = 0; ma < na; ma++) {
        for (let mb = 0; mb < nb; mb++) {
          const p = 2 * (row * dim + ma * nb + mb);
          const re = rd[p];
          const im = rd[p + 1];
          if (re === 0 && im === 0) continue;
          for (let ka = 0; ka <= Math.min(ia, ma); ka++) {
            const wa = kraus[ia * n + ka] * kraus[ma * n + ka];
            for (let kb = 0; kb <= Math.min(ib, mb); kb++) {
              const w = wa * kraus[ib * n + kb] * kraus[mb * n + kb];
              const q = 2 * (((ia - ka) * nb + ib - kb) * dim + (ma - ka) * nb + mb - kb);
              out[q] += w * re;
              out[q + 1] += w * im;
            }
          }
        }
      }
    }
  }
  return { dims: [na, nb], matrix: { rows: dim, cols: dim, data: out } };
}

/** ⟨a†b⟩ = Tr[a†b ρ] of the two-mode ρ, as (re, im). */
function adagb(rd: Float64Array, na: number, nb: number): [number, number] {
  const dim = na * nb;
  let re = 0;
  let im = 0;
  // Tr[a†b ρ] = Σ ⟨m|a†b|n⟩ρ_nm; a†b|nα, nβ⟩ = √((nα + 1)nβ)|nα + 1, nβ − 1⟩
  for (let ia = 0; ia + 1 < na; ia++) {
    for (let ib = 1; ib < nb; ib++) {
      const w = Math.sqrt((ia + 1) * ib);
      const p = 2 * ((ia * nb + ib) * dim + (ia + 1) * nb + ib - 1);
      re += w * rd[p];
      im += w * rd[p + 1];
    }
  }
  return [re, im];
}

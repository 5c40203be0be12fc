import { create, destroy, embed, fockSpace, lindbladian, liouvillianMatrix, minus, number, power, scaled, tensorSpace } from './index';

// Two coupled quantum van der Pol oscillators, thesis Eq. (4.8), rates in units of κ2
const [kappa1, kappa, kappa2, delta, V] = [3, 1, 1, 0.5, 2];
const f = fockSpace(8); // Fock levels |0⟩…|7⟩ per oscillator
const s = tensorSpace(f, f); // |n_A, n_B⟩ has basis index 8·n_A + n_B
const a = embed(destroy(f), s, 0); // a ⊗ 1
const b = embed(destroy(f), s, 1); // 1 ⊗ a

export const l = lindbladian(scaled(minus(embed(number(f), s, 0), embed(number(f), s, 1)), delta / 2), [
  { rate: kappa1, jump: embed(create(f), s, 0) },
  { rate: kappa1, jump: embed(create(f), s, 1) },
  { rate: kappa, jump: a },
  { rate: kappa, jump: b },
  { rate: kappa2, jump: power(a, 2) },
  { rate: kappa2, jump: power(b, 2) },
  { rate: V, jump: minus(a, b) },
]);

// the 64²×64² superoperator on the row-major vec(ρ)[i·64 + j] = ρ_ij
export const superRows = liouvillianMatrix(l).rows; // 4096

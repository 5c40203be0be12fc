import { csrFromTriplets, csrIdentity, csrKron, csrMatvecInto, zdotc } from './index';

// σx on the first of two qubits: σx ⊗ 1, a 4×4 CSR matrix with 4 stored entries
const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
const x1 = csrKron(sx, csrIdentity(2));

// |ψ⟩ = 0.6|00⟩ + 0.8|10⟩: 4 complex amplitudes, interleaved (re, im)
const psi = new Float64Array([0.6, 0, 0, 0, 0.8, 0, 0, 0]);

// ⟨ψ|σx⊗1|ψ⟩ with a preallocated work vector (the hot path allocates nothing)
const work = new Float64Array(8);
csrMatvecInto(work, x1, psi);
export const expectation = zdotc(psi, work); // { re: 0.96, im: 0 }

// @qsync/operators — Hilbert spaces, operators, states and Lindblad generators.

// spaces
export { fockSpace, spinHalfSpace, spinOneSpace, levelSpace, tensorSpace } from './space';
export type { Space, SpaceKind } from './space';

// operators
export type { Operator } from './operator';
export { destroy, create, num } from './fock-operators';
export { sigmaPlus, sigmaMinus, sigmaZ, sigmaX, sigmaY } from './spin-half-operators';
export { spinPlus, spinMinus, spinZ, spinX, spinY } from './spin-one-operators';
export { transition } from './transition';
export { identity } from './identity';
export { embed } from './embed';
export { collective } from './collective';
export { plus, minus, times, scaled, dagger, conjugate, power, commutator } from './algebra';
export { tensor } from './tensor';
export { isHermitian } from './is-hermitian';

// states
export type { Ket, DensityMatrix } from './state';
export { fockKet } from './fock-ket';
export { coherentKet } from './coherent-ket';
export { spinCoherentKet } from './spin-coherent-ket';
export { thermalState } from './thermal-state';
export { pureState } from './pure-state';
export { mixture } from './mixture';
export type { MixtureComponent } from './mixture';
export { tensorKet } from './tensor-ket';
export { tensorState } from './tensor-state';
export { partialTrace } from './partial-trace';
export { expect, expectKet } from './expect';

// Lindblad generators
export { lindbladian } from './lindbladian';
export type { Dissipator, Lindbladian, Sandwich } from './lindbladian';
export { applyLindbladianInto } from './apply-lindbladian-into';
export { liouvillianMatrix } from './liouvillian-matrix';
export { heisenberg } from './heisenberg';
export { adjointLiouvillianMatrix } from './adjoint-liouvillian-matrix';
export { conjugateLindbladian } from './conjugate-lindbladian';

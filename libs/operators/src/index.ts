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

// permutation-invariant (Dicke) representation of N identical spins-1/2
export { dickeSpace } from './dicke-space';
export type { DickeSpace } from './dicke-space';
export type { DickeState } from './dicke-state';
export { dickeDegeneracy } from './dicke-degeneracy';
export { dickeSpin } from './dicke-spin';
export type { DickeSpinComponent } from './dicke-spin';
export { dickeBasisState } from './dicke-basis-state';
export { dickeLindbladian } from './dicke-lindbladian';
export type { DickeLindbladian, DickeLocalRates } from './dicke-lindbladian';
export { dickeLiouvillianMatrix } from './dicke-liouvillian-matrix';
export type { DickeLiouvillianBlock, DickeLiouvillianMatrixConfig } from './dicke-liouvillian-matrix';
export { dickeExpect } from './dicke-expect';
export { dickeSpinMoments } from './dicke-spin-moments';
export type { DickeSpinMoments } from './dicke-spin-moments';
export { dickeToTensor } from './dicke-to-tensor';

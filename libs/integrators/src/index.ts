export type { OdeRhs, OdeStats, OdeStepper } from './ode-types';
export { createDormandPrince } from './create-dormand-prince';
export type { DormandPrinceConfig, DormandPrinceStepper } from './create-dormand-prince';
export { dormandPrince } from './dormand-prince';
export type { DormandPrinceSolveConfig, OdeSolution } from './dormand-prince';
export { createRk4 } from './create-rk4';
export type { Rk4Config } from './create-rk4';

// master equation
export { compileLindbladRhs } from './lindblad-rhs';
export { compileWeightedStencil } from './compile-weighted-stencil';
export type { OperatorSandwich, WeightedStencil, WeightedStencilConfig } from './compile-weighted-stencil';
export type { WasmKernelExtension, WasmKernelExtensionHandle, WasmKernelLayout } from './compile-weighted-stencil-wasm';
export { WasmBody } from './wasm-body';
export { packHermitianInto } from './pack-hermitian-into';
export { unpackHermitianInto } from './unpack-hermitian-into';
export type { LindbladNormalForm, LindbladRhs } from './lindblad-rhs';
export { mesolve } from './mesolve';
export type { MesolveConfig } from './mesolve';
export { steadyState } from './steady-state';
export { steadyStateChunked } from './steady-state-chunked';
export type { SteadyStateConfig, SteadyStateResult } from './steady-state';
export type { SteadyStateChunkedConfig } from './steady-state-chunked';
export { liouvillianEigenvalues } from './liouvillian-eigenvalues';
export type { LiouvillianEigenvaluesConfig, LiouvillianEigenvaluesResult } from './liouvillian-eigenvalues';
export { liouvillianEigenvaluesChunked } from './liouvillian-eigenvalues-chunked';
export type { LiouvillianEigenvaluesChunkedConfig } from './liouvillian-eigenvalues-chunked';

// stochastic differential equations
export { createSdeStepper } from './create-sde-stepper';
export { sdeSolve } from './sde-solve';
export type { SdeSolveConfig } from './sde-solve';
export type {
  SdeMethod,
  SdeNoise,
  SdeStats,
  SdeStepper,
  SdeStepperConfig,
  SdeSystem,
  WienerIncrements,
} from './sde-types';

// nonlinear (mean-field) master equations, Eqs. 4.19–4.22
export type { MeanFieldMasterEquation, MeanFieldTerm } from './mean-field-types';
export { compileMeanFieldRhs } from './compile-mean-field-rhs';
export type { MeanFieldRhs } from './compile-mean-field-rhs';
export { meanFieldMesolve } from './mean-field-mesolve';
export type { MeanFieldMesolveConfig } from './mean-field-mesolve';
export { meanFieldSteadyState } from './mean-field-steady-state';
export type { MeanFieldSteadyStateConfig, MeanFieldSteadyStateResult } from './mean-field-steady-state';
export { linearizeMeanField } from './linearize-mean-field';
export type { LinearizeMeanFieldConfig, MeanFieldLinearization } from './linearize-mean-field';
export { meanFieldStability } from './mean-field-stability';
export type { MeanFieldStability, MeanFieldStabilityBlock, MeanFieldStabilityConfig } from './mean-field-stability';
export { criticalCoupling } from './critical-coupling';
export type { CriticalCouplingConfig, CriticalCouplingResult } from './critical-coupling';

export type { OdeRhs, OdeStats, OdeStepper } from './ode-types';
export { createDormandPrince } from './create-dormand-prince';
export type { DormandPrinceConfig, DormandPrinceStepper } from './create-dormand-prince';
export { dormandPrince } from './dormand-prince';
export type { DormandPrinceSolveConfig, OdeSolution } from './dormand-prince';
export { createRk4 } from './create-rk4';
export type { Rk4Config } from './create-rk4';

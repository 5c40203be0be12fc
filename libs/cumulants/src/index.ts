// @qsync/cumulants — operator algebra, Heisenberg equations and cumulant expansion (thesis 4.57, 6.33, Ch. 7).

export { operatorAlgebra } from './operator-algebra';
export type { OperatorAlgebra, OperatorAlgebraConfig } from './operator-algebra';
export type { SiteSpec } from './monomial-table';
export { OperatorExpression } from './operator-expression';
export type { ExpressionLike } from './operator-expression';
export type { ChargeAssignment, CumulantModel, CumulantDissipator } from './cumulant-model';
export { heisenbergEquation } from './heisenberg-equation';
export { toOperator } from './to-operator';
export { cumulantEquations } from './cumulant-equations';
export type { CumulantEquations, CumulantEquationsConfig, CumulantTerm, MomentVariable } from './cumulant-equations';
export { compileCumulantRhs } from './compile-cumulant-rhs';
export type { CumulantRhs } from './compile-cumulant-rhs';
export { momentsOf } from './moments-of';
export { groupCumulantEquations } from './group-cumulant-equations';
export type { GroupCumulantEquations, GroupCumulantEquationsConfig, GroupSystem } from './group-cumulant-equations';
export { stochasticCumulantEquations } from './stochastic-cumulant-equations';
export type { CumulantMeasurement, CumulantNoise, StochasticCumulantEquations } from './stochastic-cumulant-equations';
export { compileCumulantDiffusion } from './compile-cumulant-diffusion';
export { correlationEquations } from './correlation-equations';
export type { CorrelationEquations } from './correlation-equations';
export { regressionSpectrum } from './regression-spectrum';
export { stochasticGroupCumulantEquations } from './stochastic-group-cumulant-equations';
export { groupCorrelationEquations } from './group-correlation-equations';

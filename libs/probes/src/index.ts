export type { DensityInput } from './density-input';
export { husimiQ } from './husimi-q';
export type { PhaseSpaceGrid } from './husimi-q';
export { phaseDistribution } from './phase-distribution';
export { phaseDistributionNumerical } from './phase-distribution-numerical';
export type { RadialQuadratureConfig } from './phase-distribution-numerical';
export { relativePhaseDistribution } from './relative-phase-distribution';
export { measuredRelativePhaseDistribution } from './measured-relative-phase-distribution';
export type { MeasuredRelativePhaseConfig } from './measured-relative-phase-distribution';
export { relativePhaseDistributionNumerical } from './relative-phase-distribution-numerical';
export type { RelativePhaseQuadratureConfig } from './relative-phase-distribution-numerical';
export { maxRelativePhase } from './max-relative-phase';
export type { PhasePeak } from './max-relative-phase';

// Spin-1/2 probes (thesis Sec. 4.2): spin Husimi Q (4.32), Q(φ) (4.33), two spins (4.42–4.45), order parameters.
export { spinHusimiQ } from './spin-husimi-q';
export type { SphereGrid } from './spin-husimi-q';
export { spinPhaseDistribution } from './spin-phase-distribution';
export { spinPhaseDistributionNumerical } from './spin-phase-distribution-numerical';
export type { PolarQuadratureConfig } from './spin-phase-distribution-numerical';
export { spinPairHusimiQ } from './spin-pair-husimi-q';
export type { SpinPairAngles } from './spin-pair-husimi-q';
export { spinPairPhaseDistributionNumerical } from './spin-pair-phase-distribution-numerical';
export { spinRelativePhaseDistribution } from './spin-relative-phase-distribution';
export { spinRelativePhaseDistributionNumerical } from './spin-relative-phase-distribution-numerical';
export type { SpinRelativePhaseQuadratureConfig } from './spin-relative-phase-distribution-numerical';
export { maxSpinRelativePhase } from './max-spin-relative-phase';
export type { SpinPhasePeak } from './max-spin-relative-phase';
export { spinPairCorrelation } from './spin-pair-correlation';
export { pairCorrelationOrder } from './pair-correlation-order';

// Classical synchronization probes (thesis Ch. 2): order parameter, long-time averages, phase
// histograms and their maximum, phase unwrapping and observed frequencies.
export { wrapPhase } from './wrap-phase';
export { kuramotoOrder } from './kuramoto-order';
export type { KuramotoOrderConfig, OrderParameter } from './kuramoto-order';
export { kuramotoOrderInto } from './kuramoto-order-into';
export type { DiscardConfig } from './series-support';
export { longTimeAverage } from './long-time-average';
export type { LongTimeAverage, LongTimeAverageConfig } from './long-time-average';
export { longTimeAverageOf } from './long-time-average-of';
export type { LongTimeAverageOfConfig } from './long-time-average-of';
export type { PhaseHistogram } from './phase-histogram-support';
export { phaseHistogram } from './phase-histogram';
export { relativePhaseHistogram } from './relative-phase-histogram';
export { histogramMaximum } from './histogram-maximum';
export type { HistogramPeak } from './histogram-maximum';
export { phaseSpaceHistogram } from './phase-space-histogram';
export type { PhaseSpaceHistogram, PhaseSpaceHistogramConfig } from './phase-space-histogram';
export { phaseHistogramOf } from './phase-histogram-of';
export type { PhaseHistogramOfConfig } from './phase-histogram-of';
export { unwrapPhase } from './unwrap-phase';
export { unwrapPhaseInto } from './unwrap-phase-into';
export { unwrapPhaseOf } from './unwrap-phase-of';
export type { UnwrapPhaseOfConfig, UnwrapPhaseOfOutput } from './unwrap-phase-of';
export type { FrequencyMethod, ObservedFrequencyConfig } from './observed-frequency-support';
export { observedFrequency } from './observed-frequency';
export { observedFrequencies } from './observed-frequencies';
export type { ObservedFrequencies } from './observed-frequencies';

// Statistics of independent realizations: means, jackknife, goodness of fit against a closed form
export { meanWithError, type MeanWithError } from './mean-with-error';
export { jackknife, type JackknifeEstimate } from './jackknife';
export { meanSquaredT, type MeanSquaredT } from './mean-squared-t';
export { hotellingT2, type HotellingT2 } from './hotelling-t2';
export { weightedSlope } from './weighted-slope';
export { balancedPeakPhase, type BalancedPeakPhase, type BalancedPeakPhaseConfig } from './balanced-peak-phase';
export { incoherentOrderModulus } from './incoherent-order-modulus';
// Detector probes on heterodyne currents (thesis Eqs. 4.14–4.15, 4.48–4.49).
export { currentPhaseHistogram } from './current-phase-histogram';
export type { CurrentPhaseHistogram } from './current-phase-support';
export { currentPhaseHistogramOf } from './current-phase-histogram-of';
export type { CurrentPhaseHistogramOfConfig } from './current-phase-histogram-of';
export { currentPhase } from './current-phase';
export type { CurrentPhaseConfig } from './current-phase';
export { currentPhaseOf } from './current-phase-of';
export type { CurrentPhaseOfConfig } from './current-phase-of';

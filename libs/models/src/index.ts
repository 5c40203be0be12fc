// @qsync/models — the thesis's models as validated parameter sets.
export { resolveParameters } from './parameters';
export type { ParameterSpec, ParameterTable } from './parameters';
export { quantumVanDerPol, quantumVanDerPolParameters } from './quantum-van-der-pol';
export type { QuantumVanDerPol, QuantumVanDerPolConfig } from './quantum-van-der-pol';
export { coupledVanDerPol, coupledVanDerPolParameters } from './coupled-van-der-pol';
export type { CoupledVanDerPol, CoupledVanDerPolConfig } from './coupled-van-der-pol';
export { quantumVanDerPolNetwork, quantumVanDerPolNetworkParameters, MAX_VDP_NETWORK_DIMENSION } from './quantum-van-der-pol-network';
export type { QuantumVanDerPolNetwork, QuantumVanDerPolNetworkConfig } from './quantum-van-der-pol-network';
export { quantumVanDerPolMeanField, quantumVanDerPolMeanFieldParameters } from './quantum-van-der-pol-mean-field';
export type { QuantumVanDerPolMeanField, QuantumVanDerPolMeanFieldConfig } from './quantum-van-der-pol-mean-field';
export { quantumVanDerPolCriticalCoupling, quantumVanDerPolCriticalCouplingParameters } from './quantum-van-der-pol-critical-coupling';
export type { QuantumVanDerPolCriticalCouplingConfig } from './quantum-van-der-pol-critical-coupling';
export { modelCatalog } from './model-catalog';
export type {
  ChoiceSpec,
  ModelEntry,
  ModelInstance,
  OrderParameterModelEntry,
  PermutationInvariantInstance,
  PermutationInvariantModelEntry,
  QuantumModelEntry,
  StochasticModelEntry,
} from './model-catalog';

// classical models of Ch. 2: batched Itô SDEs with named channels
export { simulateWith } from './stochastic-model';
export type { SimulationConfig, StochasticModel } from './stochastic-model';
export { noisyVanDerPol, noisyVanDerPolParameters } from './noisy-van-der-pol';
export type { NoisyVanDerPolConfig } from './noisy-van-der-pol';
export { noisyVanDerPolPolar, noisyVanDerPolPolarParameters } from './noisy-van-der-pol-polar';
export type { NoisyVanDerPolPolarConfig } from './noisy-van-der-pol-polar';
export { coupledNoisyVanDerPol, coupledNoisyVanDerPolParameters } from './coupled-noisy-van-der-pol';
export type { CoupledNoisyVanDerPolConfig } from './coupled-noisy-van-der-pol';
export { noisyPhasePair, noisyPhasePairParameters } from './noisy-phase-pair';
export type { NoisyPhasePairConfig } from './noisy-phase-pair';
export { adler, adlerParameters } from './adler';
export type { AdlerConfig } from './adler';
export { nonreciprocalPhasePair, nonreciprocalPhasePairParameters } from './nonreciprocal-phase-pair';
export type { NonreciprocalPhasePairConfig } from './nonreciprocal-phase-pair';

// Kuramoto models of Ch. 2 (Sec. 2.3, 2.4): N oscillators × realizations, mean-field drift
export { kuramoto, kuramotoParameters, MAX_KURAMOTO_STATE } from './kuramoto';
export type { FrequencySampling, InitialPhases, KuramotoConfig, KuramotoModel } from './kuramoto';
export { twoPopulationKuramoto, twoPopulationKuramotoParameters } from './two-population-kuramoto';
export type { TwoPopulationKuramotoConfig, TwoPopulationKuramotoModel } from './two-population-kuramoto';
export { ottAntonsen, ottAntonsenParameters } from './ott-antonsen';
export type { OttAntonsenConfig } from './ott-antonsen';
export { reducedOrderParameter, reducedOrderParameterParameters } from './reduced-order-parameter';
export type { ReducedOrderParameterConfig } from './reduced-order-parameter';
export { vonMisesOrder, vonMisesOrderParameters } from './von-mises-order';
export type { VonMisesOrderConfig } from './von-mises-order';
// exact stationary numbers of the classical models (Fokker–Planck, no simulation)
export { tiltedWashboard, tiltedWashboardParameters } from './tilted-washboard';
export { tiltedWashboardDiffusion, tiltedWashboardDiffusionParameters } from './tilted-washboard-diffusion';
export type { TiltedWashboardDiffusionConfig } from './tilted-washboard-diffusion';
export type { TiltedWashboardConfig, TiltedWashboardState } from './tilted-washboard';
export { vanDerPolMeanDecayRate } from './van-der-pol-mean-decay-rate';
export { vanDerPolMeanRadius } from './van-der-pol-mean-radius';
export type { VanDerPolStationaryConfig } from './van-der-pol-radial-support';
export { orderParameterModulus } from './order-parameter-modulus';
export { adlerSlipFrequency, type AdlerSlipFrequencyConfig } from './adler-slip-frequency';
export { kuramotoLockedState, type KuramotoLockedState } from './kuramoto-locked-state';
export { vanDerPolIntensityDistribution, type VanDerPolIntensityConfig, type VanDerPolIntensityDistribution } from './van-der-pol-intensity-distribution';
export type { OrderParameterModel, OrderParameterSimulationConfig } from './order-parameter-model';
export { phaseFactorsInto } from './phase-factors-into';

// spin models of Ch. 4 (Sec. 4.2): exact generators, mean-field and cumulant equations
export { spinLimitCycle, spinLimitCycleParameters } from './spin-limit-cycle';
export type { SpinLimitCycle, SpinLimitCycleConfig } from './spin-limit-cycle';
export { coupledSpins, coupledSpinsParameters } from './coupled-spins';
export type { CoupledSpins, CoupledSpinsConfig, CoupledSpinsOperators } from './coupled-spins';
export { spinEnsemble, spinEnsembleParameters, MAX_SPIN_ENSEMBLE_TENSOR_N } from './spin-ensemble';
export type { SpinEnsemble, SpinEnsembleConfig } from './spin-ensemble';
export type { SpinEnsembleOperators } from './spin-ensemble-observables';
export { spinEnsemblePermutationInvariant, MAX_SPIN_ENSEMBLE_DICKE_N } from './spin-ensemble-permutation-invariant';
export type { SpinEnsemblePermutationInvariant } from './spin-ensemble-permutation-invariant';
export { spinEnsembleMeanField, spinEnsembleMeanFieldParameters } from './spin-ensemble-mean-field';
export type { SpinEnsembleMeanField, SpinEnsembleMeanFieldConfig } from './spin-ensemble-mean-field';
export { spinEnsembleCumulants, spinEnsembleCumulantsParameters } from './spin-ensemble-cumulants';
export type { SpinEnsembleCumulantState, SpinEnsembleCumulants, SpinEnsembleCumulantsConfig } from './spin-ensemble-cumulants';
export { superradiantLaser, superradiantLaserParameters } from './superradiant-laser';
export type { SuperradiantLaser, SuperradiantLaserConfig, SuperradiantLaserOperators } from './superradiant-laser';
export type { OdeModel, OdeSimulationConfig } from './create-ode-model';

// the superradiant laser with N_d driven and N_ud undriven atoms of Ch. 7 (Eq. 7.1)
export { undrivenAtomLaserGroupSystem, undrivenAtomLaserCumulantParameters } from './undriven-atom-laser-group-system';
export type { UndrivenAtomLaserGroupSystem } from './undriven-atom-laser-group-system';
export { undrivenAtomLaserCumulants, undrivenAtomLaserCumulantsParameters } from './undriven-atom-laser-cumulants';
export type {
  UndrivenAtomLaserCumulants,
  UndrivenAtomLaserCumulantsConfig,
  UndrivenAtomLaserCumulantSlots,
  UndrivenAtomLaserSteadyStateOptions,
} from './undriven-atom-laser-cumulants';
export { undrivenAtomLaserMeanField, undrivenAtomLaserMeanFieldParameters } from './undriven-atom-laser-mean-field';
export type { UndrivenAtomLaserMeanField, UndrivenAtomLaserMeanFieldConfig } from './undriven-atom-laser-mean-field';
export { undrivenAtomLaserBadCavity, undrivenAtomLaserBadCavityParameters } from './undriven-atom-laser-bad-cavity';
export type { UndrivenAtomLaserBadCavity, UndrivenAtomLaserBadCavityConfig } from './undriven-atom-laser-bad-cavity';
export { travelingWaveFrequency, travelingWaveFrequencyParameters } from './traveling-wave-frequency';
export type { TravelingWaveFrequencyConfig } from './traveling-wave-frequency';
export { criticalDrivenFraction, criticalDrivenFractionParameters } from './critical-driven-fraction';
export type { CriticalDrivenFractionConfig } from './critical-driven-fraction';
export { goodCavityCriticalDrivenFraction, goodCavityCriticalDrivenFractionParameters } from './good-cavity-critical-driven-fraction';
export type { GoodCavityCriticalDrivenFractionConfig } from './good-cavity-critical-driven-fraction';
export { undrivenAtomLaser, undrivenAtomLaserParameters, MAX_UNDRIVEN_ATOM_LASER_N } from './undriven-atom-laser';
export type { UndrivenAtomLaser, UndrivenAtomLaserConfig, UndrivenAtomLaserOperators } from './undriven-atom-laser';
export { undrivenAtomLaserGoodCavity, undrivenAtomLaserGoodCavityParameters } from './undriven-atom-laser-good-cavity';
export type { UndrivenAtomLaserGoodCavity, UndrivenAtomLaserGoodCavityConfig } from './undriven-atom-laser-good-cavity';

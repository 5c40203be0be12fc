// @qsync/spectral — spectra, correlations and line fits of sampled signals, and steady-state
// correlations and spectra of master equations by the quantum regression theorem.
export { windowFunction } from './window-function';
export type { WindowFunctionConfig, WindowName } from './window-function';
export { equivalentNoiseBandwidth } from './equivalent-noise-bandwidth';
export type { Spectrum } from './spectrum';
export { periodogram } from './periodogram';
export type { PeriodogramConfig } from './periodogram';
export type { SignalInput } from './signal-input';
export { welch } from './welch';
export type { WelchConfig, WelchResult } from './welch';
export type { Correlation } from './correlation';
export { twoTimeCorrelation } from './two-time-correlation';
export type { TwoTimeCorrelationConfig } from './two-time-correlation';
export { spectrumFromCorrelation } from './spectrum-from-correlation';
export type { SpectrumFromCorrelationConfig } from './spectrum-from-correlation';
export { fitLorentzian } from './fit-lorentzian';
export type {
  FitLorentzianConfig,
  LorentzianFit,
  LorentzianInitial,
  LorentzianUncertainties,
} from './fit-lorentzian';
export { fitDoubleLorentzian } from './fit-double-lorentzian';
export type {
  DoubleLorentzianFit,
  DoubleLorentzianInitial,
  DoubleLorentzianUncertainties,
  FitDoubleLorentzianConfig,
} from './fit-double-lorentzian';
export { dominantFrequency } from './dominant-frequency';
export type { SpectralPeak } from './dominant-frequency';
export { welchOf } from './welch-of';
export type { WelchOfConfig } from './welch-of';
export { twoTimeCorrelationOf } from './two-time-correlation-of';
export type { TwoTimeCorrelationOfConfig } from './two-time-correlation-of';
export { fitLorentzianOf } from './fit-lorentzian-of';
export type { FitLorentzianOfConfig } from './fit-lorentzian-of';
export { fitDoubleLorentzianOf } from './fit-double-lorentzian-of';
export type { FitDoubleLorentzianOfConfig } from './fit-double-lorentzian-of';
export { dominantFrequencyOf } from './dominant-frequency-of';
export type { DominantFrequencyOfConfig } from './dominant-frequency-of';
export { steadyStateCorrelation } from './steady-state-correlation';
export { steadyStateCorrelationChunked } from './steady-state-correlation-chunked';
export type { SteadyStateCorrelationConfig } from './steady-state-correlation-config';
export { steadyStateSpectrum } from './steady-state-spectrum';
export { steadyStateSpectrumChunked } from './steady-state-spectrum-chunked';
export type { SteadyStateSpectrumConfig } from './steady-state-spectrum-config';
export { currentSpectrum } from './current-spectrum';
export type { CurrentSpectrumConfig } from './current-spectrum';
export type { CurrentSpectrum } from './current-spectrum-accumulator';
export type { CurrentSpectrumOptions } from './current-spectrum-options';
export { currentSpectrumOf } from './current-spectrum-of';
export type { CurrentSpectrumOfConfig } from './current-spectrum-of';

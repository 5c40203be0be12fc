// @qsync/spectral — spectra, correlations and line fits of sampled signals.
export {};

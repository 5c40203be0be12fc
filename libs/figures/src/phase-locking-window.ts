/**
 * The (δ, V) window of the phase-locking figures 4.3 (quantum vdP) and 4.8 (spins), in the units of
 * each figure (κ2, γ−): the captions leave the ranges open, and one window for both lets the two
 * maps be compared. Map: δ ∈ [−deltaMax, deltaMax], V ∈ [0, vMax]; panel (b): the couplings of the
 * cut at fixed δ. Internal to figures.
 */
export const PHASE_LOCKING_WINDOW = { deltaMax: 4, vMax: 4, cutCouplings: [0, 0.5, 1, 2, 4] } as const;

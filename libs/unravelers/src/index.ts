// @qsync/unravelers — continuous measurement: stochastic master equations, detector currents,
// quantum jumps and quantum filtering (thesis Eqs. 3.11–3.15).

// seeds
export { trajectoryRng } from './trajectory-rng';

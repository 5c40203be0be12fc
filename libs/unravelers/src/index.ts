// @qsync/unravelers — continuous measurement: stochastic master equations, detector currents,
// quantum jumps and quantum filtering (thesis Eqs. 3.11–3.15).

// seeds
export { trajectoryRng } from './trajectory-rng';

// photon counting: quantum jumps with detection efficiency (Sec. 3.3, Eq. 6.24)
export { photonCounting } from './photon-counting';
export type { CountedChannel, PhotonCountingConfig } from './photon-counting';

// trajectory ensembles on worker threads: running mean and standard error, seeded per trajectory
export { trajectoryEnsemble } from './trajectory-ensemble';
export type {
  EnsembleChannel,
  EnsembleFrame,
  TrajectoryColumn,
  TrajectoryColumns,
  TrajectoryEnsembleConfig,
  TrajectoryFunction,
  TrajectoryTask,
} from './trajectory-ensemble';

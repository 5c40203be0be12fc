// @qsync/unravelers — continuous measurement: stochastic master equations, detector currents,
// quantum jumps and quantum filtering (thesis Eqs. 3.11–3.15).

// seeds
export { trajectoryRng } from './trajectory-rng';

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

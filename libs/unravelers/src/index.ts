// @qsync/unravelers — continuous measurement: stochastic master equations, detector currents,
// quantum jumps and quantum filtering (thesis Eqs. 3.11–3.15).

// seeds
export { trajectoryRng } from './trajectory-rng';

// photon counting: quantum jumps with detection efficiency (Sec. 3.3, Eq. 6.24)
export { photonCounting } from './photon-counting';
export type { CountedChannel, PhotonCountingConfig } from './photon-counting';

// diffusive unravelings: homodyne and heterodyne detection (Eqs. 3.11–3.15, 6.24–6.25)
export { compileDiffusiveSme } from './compile-diffusive-sme';
export type { DiffusiveSme, DiffusiveSmeModel, MonitoredChannel, SmeMethod } from './compile-diffusive-sme';
export { createDiffusiveTrajectories } from './create-diffusive-trajectories';
export type {
  DiffusiveTrajectories,
  DiffusiveTrajectoryConfig,
  DiffusiveTrajectoryCursor,
  SmeStats,
} from './create-diffusive-trajectories';
export { smesolve } from './smesolve';
export type { SmesolveConfig } from './smesolve';

// quantum filtering: the conditional state a recorded current implies
export { quantumFilter } from './quantum-filter';
export type { QuantumFilterResult } from './quantum-filter';
export { quantumFilterOf } from './quantum-filter-of';
export type { QuantumFilterConfig } from './filter-engine';

// trajectory ensembles on worker threads: running mean and standard error, seeded per trajectory
export { trajectoryEnsemble } from './trajectory-ensemble';
// a pool that outlives one ensemble (a sweep pays the threads' start once)
export { createTrajectoryPool } from './create-trajectory-pool';
export type { TrajectoryPool, TrajectoryPoolOptions } from './create-trajectory-pool';
// the task module and what it imports as one plain ES module, cached on disk, for worker threads
export { bundleTaskModule } from './bundle-task-module';
export type { BundleTaskModuleOptions, TaskBundle } from './bundle-task-module';
// the plain-JS task loader a pool's worker thread imports (also @qsync/runner's sweep threads)
export { taskLoaderUrl } from './task-loader-url';
export type {
  EnsembleChannel,
  EnsembleFrame,
  TrajectoryColumn,
  TrajectoryColumns,
  TrajectoryEnsembleConfig,
  TrajectoryFunction,
  TrajectoryTask,
} from './trajectory-ensemble';

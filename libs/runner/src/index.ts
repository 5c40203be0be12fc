export { canonicalJson } from './canonical-json';
export type { JsonValue } from './canonical-json';
export { jobId } from './job-id';
export { parameterGrid } from './parameter-grid';
export type { ParameterPoint, ParameterValue, SweepAxis } from './parameter-grid';
export { parseSweepAxis } from './parse-sweep-axis';
export { openRunStore } from './open-run-store';
export type { RunStore, RunStoreManifest, StoredResult, SweepJob } from './open-run-store';

/**
 * A scenario (or command line) the program refuses before computing anything. The CLI exits
 * with code 2 for it. `path` is the key path of the offending value, e.g.
 * `scenario.observables.coherence`; the message starts with it.
 *
 * @example
 * new ScenarioError('scenario.times.count', 'must be an integer ≥ 1, got 0').message;
 * // → 'scenario.times.count: must be an integer ≥ 1, got 0'
 */
export class ScenarioError extends Error {
  readonly path: string;

  constructor(path: string, detail: string) {
    super(`${path}: ${detail}`);
    this.name = 'ScenarioError';
    this.path = path;
  }
}

/**
 * A computation that failed on a valid scenario: a solver error, or a result that is not a
 * finite number. The CLI exits with code 1 for it.
 *
 * @example
 * new NumericalError('steady state', new Error('GMRES did not converge')).message;
 * // → 'numerical failure in steady state: GMRES did not converge'
 */
export class NumericalError extends Error {
  constructor(stage: string, cause: unknown) {
    super(`numerical failure in ${stage}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'NumericalError';
  }
}

/**
 * A command line the program refuses before doing anything: an option with a value it cannot
 * take. The CLI prints `qsync: <option>: <what is wrong>` and exits with code 2.
 *
 * @example
 * new UsageError('--to', 'tcp://localhost has no port').message; // → '--to: tcp://localhost has no port'
 */
export class UsageError extends Error {
  readonly option: string;

  constructor(option: string, detail: string) {
    super(`${option}: ${detail}`);
    this.name = 'UsageError';
    this.option = option;
  }
}

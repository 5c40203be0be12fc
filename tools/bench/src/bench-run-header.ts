import os from 'node:os';

/**
 * The head of every benchmark report: when it ran, whether quick, and on what machine, with the
 * versions of the other side's tools (`Tools`, e.g. `{ qutip: string }`) after the common fields.
 */
export interface BenchRunHeader<Tools extends object = object> {
  readonly date: string;
  readonly mode: 'quick' | 'full';
  readonly machine: {
    readonly node: string;
    readonly cpu: string;
    readonly cores: number;
    readonly loadBefore: readonly number[];
    readonly loadAfter: readonly number[];
  } & Tools;
}

/**
 * The head of a benchmark report, taken now: the date, the mode, Node's version, the CPU, the
 * load average before the run (`loadBefore`, taken when it started) and now, then `tools`.
 *
 * @param quick - the run was `--quick`
 * @param loadBefore - `os.loadavg()` at the start of the run
 * @param tools - versions of the other side's tools, appended to `machine`
 * @example
 * const h = benchRunHeader(true, [0.5, 0.4, 0.3], { qutip: '4.7.1' });
 * [h.mode, h.machine.loadBefore[0], h.machine.qutip]; // ['quick', 0.5, '4.7.1']
 */
export function benchRunHeader<Tools extends object>(quick: boolean, loadBefore: readonly number[], tools: Tools): BenchRunHeader<Tools> {
  return {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    machine: {
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      loadBefore,
      loadAfter: os.loadavg(),
      ...tools,
    },
  };
}

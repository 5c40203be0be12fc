import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import { lastValueFrom, tap } from 'rxjs';
import { canonicalJson, parameterGrid, parseSweepAxis, sweep } from '@qsync/runner';
import type { SweepAxis, SweepFrame } from '@qsync/runner';
import type { CommandIo } from '../common/command-io';
import { ScenarioError } from '../common/errors';
import { commandProgress } from '../common/command-progress';
import { qsyncVersion } from '../common/version';
import { modelCatalog } from '@qsync/models';
import { readScenarioFile } from '../scenario/read-scenario-file';
import { validateScenario } from '../scenario/validate-scenario';
import { applySweepPoint } from './apply-sweep-point';

/** The module of the task each grid point runs (`sweepScenarioPoint`), as the sweep's workers import it. */
const sweepScenarioTask = new URL('./sweep-scenario-point.ts', import.meta.url).href;

/** Options of `qsync sweep`. */
export interface SweepCommandOptions {
  /** `--over` arguments: `name=from:to:count` or `name=v1,v2,…` (at least one) */
  readonly over: readonly string[];
  /** the run store (default runs/sweep-<scenario>-<8 hex digits of scenario and grid>) */
  readonly store?: string;
  /** `redis://host:port`: BullMQ workers over Redis instead of local worker threads */
  readonly queue?: string;
  /** worker threads (local) or worker processes (with --queue) */
  readonly workers?: string;
  /** print one JSON object on stdout */
  readonly json?: boolean;
  /** false for `--no-progress` */
  readonly progress?: boolean;
}

/** What `qsync sweep --json` prints. */
export interface SweepSummary {
  readonly store: string;
  readonly total: number;
  /** points computed by this run (the others were in the store) */
  readonly computed: number;
  /** each point's parameters (those of --over) and its `qsync run --json` summary, in grid order */
  readonly points: readonly { readonly params: Record<string, unknown>; readonly result: unknown }[];
}

/**
 * `qsync sweep <scenario> --over name=a:b:n …`: runs the scenario at every point of the grid
 * the `--over` axes span (a plain name is a model parameter, a dotted one a scenario path),
 * each point as `qsync run --json` would, on local worker threads or, with `--queue`, on BullMQ
 * workers over Redis. Results go to a run store (see @qsync/runner's README); the same command
 * run again resumes: points already stored are not recomputed. Every point is validated before
 * anything runs (a `ScenarioError`, exit 2).
 *
 * @param file - the scenario file
 * @param options - parsed command-line options
 * @param io - output streams
 * @example
 * // io: process in the program; here one that keeps what is printed (io.printed); dir: a scratch folder
 * // defaultScenario: the path of scenarios/default.json (coupled quantum vdP, V = 1)
 * await sweepCommand(defaultScenario, { over: ['V=1'], store: `${dir}/sweep`, workers: '1', json: true }, io);
 * JSON.parse(io.printed.at(-1) ?? '').points[0].result.observables.coherence; // ≈ { re: 0.514, im: 0.108 }
 */
export async function sweepCommand(file: string, options: SweepCommandOptions, io: CommandIo): Promise<void> {
  const scenario = readScenarioFile(file) as Record<string, unknown>;
  if (scenario === null || typeof scenario !== 'object' || Array.isArray(scenario)) throw new ScenarioError(file, 'a scenario is a JSON object');
  if (options.over.length === 0) throw new ScenarioError('--over', 'qsync sweep needs at least one --over name=from:to:count (or name=v1,v2,…)');
  const axes: Record<string, SweepAxis> = {};
  for (const text of options.over) {
    let parsed: { name: string; axis: SweepAxis };
    try {
      parsed = parseSweepAxis(text);
    } catch (error) {
      throw new ScenarioError('--over', (error as Error).message.replace(/^parseSweepAxis: /, ''));
    }
    if (parsed.name in axes) throw new ScenarioError(`--over ${parsed.name}`, 'is given twice');
    axes[parsed.name] = parsed.axis;
  }
  let points: Record<string, unknown>[];
  try {
    points = parameterGrid(axes);
  } catch (error) {
    throw new ScenarioError('--over', (error as Error).message.replace(/^parameterGrid: /, ''));
  }
  // every point is checked before any runs: a bad value fails now, not after hours
  const entry = modelCatalog[String(scenario.model) as keyof typeof modelCatalog];
  const modelParameters = entry === undefined ? [] : Object.keys(entry.parameters);
  for (const point of points) {
    try {
      validateScenario(applySweepPoint(scenario, point, modelParameters));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      throw new ScenarioError(`at ${JSON.stringify(point)}`, error.message);
    }
  }
  let workers: number | undefined;
  if (options.workers !== undefined) {
    workers = Number(options.workers);
    if (!Number.isSafeInteger(workers) || workers < 0) throw new ScenarioError('--workers', `must be an integer ≥ 0, got ${options.workers}`);
    if (workers === 0 && options.queue === undefined) throw new ScenarioError('--workers', 'must be ≥ 1 without --queue (0 means that workers started elsewhere serve the queue)');
  }
  if (options.queue !== undefined && !/^rediss?:\/\/[^/]/.test(options.queue)) {
    throw new ScenarioError('--queue', `must be a Redis URL redis://host:port, got ${options.queue}`);
  }

  const text = canonicalJson(scenario, 'the scenario');
  const name = basename(file, extname(file)) || 'scenario';
  const store = options.store ?? join('runs', `sweep-${name}-${createHash('sha256').update(`${text}\n${canonicalJson(axes)}`).digest('hex').slice(0, 8)}`);
  const progress = commandProgress(io, options.progress);
  const results = new Map<number, { params: Record<string, unknown>; result: unknown }>();
  let computed = 0;
  try {
    const frames = sweep({
      // the scenario's text is a (one-valued) parameter of every job, so its id changes with it
      task: { module: sweepScenarioTask, name: 'sweepScenarioPoint', id: `qsync ${qsyncVersion} scenario point` },
      over: { $scenario: [text], ...axes },
      store,
      ...(options.queue !== undefined ? { queue: options.queue } : {}),
      ...(workers !== undefined ? { workers } : {}),
    });
    await lastValueFrom(
      frames.pipe(
        tap((frame: SweepFrame) => {
          const job = frame.job;
          if (job?.result !== undefined) {
            const params: Record<string, unknown> = { ...job.params };
            delete params.$scenario;
            results.set(job.index, { params, result: job.result });
            if (job.status === 'done') computed++;
          }
          progress.count('sweep: points done', frame.channels.done.value, frame.channels.total.value);
        }),
      ),
    );
  } finally {
    progress.stop();
  }
  const summary: SweepSummary = {
    store,
    total: points.length,
    computed,
    points: [...results.entries()].sort((a, b) => a[0] - b[0]).map(([, point]) => point),
  };
  if (options.json === true) io.stdout.write(`${JSON.stringify(summary)}\n`);
  else io.stdout.write(`sweep of ${summary.total} points over ${Object.keys(axes).join(', ')}: ${computed} computed, ${summary.total - computed} from the store\nresults: ${store}/results/ (one JSON file per point; manifest.json lists the points)\n`);
}

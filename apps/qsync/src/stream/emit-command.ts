import { tapProgress } from '@qsync/frames';
import { createWireHub, replayFile, toWire } from '@qsync/wire';
import type { WireRecord, WireSinkEvent } from '@qsync/wire';
import { type Observable, filter } from 'rxjs';
import type { CommandIo } from '../common/command-io';
import { UsageError } from '../common/errors';
import { silentProgress, terminalProgress, type ProgressReporter } from '../common/progress';
import { parseEndpoint } from './endpoint';
import { scenarioCurrents } from './scenario-currents';
import { sendWire } from './send-wire';

/** Options of `qsync emit` and `qsync record` as commander hands them over. */
export interface EmitOptions {
  readonly to: string;
  readonly trajectory?: string;
  readonly block?: string;
  /** records each consumer may hold unread before the simulation pauses (default 16) */
  readonly buffer?: string;
  /** false for `--no-progress` */
  readonly progress?: boolean;
}

const integer = (option: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(option, `must be an integer ≥ 0, got '${value}'`);
  return Number(value);
};

const reporter = (io: CommandIo, progress: boolean | undefined): ProgressReporter =>
  progress !== false && io.stderr.isTTY ? terminalProgress(io.stderr) : silentProgress;

/** `--to -` writes to io.stdout when it is a stream (process.stdout in the program), else to process.stdout. */
const writableStdout = (io: CommandIo): { stdout?: NodeJS.WritableStream } =>
  typeof (io.stdout as { on?: unknown }).on === 'function' ? { stdout: io.stdout as NodeJS.WritableStream } : {};

const describeEvent = (event: WireSinkEvent): string =>
  event.kind === 'connected'
    ? `connected to ${event.peer} (${event.lastSeq === null ? 'from the start' : `resuming after seq ${event.lastSeq}`})`
    : event.kind === 'disconnected'
      ? `the consumer at ${event.peer} disconnected (${event.reason}); redialling`
      : `listening on ${event.url}`;

/**
 * `qsync emit <scenario> --to …`: one trajectory of a `trajectories` scenario, its detector
 * currents streamed live as wire records (header with provenance, blocks, end). Over TCP or
 * WebSocket it dials the consumer (`qsync detect --listen`) through a hub whose 'pause' policy
 * makes a slow consumer pace the simulation, redials after a disconnect, and the consumer resumes
 * by seq; to a file or stdout it writes the records. Progress (samples) on stderr when a terminal;
 * connection events on stderr always. `signal` stops it at once (sockets closed, as if killed).
 *
 * @example
 * // qsync emit apps/qsync/scenarios/vdp-pair-heterodyne-stream.json --to tcp://127.0.0.1:7000 streams live;
 * // here the same records go into a file (qsync record … --to FILE)
 * import { readFileSync } from 'node:fs';
 * const scenario = defaultScenario.replace('default.json', 'vdp-pair-heterodyne-stream.json');
 * await emitCommand(scenario, { to: `${dir}/emitted.qsw`, block: '200' }, io, 'record');
 * readFileSync(`${dir}/emitted.qsw`).subarray(0, 3).toString(); // → 'QSW'
 * await emitCommand(scenario, { to: 'tcp://127.0.0.1' }, io); // throws "--to: tcp://127.0.0.1 has no port"
 */
export async function emitCommand(file: string, options: EmitOptions, io: CommandIo, command: 'emit' | 'record' = 'emit', signal?: AbortSignal): Promise<void> {
  const endpoint = parseEndpoint('--to', options.to, command === 'record' ? ['file', 'stdio'] : undefined);
  const buffer = integer('--buffer', options.buffer) ?? 16;
  if (buffer < 1) throw new UsageError('--buffer', `must be an integer ≥ 1, got ${buffer}`);
  const trajectory = integer('--trajectory', options.trajectory);
  const blockLength = integer('--block', options.block);
  const currents = scenarioCurrents(file, { ...(trajectory !== undefined ? { trajectory } : {}), ...(blockLength !== undefined ? { blockLength } : {}) });
  const progress = reporter(io, options.progress);
  const network = endpoint.kind === 'tcp' || endpoint.kind === 'ws';
  const hub = network ? createWireHub({ buffer: { records: buffer, policy: 'pause' } }) : undefined;
  const records = currents
    .records(hub?.scheduler)
    .withProgress()
    .pipe(
      tapProgress(({ done, total }) => progress.count('samples', done, total)),
      toWire(currents.header),
    );
  const say = (text: string): void => {
    io.stderr.write(`qsync ${command}: ${text}\n`);
  };
  say(`${currents.samples} samples of ${Object.keys(currents.header.schema.channels).join(', ')} (session ${currents.header.provenance.sessionId}) to ${options.to}`);
  try {
    await sendWire(records, endpoint, { ...(hub ? { hub } : {}), ...(signal ? { signal } : {}), ...writableStdout(io), onEvent: (event) => say(describeEvent(event)) });
  } finally {
    progress.stop();
  }
  say(signal?.aborted === true ? 'stopped' : 'done');
}

/** Options of `qsync replay`. */
export interface ReplayOptions {
  readonly to: string;
  readonly pace?: string;
  /** wall-clock ms per unit of the stream's time with pace 'recorded' (default 1000) */
  readonly timeUnit?: string;
}

/**
 * `qsync replay file.qsw --to …`: a recorded stream sent on, as fast as possible (`--pace fast`)
 * or at its own pace (`--pace recorded`, `--time-unit` ms of wall clock per unit of its time).
 * Over TCP or WebSocket it dials the consumer like `emit` (the file is read into the hub's
 * history, so a consumer that reconnects resumes by seq).
 *
 * @example
 * // qsync replay currents.qsw --to - --pace fast | qsync detect --from -
 * import { readFileSync } from 'node:fs';
 * await emitCommand(defaultScenario.replace('default.json', 'vdp-pair-heterodyne-stream.json'), { to: `${dir}/recorded.qsw` }, io, 'record');
 * await replayCommand(`${dir}/recorded.qsw`, { to: `${dir}/replayed.qsw`, pace: 'fast' }, io);
 * readFileSync(`${dir}/replayed.qsw`).equals(readFileSync(`${dir}/recorded.qsw`)); // → true
 * await replayCommand(`${dir}/recorded.qsw`, { to: '-', pace: 'slow' }, io); // throws "--pace: must be 'recorded' or 'fast'"
 */
export async function replayCommand(file: string, options: ReplayOptions, io: CommandIo): Promise<void> {
  const endpoint = parseEndpoint('--to', options.to);
  const pace = options.pace ?? 'fast';
  if (pace !== 'fast' && pace !== 'recorded') throw new UsageError('--pace', `must be 'recorded' or 'fast', got '${pace}'`);
  const timeUnitMs = options.timeUnit === undefined ? 1000 : Number(options.timeUnit);
  if (!(timeUnitMs > 0 && Number.isFinite(timeUnitMs))) throw new UsageError('--time-unit', `must be a number of ms > 0, got '${options.timeUnit}'`);
  if (endpoint.kind === 'file' && endpoint.path === file) throw new UsageError('--to', `is the file being replayed (${file})`);
  const records = replayFile(file, { pace, ...(pace === 'recorded' ? { timeUnitMs } : {}) }).pipe(
    filter((r): r is WireRecord => r.kind !== 'subscribe'),
  ) as Observable<WireRecord>;
  // the file cannot be paused: every record may sit in the hub for a slow consumer (memory is the file's size)
  const hub = endpoint.kind === 'tcp' || endpoint.kind === 'ws' ? createWireHub({ buffer: { records: 1 << 30, bytes: 2 ** 52, policy: 'pause' }, history: { records: 1 << 30, bytes: 2 ** 52 } }) : undefined;
  const say = (text: string): void => {
    io.stderr.write(`qsync replay: ${text}\n`);
  };
  await sendWire(records, endpoint, { ...(hub ? { hub } : {}), ...writableStdout(io), onEvent: (event) => say(describeEvent(event)) });
  say('done');
}

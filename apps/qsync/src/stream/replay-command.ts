import { createWireHub, replayFile } from '@qsync/wire';
import type { WireRecord } from '@qsync/wire';
import { EMPTY, type MonoTypeOperatorFunction, type Observable, concatWith, defer, filter, tap, throwError } from 'rxjs';
import type { CommandIo } from '../common/command-io';
import { commandProgress } from '../common/command-progress';
import { UsageError } from '../common/errors';
import { parseEndpoint } from './endpoint';
import { sendWire } from './send-wire';

/** Options of `qsync replay`. */
export interface ReplayOptions {
  readonly to: string;
  readonly pace?: string;
  /** wall-clock ms per unit of the stream's time with pace 'recorded' (default 1000) */
  readonly timeUnit?: string;
  /** records the consumer may hold unread before the replay waits (default 16) */
  readonly buffer?: string;
  /** records kept for a network consumer that reconnects (default 256; a file or stdout keeps none to resend) */
  readonly history?: string;
  /** false for `--no-progress` */
  readonly progress?: boolean;
}

/**
 * Passes a recording's records on and errors, instead of completing, when the recording stops
 * without an `end` record (a file cut short: the stream was cut off, README of @qsync/wire) or
 * holds no header: sent on as complete, a sink would end it and its consumer would take a part
 * for the whole.
 */
const endOrCutOff = (file: string): MonoTypeOperatorFunction<WireRecord> => (source) =>
  defer(() => {
    let header = false;
    let ended = false;
    let lastSeq: number | null = null;
    return source.pipe(
      tap((r) => {
        if (r.kind === 'header') header = true;
        else if (r.kind === 'block' || r.kind === 'frame') lastSeq = r.seq;
        else if (r.kind === 'gap' || r.kind === 'dropped') lastSeq = r.lastSeq;
        else if (r.kind === 'end') ended = true;
      }),
      concatWith(defer(() => {
        if (!header) return throwError(() => new Error(`the recording '${file}' holds no stream: it has no header record`));
        if (!ended) return throwError(() => new Error(`the recording '${file}' stops without an end record ${lastSeq === null ? 'after its header' : `after seq ${lastSeq}`}: it was cut off`));
        return EMPTY;
      })),
    );
  });

/**
 * `qsync replay file.qsw --to …`: a recorded stream sent on, as fast as possible (`--pace fast`)
 * or at its own pace (`--pace recorded`, `--time-unit` ms of wall clock per unit of its time).
 * Over TCP or WebSocket it dials the consumer like `emit`; a consumer that reconnects resumes by
 * seq from the hub's bounded history. The file is read only as fast as the destination takes
 * it: the replay waits at the hub's gate while a consumer has `--buffer` records unread (or a
 * file or pipe has not drained), so memory stays bounded whatever the recording's size.
 * Progress (bytes of the file) on stderr when a terminal. A recording that stops without its
 * `end` record, or holds no header (an empty file), is an error once what it holds has been sent
 * (the destination is not told the stream ended: a network consumer sees it cut off).
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
  const buffer = options.buffer === undefined ? 16 : Number(options.buffer);
  if (!(Number.isInteger(buffer) && buffer >= 1)) throw new UsageError('--buffer', `must be an integer ≥ 1, got '${options.buffer}'`);
  const history = options.history === undefined ? 256 : Number(options.history);
  if (!(Number.isInteger(history) && history >= 1)) throw new UsageError('--history', `must be an integer ≥ 1, got '${options.history}'`);
  // a file or stdout never asks for a record again: the hub keeps one (the least it allows); a
  // network consumer may reconnect and resume within the last --history records
  const network = endpoint.kind === 'tcp' || endpoint.kind === 'ws';
  const hub = createWireHub({ buffer: { records: buffer, policy: 'pause' }, history: network ? { records: history, bytes: 64 * 2 ** 20 } : { records: 1 } });
  const progress = commandProgress(io, options.progress);
  const records = replayFile(file, {
    pace,
    ...(pace === 'recorded' ? { timeUnitMs } : {}),
    gate: hub,
    onProgress: ({ done, total }) => progress.count('bytes', done, total),
  }).pipe(filter((r): r is WireRecord => r.kind !== 'subscribe'), endOrCutOff(file)) as Observable<WireRecord>;
  const say = (text: string): void => {
    io.stderr.write(`qsync replay: ${text}\n`);
  };
  try {
    await sendWire(records, endpoint, { hub, stdout: io.stdout, say });
  } finally {
    progress.stop();
  }
  say('done');
}

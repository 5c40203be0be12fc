import { createWireHub, replayFile } from '@qsync/wire';
import type { WireRecord } from '@qsync/wire';
import { type Observable, filter } from 'rxjs';
import type { CommandIo } from '../common/command-io';
import { UsageError } from '../common/errors';
import { parseEndpoint } from './endpoint';
import { sendWire } from './send-wire';

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
  await sendWire(records, endpoint, { ...(hub ? { hub } : {}), stdout: io.stdout, say });
  say('done');
}

import { tapProgress } from '@qsync/frames';
import { createWireHub, toWire } from '@qsync/wire';
import type { CommandIo } from '../common/command-io';
import { commandProgress } from '../common/command-progress';
import { UsageError } from '../common/errors';
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
  /** records kept for a network consumer that reconnects (default 256; a file or stdout keeps none to resend) */
  readonly history?: string;
  /** false for `--no-progress` */
  readonly progress?: boolean;
}

const integer = (option: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(option, `must be an integer ≥ 0, got '${value}'`);
  return Number(value);
};

/**
 * `qsync emit <scenario> --to …`: one trajectory of a `trajectories` scenario, its detector
 * currents streamed live as wire records (header with provenance, blocks, end). Over TCP or
 * WebSocket it dials the consumer (`qsync detect --listen`) through a hub whose 'pause' policy
 * makes a slow consumer pace the simulation, redials after a disconnect, and the consumer resumes
 * by seq; to a file or stdout it writes the records, and a destination that does not keep up
 * (a full pipe) pauses the simulation until it drains. Progress (samples) on stderr when a terminal;
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
  const progress = commandProgress(io, options.progress);
  const history = integer('--history', options.history) ?? 256;
  if (history < 1) throw new UsageError('--history', `must be an integer ≥ 1, got ${history}`);
  // every destination paces the simulation: network consumers by their buffers, a file or stdout by its 'drain'.
  // Memory: a file or stdout never asks for a record again, so the hub keeps one (the least it
  // allows); a network consumer may reconnect and resume within the last --history records
  const network = endpoint.kind === 'tcp' || endpoint.kind === 'ws';
  const hub = createWireHub({ buffer: { records: buffer, policy: 'pause' }, history: network ? { records: history, bytes: 64 * 2 ** 20 } : { records: 1 } });
  const records = currents
    .records(hub.scheduler)
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
    await sendWire(records, endpoint, { hub, ...(signal ? { signal } : {}), stdout: io.stdout, say });
  } finally {
    progress.stop();
  }
  say(signal?.aborted === true ? 'stopped' : 'done');
}

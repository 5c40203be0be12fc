import { fromReadable, fromTcp, fromWebSocket, replayFile } from '@qsync/wire';
import type { WireRecord, WireSubscribe } from '@qsync/wire';
import { type Observable, lastValueFrom, tap } from 'rxjs';
import type { CommandIo } from '../common/command-io';
import { UsageError } from '../common/errors';
import { detectorEstimates } from './detector-estimates';
import { parseEndpoint } from './endpoint';

/** Options of `qsync detect` as commander hands them over. */
export interface DetectOptions {
  /** wait here for a producer (`qsync emit --to`) to dial in: tcp://HOST:PORT or ws://HOST:PORT/PATH */
  readonly listen?: string;
  /** read a recording, stdin (-), or dial a serving producer (tcp://, ws://) */
  readonly from?: string;
  readonly bins?: string;
  readonly segment?: string;
}

const positiveInteger = (option: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(option, `must be an integer ≥ 1, got '${value}'`);
  return Number(value);
};

/**
 * `qsync detect`: receives current streams and prints live estimates as JSON lines on stdout
 * (see {@link detectorEstimates}): first `{"kind":"listening","url":…}` when listening, then per
 * producer session a `session` line, `phase-histogram` and `spectrum` lines after each block,
 * `gap`/`dropped` lines for announced losses, and `end`. It survives producers that disconnect
 * and dial in again; it returns after a stream's end.
 *
 * @example
 * // qsync detect --listen tcp://127.0.0.1:7000      (then, elsewhere: qsync emit <scenario> --to tcp://127.0.0.1:7000)
 * // here: a recording (qsync record), its estimates printed as JSON lines into io.printed
 * await emitCommand(defaultScenario.replace('default.json', 'vdp-pair-heterodyne-stream.json'), { to: `${dir}/detected.qsw` }, io, 'record');
 * io.printed.length = 0;
 * await detectCommand({ from: `${dir}/detected.qsw`, bins: '8' }, io);
 * const lines = io.printed.join('').trim().split('\n').map((l) => JSON.parse(l));
 * [lines[0].kind, lines.at(-1).kind, lines.filter((l) => l.kind === 'phase-histogram').at(-1).samples]; // → ['session', 'end', 2001]
 * await detectCommand({ listen: 'tcp://127.0.0.1' }, io); // throws "--listen: tcp://127.0.0.1 has no port"
 */
export async function detectCommand(options: DetectOptions, io: CommandIo & { stdin?: NodeJS.ReadableStream }): Promise<void> {
  if ((options.listen === undefined) === (options.from === undefined)) {
    throw new UsageError('--listen', 'give exactly one of --listen tcp://HOST:PORT | ws://HOST:PORT/PATH and --from FILE | - | tcp://HOST:PORT');
  }
  const bins = positiveInteger('--bins', options.bins);
  const segmentLength = positiveInteger('--segment', options.segment);
  if (segmentLength !== undefined && (segmentLength < 2 || (segmentLength & (segmentLength - 1)) !== 0)) {
    throw new UsageError('--segment', `must be a power of two ≥ 2, got ${segmentLength}`);
  }
  const print = (line: unknown): void => {
    io.stdout.write(`${JSON.stringify(line)}\n`);
  };
  const onListening = ({ url }: { url: string }): void => {
    print({ kind: 'listening', url });
    io.stderr.write(`qsync detect: listening on ${url}\n`);
  };
  let records: Observable<WireRecord | WireSubscribe>;
  if (options.listen !== undefined) {
    const at = parseEndpoint('--listen', options.listen, ['tcp', 'ws']);
    if (at.kind !== 'tcp' && at.kind !== 'ws') throw new UsageError('--listen', `takes tcp://HOST:PORT or ws://HOST:PORT/PATH, got ${options.listen}`);
    records = at.kind === 'tcp'
      ? fromTcp({ listen: { host: at.host, port: at.port }, onListening, consumer: 'qsync detect' })
      : fromWebSocket({ listen: { host: at.host, port: at.port, ...(at.path !== '/' ? { path: at.path } : {}) }, onListening, consumer: 'qsync detect' });
  } else {
    const at = parseEndpoint('--from', options.from as string);
    records = at.kind === 'file' ? replayFile(at.path, { pace: 'fast' })
      : at.kind === 'stdio' ? fromReadable((io.stdin ?? process.stdin) as never)
      : at.kind === 'tcp' ? fromTcp({ connect: at.url, consumer: 'qsync detect', lastSeq: null })
      : fromWebSocket({ connect: at.url, consumer: 'qsync detect' });
  }
  const config = { ...(bins !== undefined ? { bins } : {}), ...(segmentLength !== undefined ? { segmentLength } : {}) };
  await lastValueFrom(
    records.pipe(
      detectorEstimates(config),
      tap((line) => {
        print(line);
        if (line.kind === 'session') io.stderr.write(`qsync detect: ${line.replaces !== undefined ? `new session ${line.sessionId} (replaces ${line.replaces}): estimates restart` : `session ${line.sessionId}`} — ${line.name}, model ${line.model ?? '?'}, seed ${line.seed ?? '?'}\n`);
        if (line.kind === 'gap' || line.kind === 'dropped') io.stderr.write(`qsync detect: ${line.kind}: records ${line.firstSeq}…${line.lastSeq} (${line.samples} samples) lost\n`);
      }),
    ),
    { defaultValue: undefined },
  );
}

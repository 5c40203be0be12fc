import { createWireHub, fromReadable, fromTcp, fromWebSocket, replayFile } from '@qsync/wire';
import type { WireRecord, WireSubscribe } from '@qsync/wire';
import { type Observable, concatMap, defer, from, fromEvent, ignoreElements, lastValueFrom, repeat, takeUntil, takeWhile, tap } from 'rxjs';
import type { CommandIo } from '../common/command-io';
import { commandProgress } from '../common/command-progress';
import { silentProgress } from '../common/progress';
import { UsageError } from '../common/errors';
import { detectorEstimates } from './detector-estimates';
import { parseEndpoint } from './endpoint';
import { estimateStreams } from './estimate-streams';
import { sendWire } from './send-wire';

/** Options of `qsync detect` as commander hands them over. */
export interface DetectOptions {
  /** wait here for a producer (`qsync emit --to`) to dial in: tcp://HOST:PORT or ws://HOST:PORT/PATH */
  readonly listen?: string;
  /** read a recording, stdin (-), or dial a producer that listens (tcp://, ws://: one serving with toTcp/toWebSocket({ listen }); qsync emit and replay only dial, so they need --listen) */
  readonly from?: string;
  readonly bins?: string;
  readonly segment?: string;
  /** also send the estimates on as wire streams (one per producer session): tcp://, ws://, a file or - (then no JSON lines) */
  readonly to?: string;
  /** with --listen: return after this many streams have ended (default: keep listening) */
  readonly streams?: string;
  /** false for `--no-progress` (with --from FILE: the bytes read, on stderr when a terminal) */
  readonly progress?: boolean;
}

/**
 * The lastSeq a fresh detector subscribes with: beyond any seq a producer reaches, it asks for
 * the oldest record the producer still holds (wire README, "A stream" 4), so a detector started
 * late or restarted gets the sender's history and a `gap` notice for exactly what is gone
 * ("from now", null, would get neither and count a part of the stream as the whole).
 */
const FROM_OLDEST = Number.MAX_SAFE_INTEGER;

const positiveInteger = (option: string, value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(option, `must be an integer ≥ 1, got '${value}'`);
  return Number(value);
};

/**
 * `qsync detect`: receives current streams and prints live estimates as JSON lines on stdout
 * (see {@link detectorEstimates}): first `{"kind":"listening","url":…}` when listening, then per
 * producer session a `session` line, `phase-histogram` and `spectrum` lines after each block,
 * `gap`/`dropped` lines for losses, and `end` — or `cut-off` and an error (exit 1) when the
 * input stops without the stream's end. A fresh detector subscribes from the oldest record the
 * producer holds, so one started late or restarted gets the producer's history and a `gap` line
 * for exactly what is gone before it. With `--to` it also sends the estimates
 * on as wire streams, one per producer session ({@link estimateStreams}; over TCP or WebSocket
 * it dials the consumer, one connection per session, and a slow one drops the oldest frames with
 * a count; to `-` they replace the JSON lines on stdout).
 *
 * Listening, it serves one producer at a time and keeps serving: a producer that disconnects
 * and dials in again with the same session is resumed (its records counted once); a producer of
 * a new session starts new estimates (its `session` line names the one it `replaces`); after a
 * stream's end it waits for the next producer. It returns after `--streams` ends, when `signal`
 * aborts (SIGINT/SIGTERM in the program), or with `--from` at the end of its input (a
 * recording's progress, bytes read, on stderr when a terminal).
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
export async function detectCommand(options: DetectOptions, io: CommandIo & { stdin?: NodeJS.ReadableStream }, signal?: AbortSignal): Promise<void> {
  if ((options.listen === undefined) === (options.from === undefined)) {
    throw new UsageError('--listen', 'give exactly one of --listen tcp://HOST:PORT | ws://HOST:PORT/PATH and --from FILE | - | tcp://HOST:PORT');
  }
  const bins = positiveInteger('--bins', options.bins);
  const segmentLength = positiveInteger('--segment', options.segment);
  if (segmentLength !== undefined && (segmentLength < 2 || (segmentLength & (segmentLength - 1)) !== 0)) {
    throw new UsageError('--segment', `must be a power of two ≥ 2, got ${segmentLength}`);
  }
  const streams = positiveInteger('--streams', options.streams) ?? Infinity;
  if (options.streams !== undefined && options.listen === undefined) throw new UsageError('--streams', 'is for --listen (with --from the input ends by itself)');
  const to = options.to === undefined ? undefined : parseEndpoint('--to', options.to);
  const print = (line: unknown): void => {
    if (to?.kind !== 'stdio') io.stdout.write(`${JSON.stringify(line)}\n`);
  };
  let listening: string | null = null;
  const onListening = ({ url }: { url: string }): void => {
    if (listening !== null) return; // listening again on the same address after a stream's end
    listening = url;
    print({ kind: 'listening', url });
    io.stderr.write(`qsync detect: listening on ${url}\n`);
  };
  // a recording read with --from shows how much of it is done; a live stream has no end to count to
  const progress = options.from !== undefined ? commandProgress(io, options.progress) : silentProgress;
  let records: Observable<WireRecord | WireSubscribe>;
  if (options.listen !== undefined) {
    const at = parseEndpoint('--listen', options.listen, ['tcp', 'ws']);
    if (at.kind !== 'tcp' && at.kind !== 'ws') throw new UsageError('--listen', `takes tcp://HOST:PORT or ws://HOST:PORT/PATH, got ${options.listen}`);
    // a source ends with its stream: listen again, on the port first bound (port 0 picks one once)
    const port = (): number => (listening === null ? at.port : Number(/:(\d+)(\/|$)/.exec(listening)?.[1] ?? at.port));
    // a connection that is no producer (a browser, a scanner) or sends bad records is closed and told of; listening goes on
    const onRefused = ({ peer, reason }: { peer: string; reason: string }): void => {
      io.stderr.write(`qsync detect: closed the connection from ${peer}: ${reason}\n`);
    };
    records = defer(() =>
      at.kind === 'tcp'
        ? fromTcp({ listen: { host: at.host, port: port() }, onListening, onRefused, consumer: 'qsync detect', lastSeq: FROM_OLDEST })
        : fromWebSocket({ listen: { host: at.host, port: port(), ...(at.path !== '/' ? { path: at.path } : {}) }, onListening, onRefused, consumer: 'qsync detect', lastSeq: FROM_OLDEST }),
    ).pipe(repeat());
  } else {
    const at = parseEndpoint('--from', options.from as string);
    records = at.kind === 'file' ? replayFile(at.path, { pace: 'fast', onProgress: ({ done, total }) => progress.count('bytes', done, total) })
      : at.kind === 'stdio' ? fromReadable((io.stdin ?? process.stdin) as never)
      : at.kind === 'tcp' ? fromTcp({ connect: at.url, consumer: 'qsync detect', lastSeq: FROM_OLDEST })
      : fromWebSocket({ connect: at.url, consumer: 'qsync detect', lastSeq: FROM_OLDEST });
  }
  const config = { bins: bins ?? 32, segmentLength: segmentLength ?? 64 };
  let ended = 0;
  const lines = records.pipe(
    detectorEstimates(config),
    tap((line) => {
      print(line);
      if (line.kind === 'session') io.stderr.write(`qsync detect: ${line.replaces !== undefined ? `new session ${line.sessionId} (replaces ${line.replaces}): estimates restart` : `session ${line.sessionId}`} — ${line.name}, model ${line.model ?? '?'}, seed ${line.seed ?? '?'}\n`);
      if (line.kind === 'gap' || line.kind === 'dropped') {
        io.stderr.write(`qsync detect: ${line.kind}: records ${line.firstSeq}…${line.lastSeq} (${line.estimated === true ? 'about ' : ''}${line.samples} samples) lost\n`);
      }
      if (line.kind === 'already-ended') io.stderr.write(`qsync detect: session ${line.sessionId} has already ended: its records are all counted, nothing to add\n`);
      if (line.kind === 'end') ended++;
    }),
    takeWhile((line) => !(line.kind === 'end' && ended >= streams), true),
    signal === undefined ? (x) => x : takeUntil(fromEvent(signal, 'abort')),
  );
  const say = (text: string): void => {
    io.stderr.write(`qsync detect --to: ${text}\n`);
  };
  const sent = to === undefined
    ? lines.pipe(ignoreElements())
    : to.kind === 'tcp' || to.kind === 'ws'
      // one connection per session, in turn; estimates are cumulative, so a slow consumer may drop old frames
      ? lines.pipe(estimateStreams(config), concatMap((stream) => from(sendWire(stream, to, { hub: createWireHub({ buffer: { records: 64, policy: 'drop-oldest' } }), say, ...(signal ? { signal } : {}) }))))
      // a file or stdout: the sessions' streams one after another
      : from(sendWire(lines.pipe(estimateStreams(config), concatMap((stream) => stream)), to, { stdout: io.stdout, ...(signal ? { signal } : {}) }));
  try {
    await lastValueFrom(sent, { defaultValue: undefined });
  } finally {
    progress.stop();
  }
}

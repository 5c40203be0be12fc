import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Observable } from 'rxjs';
import type { Progress } from '@qsync/frames';
import { WireFormatError } from './wire-format-error';
import { createWireDecoder } from './create-wire-decoder';
import type { WireRecord, WireSubscribe } from './wire-record';

/** Options of {@link replayFile}. */
export interface ReplayFileConfig {
  /**
   * 'fast': every record as soon as it is read; 'recorded': data records at the pace of their
   * own times (see {@link replayFile}), scaled by `timeUnitMs`
   */
  pace: 'fast' | 'recorded';
  /** wall-clock milliseconds per unit of the stream's time t (required with pace 'recorded') */
  timeUnitMs?: number;
  /** largest record accepted, bytes (default 64 MiB) */
  maxRecordBytes?: number;
  /**
   * a gate to wait at before each record — a hub (createWireHub) whose 'pause' consumers hold
   * the replay while their buffers are full, so that replaying into a network sink needs no
   * buffer larger than the hub's: `replayFile(path, { pace, gate: hub }).pipe(toTcp({ listen, hub }))`
   */
  gate?: WireGate;
  /**
   * called with `{ done, total }` in bytes of the file: after each chunk read has gone out
   * (about every 64 KiB) and once at the end (done = total)
   */
  onProgress?: (progress: Progress) => void;
}

/** What a replay waits at: open now, or a promise of opening (a {@link WireHub} is one). */
export interface WireGate {
  readonly open: boolean;
  ready(): Promise<void>;
}

/**
 * Replays a recorded wire stream (a file written by `recordToFile`) as an Observable of its
 * records, in order: as fast as it can be read (`pace: 'fast'`), or at its recorded pace
 * (`pace: 'recorded'`): with T0 the start time of the first data record, a block from t0 with
 * `length` samples of spacing dt is released (t0 + (length − 1)·dt − T0)·timeUnitMs milliseconds
 * after the replay started — the time of its last sample, when a live producer would have had it
 * — and a frame at time t (t − T0)·timeUnitMs after; the header and notices go out as soon as
 * they are reached. Records whose time has passed go at once. With a `gate` (a hub), each record
 * also waits until the gate is open. The file is read as the records go out, so memory holds
 * about one chunk (64 KiB). `onProgress` reports the bytes gone out of the file's size. Errors: a WireFormatError for a corrupted, truncated or unknown-version file
 * (the records before the bad one have been emitted), an Error naming the path when it cannot be
 * read. Unsubscribing stops the replay and closes the file.
 *
 * @param path - the file
 * @param config - `{ pace, timeUnitMs (pace 'recorded'), maxRecordBytes = 64 MiB, gate?, onProgress? }`
 * @returns an Observable of the file's records
 * @throws Error naming `path`, `pace`, `timeUnitMs`, `gate` or `onProgress` when not as described
 * @example
 * import { writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(tmpdir(), `qsync-replay-example-${process.pid}.qsw`);
 * writeFileSync(path, Buffer.concat([encodeWireRecord({ kind: 'end', seq: 0 })]));
 * await lastValueFrom(replayFile(path, { pace: 'fast' }).pipe(toArray())); // [{ kind: 'end', seq: 0 }]
 * writeFileSync(path, encodeWireRecord({ kind: 'end', seq: 0 }).subarray(0, 13));
 * await lastValueFrom(replayFile(path, { pace: 'fast' })); // throws "the stream ends inside the record at byte 0: 13 of its"
 */
export function replayFile(path: string, config: ReplayFileConfig): Observable<WireRecord | WireSubscribe> {
  const fn = 'replayFile';
  if (typeof path !== 'string' || path === '') throw new Error(`${fn}: argument 'path' must be a file path, got ${String(path)}`);
  if (config === null || typeof config !== 'object' || (config.pace !== 'fast' && config.pace !== 'recorded')) {
    throw new Error(`${fn}: option 'pace' must be 'fast' or 'recorded', got ${String(config?.pace)}`);
  }
  const unit = config.timeUnitMs;
  if (config.pace === 'recorded' && !(typeof unit === 'number' && Number.isFinite(unit) && unit > 0)) {
    throw new Error(`${fn}: option 'timeUnitMs' (wall-clock ms per unit of the stream's time) must be a number > 0 with pace 'recorded', got ${String(unit)}`);
  }
  const { gate, onProgress } = config;
  if (gate !== undefined && (gate === null || typeof gate !== 'object' || typeof gate.ready !== 'function' || typeof gate.open !== 'boolean')) {
    throw new Error(`${fn}: option 'gate' must be a hub or { open: boolean, ready(): Promise<void> }, got ${String(gate)}`);
  }
  if (onProgress !== undefined && typeof onProgress !== 'function') {
    throw new Error(`${fn}: option 'onProgress' must be a function ({ done, total }) => void, got ${String(onProgress)}`);
  }
  const decoderConfig = config.maxRecordBytes !== undefined ? { maxRecordBytes: config.maxRecordBytes } : {};
  createWireDecoder(decoderConfig); // checks the option now

  return new Observable<WireRecord | WireSubscribe>((subscriber) => {
    const abort = new AbortController();
    const aborted = new Promise<void>((resolve) => abort.signal.addEventListener('abort', () => resolve()));
    // opened only once stat has succeeded: a stream opened first and then left unread when stat
    // throws would report its own 'error' with no listener, and that takes the process down
    let file: ReturnType<typeof createReadStream> | null = null;
    const decoder = createWireDecoder(decoderConfig);
    const started = performance.now();
    let origin: number | null = null; // T0
    // when a record is due, ms after the start; null: at once
    const due = (r: WireRecord | WireSubscribe): number | null => {
      if (config.pace === 'fast' || unit === undefined) return null;
      let start: number;
      let stop: number;
      if (r.kind === 'block') {
        start = r.block.t0;
        stop = r.block.t0 + (r.block.length - 1) * r.block.dt; // its last sample
      } else if (r.kind === 'frame') {
        start = r.frame.t;
        stop = r.frame.t;
      } else {
        return null;
      }
      if (origin === null) origin = start;
      return (stop - origin) * unit;
    };
    const run = async (): Promise<void> => {
      try {
        const total = onProgress !== undefined ? (await stat(path)).size : 0;
        if (abort.signal.aborted) return;
        file = createReadStream(path);
        let done = 0;
        for await (const chunk of file) {
          let records: (WireRecord | WireSubscribe)[];
          let failure: WireFormatError | null = null;
          try {
            records = decoder.push(chunk as Uint8Array);
          } catch (e) {
            if (!(e instanceof WireFormatError)) throw e;
            // the records before the bad one go out first, at their pace
            records = [...e.decoded];
            failure = e;
          }
          for (const record of records) {
            const at = due(record);
            // timers may fire a little early (libuv's clock is read once per loop turn): wait until due
            for (let wait = at === null ? 0 : at - (performance.now() - started); wait > 0; wait = (at ?? 0) - (performance.now() - started)) {
              await sleep(wait, undefined, { signal: abort.signal });
            }
            // a hub whose pausing consumers are full holds the replay here (and the file's reading with it)
            while (gate !== undefined && !gate.open && !subscriber.closed) await Promise.race([gate.ready(), aborted]);
            if (subscriber.closed) return;
            subscriber.next(record);
          }
          if (failure !== null) throw failure;
          done += (chunk as Uint8Array).byteLength;
          if (onProgress !== undefined && done < total) onProgress({ done: done - decoder.pending, total });
        }
        decoder.end();
        onProgress?.({ done: total, total });
        subscriber.complete();
      } catch (e) {
        if (abort.signal.aborted) return;
        const error = e as NodeJS.ErrnoException;
        subscriber.error(error.code !== undefined && error.syscall !== undefined ? new Error(`${fn}: cannot read '${path}': ${error.message}`) : error);
      }
    };
    void run();
    return () => {
      abort.abort();
      file?.destroy();
    };
  });
}

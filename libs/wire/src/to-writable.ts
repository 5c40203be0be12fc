import { Observable } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { Writable } from 'node:stream';
import { encodeWireRecord } from './wire-codec';
import type { WireRecord, WireSubscribe } from './wire-record';

/** Options of {@link toWritable}. */
export interface ToWritableConfig {
  /** end the stream when the records complete (a file); default false (stdout, a socket you keep) */
  end?: boolean;
}

/**
 * A sink for any byte stream of node — stdout, a pipe, a file, a socket: writes each record
 * framed (encodeWireRecord) as it arrives. The returned Observable emits nothing; it completes
 * once the records have completed and every byte has been handed to the system (and the stream
 * has finished, with `end: true`), and errors with the source's error (after flushing what came
 * before, so a reader sees a stream cut off without `end`) or the stream's error. Unsubscribing
 * stops writing and leaves the stream open. The stream's own buffer holds what the destination
 * has not taken yet; a producer faster than the destination should be paced (createWireHub with
 * the 'pause' policy) to keep memory bounded.
 *
 * @param stream - a node Writable taking bytes (process.stdout, fs.createWriteStream(…), a socket)
 * @param config - `{ end = false }`
 * @returns an operator WireRecord → never
 * @throws Error naming `stream` when it is not a Writable
 * @example
 * import { Writable } from 'node:stream';
 * const chunks: Uint8Array[] = [];
 * const out = new Writable({ write(chunk, _enc, done) { chunks.push(chunk); done(); } });
 * await lastValueFrom(of<WireRecord>({ kind: 'end', seq: 0 }).pipe(toWritable(out)), { defaultValue: 'done' }); // 'done'
 * createWireDecoder().push(chunks[0]); // [{ kind: 'end', seq: 0 }]
 */
export function toWritable(stream: Writable, config: ToWritableConfig = {}): OperatorFunction<WireRecord | WireSubscribe, never> {
  const fn = 'toWritable';
  if (stream === null || typeof stream !== 'object' || typeof stream.write !== 'function' || typeof stream.on !== 'function') {
    throw new Error(`${fn}: argument 'stream' must be a node Writable (process.stdout, a file or socket stream), got ${String(stream)}`);
  }
  const end = config.end ?? false;
  return (source) =>
    new Observable<never>((subscriber) => {
      let done = false;
      const onError = (e: Error): void => {
        if (done) return;
        done = true;
        subscriber.error(new Error(`${fn}: the stream failed: ${e.message}`));
      };
      stream.on('error', onError);
      // completes (or fails with `failure`) once everything written so far has been flushed
      const finish = (failure: unknown): void => {
        const settle = (e?: Error | null): void => {
          if (done) return;
          if (e) return onError(e);
          done = true;
          if (failure === undefined) subscriber.complete();
          else subscriber.error(failure);
        };
        if (end) {
          stream.end(settle);
        } else if (stream.writableLength === 0) {
          settle();
        } else {
          stream.write(new Uint8Array(0), settle);
        }
      };
      const subscription = source.subscribe({
        next: (record) => {
          if (done) return;
          let bytes: Uint8Array;
          try {
            bytes = encodeWireRecord(record);
          } catch (e) {
            done = true;
            subscriber.error(e);
            return;
          }
          stream.write(bytes);
        },
        error: (e: unknown) => finish(e),
        complete: () => finish(undefined),
      });
      return () => {
        subscription.unsubscribe();
        stream.off('error', onError);
      };
    });
}

import { Observable, catchError, concatWith, defer, ignoreElements, tap, throwError } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import type { Writable } from 'node:stream';
import { encodeWireRecord } from './encode-wire-record';
import type { WireRecord, WireSubscribe } from './wire-record';

/** Options of {@link toWritable}. */
export interface ToWritableConfig {
  /** end the stream when the records complete (a file); default false (stdout, a socket you keep) */
  end?: boolean;
  /**
   * bound on the bytes written but not yet taken by the destination (the stream's own buffer),
   * default 64 MiB: beyond it the sink fails with an error saying so, rather than let memory grow
   */
  maxPendingBytes?: number;
}

/**
 * A sink for any byte stream of node — stdout, a pipe, a file, a socket: writes each record
 * framed (encodeWireRecord) as it arrives. The returned Observable emits nothing; it completes
 * once the records have completed and every byte has been handed to the system (and the stream
 * has finished, with `end: true`), and errors with the source's error (after flushing what came
 * before, so a reader sees a stream cut off without `end`) or the stream's error. Unsubscribing
 * stops writing and leaves the stream open. The stream's own buffer holds what the destination
 * has not taken yet, up to `maxPendingBytes`: a destination that falls further behind fails the
 * sink with an error naming the bound (policy 'error': no silent loss, no unbounded memory). A
 * producer that may outrun its destination is paced with createWireHub's 'pause' policy.
 *
 * @param stream - a node Writable taking bytes (process.stdout, fs.createWriteStream(…), a socket)
 * @param config - `{ end = false, maxPendingBytes = 64 MiB }`
 * @returns an operator WireRecord → never
 * @throws Error naming `stream` when it is not a Writable, or `maxPendingBytes` when it is not a number > 0
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
  const maxPending = config.maxPendingBytes ?? 64 * 1024 * 1024;
  if (typeof maxPending !== 'number' || !(maxPending > 0)) {
    throw new Error(`${fn}: option 'maxPendingBytes' must be a number of bytes > 0, got ${String(maxPending)}`);
  }
  return (source) =>
    new Observable<never>((subscriber) => {
      const streamError = (e: Error): Error => new Error(`${fn}: the stream failed: ${e.message}`);
      const onError = (e: Error): void => subscriber.error(streamError(e));
      stream.on('error', onError);
      subscriber.add(() => stream.off('error', onError));
      let own: unknown = null; // an error of this sink (encoding, the bound): no flush before it
      // completes, or fails with `failure`, once everything written so far has been flushed
      const flushed = (failure?: unknown): Observable<never> =>
        new Observable<never>((done) => {
          const settle = (e?: Error | null): void => {
            if (e) done.error(streamError(e));
            else if (failure === undefined) done.complete();
            else done.error(failure);
          };
          if (end) stream.end(settle);
          else if (stream.writableLength === 0) settle();
          else stream.write(new Uint8Array(0), settle);
        });
      source
        .pipe(
          tap((record) => {
            try {
              const bytes = encodeWireRecord(record);
              if (stream.writableLength + bytes.byteLength > maxPending) {
                throw new Error(
                  `${fn}: the destination is not keeping up: ${stream.writableLength} bytes are waiting to be written and ` +
                    `the next record has ${bytes.byteLength}, beyond maxPendingBytes = ${maxPending}; pace the producer ` +
                    `(createWireHub with the 'pause' policy) or raise the bound`,
                );
              }
              stream.write(bytes);
            } catch (e) {
              own = e;
              throw e;
            }
          }),
          ignoreElements(),
          catchError((e: unknown) => (e === own ? throwError(() => e) : flushed(e))),
          concatWith(defer(() => flushed())),
        )
        // handing on this subscriber links the chain to it: unsubscribing stops a synchronous source at once
        .subscribe(subscriber);
    });
}

import { Observable } from 'rxjs';
import type { Readable } from 'node:stream';
import { WireFormatError } from './wire-format-error';
import { createWireDecoder } from './create-wire-decoder';
import type { WireDecoderConfig } from './create-wire-decoder';
import type { WireRecord, WireSubscribe } from './wire-record';

/**
 * A source reading wire records from any byte stream of node — stdin, a pipe, a child's stdout,
 * a file or socket stream. Emits each record as soon as its last byte has arrived; completes when
 * the stream ends; errors with a WireFormatError (naming the problem and its byte offset) at the
 * first invalid record or when the stream ends inside a record, and with the stream's own error.
 * Reading starts on subscription; unsubscribing stops listening and pauses the stream (it stays
 * open: it belongs to the caller).
 *
 * @param stream - a node Readable giving bytes (not text: no setEncoding)
 * @param config - `{ maxRecordBytes = 64 MiB }`, as createWireDecoder
 * @returns an Observable of the records
 * @throws Error naming `stream` when it is not a Readable
 * @example
 * import { Readable } from 'node:stream';
 * const input = Readable.from([encodeWireRecord({ kind: 'end', seq: 4 })]);
 * await lastValueFrom(fromReadable(input).pipe(toArray())); // [{ kind: 'end', seq: 4 }]
 * await lastValueFrom(fromReadable(Readable.from([Buffer.from('hello, world')]))); // throws "not a qsync wire record at byte 0"
 */
export function fromReadable(stream: Readable, config: WireDecoderConfig = {}): Observable<WireRecord | WireSubscribe> {
  const fn = 'fromReadable';
  if (stream === null || typeof stream !== 'object' || typeof stream.on !== 'function' || typeof stream.pause !== 'function') {
    throw new Error(`${fn}: argument 'stream' must be a node Readable (process.stdin, a file or socket stream), got ${String(stream)}`);
  }
  createWireDecoder(config); // checks the options now, not at subscription
  return new Observable<WireRecord | WireSubscribe>((subscriber) => {
    const decoder = createWireDecoder(config);
    const onData = (chunk: Uint8Array): void => {
      try {
        for (const record of decoder.push(chunk)) {
          if (subscriber.closed) return;
          subscriber.next(record);
        }
      } catch (e) {
        // the records before the bad one come first, then the error
        for (const record of e instanceof WireFormatError ? e.decoded : []) if (!subscriber.closed) subscriber.next(record);
        subscriber.error(e);
      }
    };
    const onEnd = (): void => {
      try {
        decoder.end();
        subscriber.complete();
      } catch (e) {
        subscriber.error(e);
      }
    };
    const onError = (e: Error): void => subscriber.error(new Error(`${fn}: the stream failed: ${e.message}`));
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    return () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.pause();
    };
  });
}

import { createWriteStream } from 'node:fs';
import { Observable, catchError, concatWith, defer, mergeMap, throwError, timer } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { toWritable } from './to-writable';
import type { WireRecord } from './wire-record';

/**
 * A sink recording a wire stream into a file (created or truncated on subscription): the file is
 * the stream's bytes exactly, records back to back, readable by `replayFile`, by `fromReadable`
 * on any byte stream of it, and by another language from the README alone. The returned
 * Observable emits nothing and completes when the file is written and closed. When the source
 * errors, what came before is kept (the file then ends without an `end` record, so a reader
 * sees the recording was cut off) and the error is passed on once the file is closed.
 * Unsubscribing closes the file.
 *
 * @param path - the file to write
 * @returns an operator WireRecord → never
 * @throws Error naming `path` when it is not a non-empty string
 * @example
 * import { readFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(tmpdir(), `qsync-wire-example-${process.pid}.qsw`);
 * await lastValueFrom(of<WireRecord>({ kind: 'end', seq: 0 }).pipe(recordToFile(path)), { defaultValue: 'written' }); // 'written'
 * readFileSync(path).subarray(0, 3).toString(); // 'QSW'
 */
export function recordToFile(path: string): OperatorFunction<WireRecord, never> {
  const fn = 'recordToFile';
  if (typeof path !== 'string' || path === '') throw new Error(`${fn}: argument 'path' must be a file path, got ${String(path)}`);
  return (source) =>
    new Observable<never>((subscriber) => {
      const file = createWriteStream(path);
      // the file is ours: its errors all end up here, even after the subscriber has gone
      const fileError = (e: Error): Error => new Error(`${fn}: cannot write '${path}': ${e.message}`);
      let failed: Error | null = null;
      file.on('error', (e) => {
        failed ??= e;
        subscriber.error(fileError(e));
      });
      subscriber.add(() => {
        if (!file.closed) file.destroy();
      });
      // resolves once the file is closed
      const closed = (): Observable<never> =>
        new Observable<never>((done) => {
          if (file.closed) done.complete();
          else file.once('close', () => done.complete());
        });
      source
        .pipe(
          toWritable(file, { end: true }),
          // toWritable has flushed and ended the file: pass the outcome on once it is closed (a failing
          // file reports to toWritable before its 'error' event: prefer the file's own words)
          catchError((e: unknown) => {
            // toWritable's own failure (its bound on bytes waiting, tripped by a source that
            // never yields) leaves the file open: the recording is incomplete, close it now
            if (!file.closed && !file.destroyed && !file.writableFinished) file.destroy();
            return closed().pipe(concatWith(timer(0).pipe(mergeMap(() => throwError(() => (failed !== null ? fileError(failed) : e))))));
          }),
          concatWith(defer(closed)),
        )
        .subscribe(subscriber);
    });
}

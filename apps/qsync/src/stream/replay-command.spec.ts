// replayCommand's memory with a consumer that takes every record at once: what stays in the
// process is the consumer's buffer and the last record, not the stream (the hub's default history
// of 4096 records / 256 MiB would keep all of this 16 MiB recording).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sampleBlock, streamSchema } from '@qsync/frames';
import type { SampleRecord } from '@qsync/frames';
import { recordToFile, toWire, wireHeader } from '@qsync/wire';
import { Observable, lastValueFrom } from 'rxjs';
import { afterAll, expect, it } from 'vitest';
import { replayCommand } from './replay-command';

const tmp = mkdtempSync(join(tmpdir(), 'qsync-replay-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// a full collection on demand, whether or not node was started with --expose-gc
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

it('replay to a fast consumer (stdout) holds a few records, not the 16 MiB recording: ArrayBuffer memory after GC grows < 4 MiB mid-stream', async () => {
  const blocks = 256;
  const samples = 4096; // one complex channel: 64 KiB a block
  const file = join(tmp, 'big.qsw');
  const records = new Observable<SampleRecord>((out) => {
    out.next(streamSchema({ channels: { I: { kind: 'complex' } }, rate: 1 }));
    for (let k = 0; k < blocks; k++) out.next(sampleBlock({ t0: k * samples, dt: 1, columns: { I: { kind: 'complex', data: new Float64Array(2 * samples).fill(k) } } }));
    out.complete();
  });
  await lastValueFrom(records.pipe(toWire(wireHeader({ name: 'memory check', sourceId: 'spec' })), recordToFile(file)), { defaultValue: undefined });
  gc();
  const before = process.memoryUsage().arrayBuffers;
  let written = 0;
  let midStream = -1;
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.byteLength;
      // halfway through (8 MiB taken): what the process still holds of what went by
      if (midStream < 0 && written > 8 * 2 ** 20) {
        gc();
        midStream = process.memoryUsage().arrayBuffers - before;
      }
      done();
    },
  });
  const quiet = { write: () => true, isTTY: false } as unknown as NodeJS.WriteStream;
  await replayCommand(file, { to: '-', progress: false }, { stdout: stdout as unknown as NodeJS.WriteStream, stderr: quiet });
  expect(written).toBeGreaterThan(blocks * samples * 16);
  expect(midStream).toBeGreaterThanOrEqual(0 - 2 ** 20);
  expect(midStream).toBeLessThan(4 * 2 ** 20);
});

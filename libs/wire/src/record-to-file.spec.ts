import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleBlock, streamSchema } from '@qsync/frames';
import type { SampleRecord } from '@qsync/frames';
import { Observable, lastValueFrom } from 'rxjs';
import { afterAll, describe, expect, it } from 'vitest';
import { recordToFile } from './record-to-file';
import { toWire } from './to-wire';
import { wireHeader } from './wire-header';

const dir = mkdtempSync(join(tmpdir(), 'qsync-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('recordToFile', () => {
  it("fails, naming the bound, when a source that never yields outruns the disk past toWritable's 64 MiB (it hung silently)", async () => {
    // 1100 blocks of 64 KiB emitted in one synchronous loop: the file cannot drain meanwhile
    const source = new Observable<SampleRecord>((out) => {
      out.next(streamSchema({ channels: { J: { kind: 'complex' } }, rate: 1 }));
      for (let k = 0; k < 1100 && !out.closed; k++) out.next(sampleBlock({ t0: k * 4096, dt: 1, columns: { J: { kind: 'complex', data: new Float64Array(8192).fill(k) } } }));
      out.complete();
    });
    const recorded = lastValueFrom(source.pipe(toWire(wireHeader({ name: 'big', sourceId: 'spec' })), recordToFile(join(dir, 'big.qsw'))), { defaultValue: null });
    const hung = new Promise<string>((resolve) => setTimeout(() => resolve('no outcome within 10 s'), 10_000).unref());
    const outcome = await Promise.race([recorded.then(() => 'completed', (e: Error) => e.message), hung]);
    expect(outcome).toMatch(/^toWritable: the destination is not keeping up: .* beyond maxPendingBytes = 67108864/);
  }, 20_000);
});

/**
 * A child process for the stdio transport's spec: writes the wire stream of `testStream(blocks)`
 * (argv[2] blocks, default 20) to stdout with toWritable. With argv[3] = 'corrupt' it flips one
 * payload bit of the third record; with 'cut' it stops 5 bytes before the end.
 */
import { from, lastValueFrom, map, toArray } from 'rxjs';
import { toWire } from '../to-wire';
import { toWritable } from '../to-writable';
import { encodeWireRecord } from '../encode-wire-record';
import { testHeader, testStream } from './test-stream';

const blocks = Number(process.argv[2] ?? 20);
const mode = process.argv[3] ?? 'clean';

if (mode === 'clean') {
  await lastValueFrom(from(testStream(blocks)).pipe(toWire(testHeader), toWritable(process.stdout)), { defaultValue: undefined });
} else {
  const records = await lastValueFrom(from(testStream(blocks)).pipe(toWire(testHeader), map(encodeWireRecord), toArray()));
  if (mode === 'corrupt') records[2][20] ^= 0x10;
  const bytes = Buffer.concat(records);
  process.stdout.write(mode === 'cut' ? bytes.subarray(0, bytes.byteLength - 5) : bytes);
}

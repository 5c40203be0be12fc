/**
 * Throughput of a sampled signal through the streaming Welch estimator (`welchOf`), as a stream
 * of sample blocks and as a stream of per-sample frames, beside `welch` on the whole array.
 * Not a test: nothing is asserted. Run:
 *
 *   npx tsx libs/spectral/bench/welch-throughput.ts [--samples 2097152] [--reps 5]
 *
 * The signal is real Gaussian noise (and, for the complex rows, complex noise) held in one array;
 * each source builds what a producer would send — a new Float64Array per block, a new frame object
 * per sample — inside the timed run, and the run ends when `welchOf`'s last spectrum arrives.
 * Reported: the median over `reps` runs (after one warm-up run), in samples per second, and the
 * last density compared bit for bit with `welch` of the whole array.
 */
import { parseArgs } from 'node:util';
import { complexChannel, realChannel } from '@qsync/frames';
import type { Frame, SampleRecord } from '@qsync/frames';
import { createRng } from '@qsync/linalg';
import { Observable, lastValueFrom } from 'rxjs';
import { welch, welchOf } from '../src/index';

const { values } = parseArgs({
  options: { samples: { type: 'string', default: String(1 << 21) }, reps: { type: 'string', default: '5' } },
});
const N = Number(values.samples);
const reps = Number(values.reps);
const L = 1024;
const dt = 0.01;

function blockSource(x: Float64Array, complex: boolean, blockLength: number): Observable<SampleRecord> {
  const width = complex ? 2 : 1;
  const kind = complex ? 'complex' : 'real';
  return new Observable<SampleRecord>((subscriber) => {
    subscriber.next({ kind: 'schema', channels: { x: { kind, shape: [] } }, rate: 1 / dt });
    for (let k = 0; k < N && !subscriber.closed; k += blockLength) {
      const n = Math.min(blockLength, N - k);
      const data = x.slice(width * k, width * (k + n)); // a producer fills a new array per block
      subscriber.next({ kind: 'block', t0: k * dt, dt, length: n, columns: { x: { kind, data, shape: [] } } });
    }
    subscriber.complete();
  });
}

function frameSource(x: Float64Array, complex: boolean): Observable<Frame> {
  return new Observable<Frame>((subscriber) => {
    for (let k = 0; k < N && !subscriber.closed; k++) {
      const channel = complex ? complexChannel(x[2 * k], x[2 * k + 1]) : realChannel(x[k]);
      subscriber.next({ t: k * dt, channels: { x: channel } });
    }
    subscriber.complete();
  });
}

function median(a: number[]): number {
  const s = [...a].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

function sameBits(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

async function timeStream(make: () => Observable<Frame | SampleRecord>): Promise<{ rate: number; density: Float64Array }> {
  const rates: number[] = [];
  let density: Float64Array = new Float64Array(0);
  for (let r = -1; r < reps; r++) {
    const start = performance.now();
    const last = await lastValueFrom(make().pipe(welchOf({ channel: 'x', segmentLength: L })));
    const seconds = (performance.now() - start) / 1000;
    if (r >= 0) rates.push(N / seconds); // run −1 warms the path up (V8 compiles its loops)
    const c = last.channels.density;
    if (c.kind === 'array') density = c.data;
  }
  return { rate: median(rates), density };
}

const rows: string[] = [];
const line = (s: string): void => {
  rows.push(s);
  process.stdout.write(`${s}\n`);
};
const [load1] = (await import('node:os')).loadavg();
line(`N = ${N} samples, segmentLength ${L}, overlap 0.5, Hann; median of ${reps} runs; load average ${load1.toFixed(2)}`);
line('| signal | source | samples/s | last density = welch, bit for bit |');
line('| --- | --- | --- | --- |');
for (const complex of [false, true]) {
  const rng = createRng(complex ? 2 : 1);
  const x = new Float64Array((complex ? 2 : 1) * N);
  rng.fillGaussianInto(x);
  const label = complex ? 'complex' : 'real';
  const ref = welch(x, { dt, segmentLength: L, complex }); // also the warm-up of welch
  const arrayRates: number[] = [];
  for (let r = 0; r < reps; r++) {
    const start = performance.now();
    welch(x, { dt, segmentLength: L, complex });
    arrayRates.push(N / ((performance.now() - start) / 1000));
  }
  line(`| ${label} | welch on the whole array | ${median(arrayRates).toExponential(2)} | — |`);
  for (const blockLength of [256, 4096, 65536]) {
    const { rate, density } = await timeStream(() => blockSource(x, complex, blockLength));
    line(`| ${label} | blocks of ${blockLength} | ${rate.toExponential(2)} | ${sameBits(density, ref.density)} |`);
  }
  const { rate, density } = await timeStream(() => frameSource(x, complex));
  line(`| ${label} | one frame per sample | ${rate.toExponential(2)} | ${sameBits(density, ref.density)} |`);
}

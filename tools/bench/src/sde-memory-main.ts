// `npm run bench:memory` (tools/bench/src/sde-memory-main.ts): the memory one short SDE run takes
// at the Kuramoto sizes (one step of kuramoto(...).simulate, thesis Eq. 2.29), as recorded in
// libs/integrators/README.md. It counts the bytes of every Float64Array of at least 1 MB created
// by the call and its subscription (however soon the collector frees it), the high-water of
// `arrayBuffers` above the built model, and the peak resident set of the process. Needs
// --expose-gc, which the npm script passes, so that the baseline is taken after a collection.
import { Command, CommanderError } from 'commander';
import { lastValueFrom, tap } from 'rxjs';
import { kuramoto } from '@qsync/models';
import { integerArgument } from './integer-argument';
import { parseCommandLine } from './parse-command-line';

const MB = 2 ** 20;

interface MemoryOptions {
  log2n: number;
  method: 'sra' | 'euler-maruyama';
}

async function main(): Promise<void> {
  const command = new Command('bench:memory')
    .description('Memory of one SDE step of the Kuramoto model at N = 2^log2n oscillators')
    .option('--log2n <k>', 'oscillators N = 2^k', integerArgument(10, 25), 22)
    .option('--method <name>', "SDE scheme: 'sra' or 'euler-maruyama'", 'sra');
  const opts = parseCommandLine<MemoryOptions>(command, process.argv.slice(2));
  if (opts.method !== 'sra' && opts.method !== 'euler-maruyama') {
    throw new Error(`bench:memory: option '--method' must be 'sra' or 'euler-maruyama', got '${opts.method}'`);
  }
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('bench:memory: run with node --expose-gc (npm run bench:memory does)');

  const N = 2 ** opts.log2n;
  const model = kuramoto({ N, V: 1, G: 1, sigma: 1 });
  // Touch what the model owns before the baseline (the WebAssembly memory is written at the first drift).
  model.system.drift(new Float64Array(N), model.initialState(1), 0);
  gc();
  gc();

  // Count large Float64Arrays from here on by wrapping the constructor (restored below).
  let allocated = 0;
  const Native = globalThis.Float64Array;
  globalThis.Float64Array = new Proxy(Native, {
    construct(target, args, newTarget) {
      const a = Reflect.construct(target, args, newTarget === globalThis.Float64Array ? target : newTarget) as Float64Array;
      if (a.byteLength >= MB) allocated += a.byteLength;
      return a;
    },
  });
  const base = process.memoryUsage();
  let peakBuffers = base.arrayBuffers;
  let peakRss = base.rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss);
  };
  try {
    const dt = model.defaultDt;
    const run$ = model.simulate([0, dt], { dt, method: opts.method, noiseSeed: 1 });
    sample();
    await lastValueFrom(run$.pipe(tap(sample)));
    sample();
  } finally {
    globalThis.Float64Array = Native;
  }
  const row = {
    N: `2^${opts.log2n}`,
    method: opts.method,
    'Float64Arrays ≥ 1 MB created (MB)': +(allocated / MB).toFixed(1),
    'arrayBuffers high-water above the model (MB)': +((peakBuffers - base.arrayBuffers) / MB).toFixed(1),
    'peak resident set (MB)': +(peakRss / MB).toFixed(1),
  };
  console.log(JSON.stringify(row));
}

main().catch((e: unknown) => {
  if (e instanceof CommanderError) process.exit(0); // --help
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});

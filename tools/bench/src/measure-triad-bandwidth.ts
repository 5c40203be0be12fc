/** Result of {@link measureTriadBandwidth}. */
export interface TriadBandwidth {
  /** Float64 elements per array. */
  readonly elements: number;
  /** Bytes of the three arrays together (24 B per element). */
  readonly workingSetBytes: number;
  /** Best bandwidth over the trials, in GB/s (1e9 B/s), counting 24 B per element and pass. */
  readonly gbPerSecond: number;
  /** Number of timed trials. */
  readonly trials: number;
}

/**
 * This machine's streaming bandwidth as JavaScript sees it: the STREAM triad a[i] = b[i] + s·c[i]
 * on three Float64Arrays, best of several trials, counting 24 B per element (read b and c,
 * write a; the write-allocate read of a is not counted, as in STREAM). Each trial repeats the
 * pass until it has moved at least `bytesPerTrial`, so small (cache-resident) arrays are timed
 * over many passes. Synchronous; takes about trials × bytesPerTrial / bandwidth.
 *
 * @param elements - Float64 elements per array (≥ 1); 1 << 20 is 8 MiB each
 * @param trials - timed trials, the best counts (default 7)
 * @param bytesPerTrial - bytes a trial moves at least (default 2e8)
 * @param clock - milliseconds, read before and after each trial (default `performance.now`; a spec gives its own to check the arithmetic)
 * @example
 * measureTriadBandwidth(1 << 20).gbPerSecond; // > 0 — 12.3 on a 2-core EPYC VM
 */
export function measureTriadBandwidth(
  elements: number,
  trials = 7,
  bytesPerTrial = 2e8,
  clock: () => number = () => performance.now(),
): TriadBandwidth {
  if (!(Number.isInteger(elements) && elements >= 1)) {
    throw new Error(`measureTriadBandwidth: argument 'elements' must be an integer ≥ 1, got ${elements}`);
  }
  if (!(Number.isInteger(trials) && trials >= 1)) {
    throw new Error(`measureTriadBandwidth: argument 'trials' must be an integer ≥ 1, got ${trials}`);
  }
  if (!(bytesPerTrial > 0)) throw new Error(`measureTriadBandwidth: argument 'bytesPerTrial' must be > 0, got ${bytesPerTrial}`);
  const a = new Float64Array(elements);
  const b = new Float64Array(elements);
  const c = new Float64Array(elements);
  for (let i = 0; i < elements; i++) {
    b[i] = 1 + i * 1e-9;
    c[i] = 2 - i * 1e-9;
  }
  const passes = Math.max(1, Math.ceil(bytesPerTrial / (24 * elements)));
  let s = 0.5;
  triad(a, b, c, s, passes); // warm-up: JIT and page faults
  let best = Infinity;
  for (let k = 0; k < trials; k++) {
    s = 0.5 + k * 1e-3; // a changing scalar keeps the passes from being folded away
    const t0 = clock();
    triad(a, b, c, s, passes);
    best = Math.min(best, clock() - t0);
  }
  if (!Number.isFinite(a[elements - 1])) throw new Error('measureTriadBandwidth: the triad produced a non-finite value');
  return {
    elements,
    workingSetBytes: 24 * elements,
    gbPerSecond: (24 * elements * passes) / (best * 1e-3) / 1e9,
    trials,
  };
}

function triad(a: Float64Array, b: Float64Array, c: Float64Array, s: number, passes: number): void {
  const n = a.length;
  for (let p = 0; p < passes; p++) {
    for (let i = 0; i < n; i++) a[i] = b[i] + s * c[i];
  }
}

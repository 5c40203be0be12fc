/**
 * Eigenvalues of real nonsymmetric matrices: complex Hessenberg QR of this library
 * (`eigenvalues`) versus ml-matrix's EigenvalueDecomposition (`eigenvaluesReal`).
 * Not a test. Run from the repo root: `npx tsx libs/linalg/bench/eig.bench.ts`.
 * Prints a markdown table of median wall times and the largest eigenvalue mismatch.
 */
import { eigenvalues } from '../src/eigenvalues';
import { eigenvaluesReal } from '../src/eigenvalues-real';
import { eigenMismatch as mismatch } from '../src/test-support/solver-fixtures';

function uniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => void, reps: number): number {
  fn(); // warm-up (JIT)
  const ts: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}


const out = process.stdout;
out.write('| n | eigenvalues (complex QR) ms | ml-matrix EVD ms | ratio | max |Δλ| |\n');
out.write('|---|---|---|---|---|\n');
for (const n of [50, 100, 200]) {
  const rand = uniform(n);
  const rows = Array.from({ length: n }, () => Array.from({ length: n }, () => 2 * rand() - 1));
  const data = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[2 * (i * n + j)] = rows[i][j];
  const dense = { rows: n, cols: n, data };
  const reps = n <= 100 ? 7 : 3;
  let ours = new Float64Array(0);
  let theirs = new Float64Array(0);
  const tOurs = time(() => {
    ours = eigenvalues(dense);
  }, reps);
  const tTheirs = time(() => {
    theirs = eigenvaluesReal(rows);
  }, reps);
  out.write(
    `| ${n} | ${tOurs.toFixed(1)} | ${tTheirs.toFixed(1)} | ${(tTheirs / tOurs).toFixed(2)} | ${mismatch(
      ours,
      theirs,
    ).toExponential(1)} |\n`,
  );
}

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { benchCumulantIsing } from './cumulants-bench';
import { parseCumulantsBenchArgs } from './cumulants-bench-args';
import { benchGroupDerivation } from './cumulants-group-bench';
import { formatCumulantsReport } from './cumulants-report';
import { jsonFromStdout } from './json-from-stdout';
import { runJsonScript } from './run-json-script';

const hasQutip = (() => {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import qutip'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('benchCumulantIsing', () => {
  it('solves the chain at orders 1 and 2: 18 and 153 equations, all up at t = 0, every stage timed', () => {
    for (const [order, size] of [[1, 18], [2, 153]]) {
      const run = benchCumulantIsing({ order });
      expect(run.size).toBe(size);
      expect(run.sz.length).toBe(201);
      expect(run.sz[0]).toBe(1);
      for (const s of [run.deriveSeconds, run.compileSeconds, run.initialSeconds, run.solveSeconds, run.cpuSeconds]) expect(s).toBeGreaterThan(0);
      expect(run.totalSeconds).toBeGreaterThanOrEqual(run.deriveSeconds + run.compileSeconds + run.solveSeconds);
    }
  });

  // QuTiP's basis(2, 0) is "up" and sigmam lowers it; qsync's |1⟩ is up. If the script solved another
  // problem (wrong sign of J or of the field, another initial state), the order-1 error would not be
  // the 0.744 that ising-chain.spec.ts measures against qsync's own mesolve.
  it.skipIf(!hasQutip)('qutip_ising_bench.py solves the same chain: the order-1 error against it is 0.744', async () => {
    const script = new URL('../python/qutip_ising_bench.py', import.meta.url).pathname;
    const out = jsonFromStdout(await runJsonScript('spec', '/usr/bin/python3', [script, '--reps', '1', '--rtol', '1e-8', '--atol', '1e-10']), 'spec') as { cases: { sz: number[] }[] };
    const exact = out.cases[0].sz;
    const run = benchCumulantIsing({ order: 1, rtol: 1e-8, atol: 1e-10 });
    const err = Math.max(...run.sz.map((z, j) => Math.abs(z - exact[j])));
    expect(err).toBeCloseTo(0.744, 3);
  });
});

describe('parseCumulantsBenchArgs', () => {
  it('defaults, --quick, and a refusal naming the option', () => {
    expect(parseCumulantsBenchArgs([])).toEqual({ orders: [1, 2, 3], groups: [2, 3, 4], reps: 3, quick: false, writeReadme: true });
    expect(parseCumulantsBenchArgs(['--orders', '3', '--reps', '2', '--no-readme'])).toEqual({ orders: [3], groups: [2, 3, 4], reps: 2, quick: false, writeReadme: false });
    expect(parseCumulantsBenchArgs(['--quick', '--groups', '4']).groups).toEqual([4]);
    expect(() => parseCumulantsBenchArgs(['--reps', '0'])).toThrow(/--reps/);
    expect(() => parseCumulantsBenchArgs(['--groups', '5'])).toThrow(/--groups/);
  });
});

describe('benchGroupDerivation and its report', () => {
  it('derives (6.1) and (7.1) at order 2 with two groups: the 8 classes of App. 6.D and the 8 of App. 7.A, timed', () => {
    const nr = benchGroupDerivation({ model: 'nonreciprocal', order: 2 });
    const laser = benchGroupDerivation({ model: 'laser', order: 2 });
    expect([nr.classes, nr.size, laser.classes, laser.size]).toEqual([8, 9, 8, 11]);
    for (const r of [nr, laser]) for (const x of [r.wallSeconds, r.cpuSeconds, r.peakRssMB]) expect(x).toBeGreaterThan(0);
    expect(() => benchGroupDerivation({ model: 'dicke' as 'laser', order: 2 })).toThrow(/config.model must be 'nonreciprocal' or 'laser', got dicke/);
    const run = { order: 1, size: 18, deriveSeconds: 0.1, compileSeconds: 0.1, initialSeconds: 0.1, solveSeconds: 0.1, totalSeconds: 0.4, cpuSeconds: 0.4, rhsEvaluations: 10, sz: [] };
    const machine = { node: 'v20', cpu: 'cpu', cores: 2, loadBefore: [1, 1, 1], loadAfter: [1, 1, 1], qutip: '4.7.1' };
    const text = formatCumulantsReport({ date: 'D', mode: 'quick', machine, orders: [{ cold: null, warm: run, errorVsExact: null }], qutipSeconds: null, groups: [{ ...nr, wallSeconds: 0.5, cpuSeconds: 0.25, peakRssMB: 130.4 }] });
    expect(text).toContain('| (6.1) two species |     2 |       8 |         9 | 500 ms | 250 ms |   130 MB |');
  });
});

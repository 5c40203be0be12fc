import { tapProgress } from '@qsync/frames';
import { sameBits } from '@qsync/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { steadyState } from './steady-state';
import { steadyStateChunked } from './steady-state-chunked';
import { ensembleDicke } from './test-support/spin-ensemble';
import { vdpPair } from './test-support/vdp-pair';

describe('steadyStateChunked', () => {
  it('is cold, reports progress through the band LU and the sweeps, and emits the same result as steadyState', async () => {
    const l = ensembleDicke({ n: 60, V: 4, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 });
    const progress: { done: number; total: number }[] = [];
    const obs = steadyStateChunked(l, { method: 'direct', yieldEvery: 0 })
      .withProgress()
      .pipe(tapProgress((p) => progress.push(p)));
    await new Promise((r) => setTimeout(r, 20));
    expect(progress).toEqual([]); // nothing runs before subscribe
    const results = await lastValueFrom(obs.pipe(toArray()));
    expect(results.length).toBe(1);
    // 961 populations: the band LU reports every ~40 columns, then each inverse-iteration sweep
    expect(progress.length).toBeGreaterThan(10);
    const total = progress[0].total;
    expect(total).toBe(961 + 6);
    for (let k = 1; k < progress.length; k++) expect(progress[k].done).toBeGreaterThan(progress[k - 1].done);
    expect(progress[progress.length - 1].done).toBe(total);
    const sync = steadyState(l, { method: 'direct' });
    expect(sameBits(results[0].rho.data, sync.rho.data)).toBe(true);
    expect(results[0].residual).toBe(sync.residual);
  });

  it('reports GMRES progress per restart cycle for the iterative method', async () => {
    const { l } = vdpPair(8);
    const progress: number[] = [];
    const [r] = await lastValueFrom(
      steadyStateChunked(l, { method: 'iterative', yieldEvery: 0 })
        .withProgress()
        .pipe(
          tapProgress((p) => progress.push(p.done)),
          toArray(),
        ),
    );
    expect(r.method).toBe('iterative');
    expect(progress[0]).toBe(0);
    expect(progress[progress.length - 1]).toBe(2000); // converged: reported as complete
    expect(r.residual).toBeLessThan(1e-12);
  });

  it('stops working when unsubscribed in the middle of the factorization', async () => {
    const l = ensembleDicke({ n: 200, V: 4, gammaPlus: 1, gammaMinus: 0.2 });
    const done: number[] = [];
    let values = 0;
    let completed = false;
    const sub = steadyStateChunked(l, { method: 'direct', yieldEvery: 0 })
      .withProgress()
      .pipe(tapProgress((p) => done.push(p.done)))
      .subscribe({ next: () => values++, complete: () => (completed = true) });
    // wait for the first progress report of the factorization, then leave
    while (done.length < 3) await new Promise((r) => setTimeout(r, 1));
    sub.unsubscribe();
    const seen = done.length;
    const last = done[seen - 1];
    // The work itself stops, not only its reports: this process spends next to no CPU time in the
    // next 200 ms, where the rest of the solve (~1 s of band LU at N = 200) would use all of it.
    const cpu0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 200));
    const cpu = process.cpuUsage(cpu0);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(60);
    expect(done.length).toBe(seen); // no further report
    expect(last).toBeLessThan(101 * 101); // stopped before the factorization ended
    expect(values).toBe(0);
    expect(completed).toBe(false);
  });

  it('runs a fresh solve for each subscription (the same Observable subscribed twice)', async () => {
    const obs = steadyStateChunked(vdpPair(3).l);
    const first = await lastValueFrom(obs);
    const second = await lastValueFrom(obs);
    expect(second.residual).toBe(first.residual);
    expect(sameBits(second.rho.matrix.data, first.rho.matrix.data)).toBe(true);
  });

  it('refuses bad options at the call, naming them', () => {
    const { l } = vdpPair(2);
    expect(() => steadyStateChunked(l, { method: 'lu' as never })).toThrow(/steadyStateChunked: 'method' must be/);
    expect(() => steadyStateChunked(l, { tol: -1 })).toThrow(/'tol' must be > 0/);
  });
});

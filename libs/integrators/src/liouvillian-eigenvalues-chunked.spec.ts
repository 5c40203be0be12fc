import { tapProgress } from '@qsync/frames';
import { sameBits } from '@qsync/testing';
import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { liouvillianEigenvalues } from './liouvillian-eigenvalues';
import { liouvillianEigenvaluesChunked } from './liouvillian-eigenvalues-chunked';
import { ensembleDicke } from './test-support/spin-ensemble';

describe('liouvillianEigenvaluesChunked', () => {
  const p = { n: 60, V: 3, gammaPlus: 1, gammaMinus: 0.2, gammaZ: 0.1 };

  it('is cold, reports progress through the band LU and the Arnoldi steps without going back, and emits what the blocking call returns', async () => {
    const l = ensembleDicke(p);
    const progress: { done: number; total: number }[] = [];
    const obs = liouvillianEigenvaluesChunked(l, { count: 10, yieldEvery: 0 })
      .withProgress()
      .pipe(tapProgress((q) => progress.push(q)));
    await new Promise((r) => setTimeout(r, 20));
    expect(progress).toEqual([]); // nothing runs before subscribe
    const results = await lastValueFrom(obs.pipe(toArray()));
    expect(results.length).toBe(1);
    const m = 31 * 31;
    const total = m + 400;
    expect(progress.every((q) => q.total === total)).toBe(true);
    // the Arnoldi part: one report per Krylov vector up to the dimension that converged, never
    // starting over (10 eigenvalues need more than the first test at dimension 40, so the run is
    // extended to 80; a restart there would report 1 … 80 after 1 … 40)
    expect(results[0].krylov).toBeGreaterThan(40);
    const arnoldi = progress.filter((q) => q.done > m && q.done < total).map((q) => q.done - m);
    expect(arnoldi.length).toBe(results[0].krylov);
    expect(arnoldi).toEqual(Array.from({ length: results[0].krylov }, (_, i) => i + 1));
    for (let k = 1; k < progress.length; k++) expect(progress[k].done).toBeGreaterThan(progress[k - 1].done);
    expect(progress[progress.length - 1].done).toBe(total);
    const sync = liouvillianEigenvalues(l, { count: 10 });
    expect(sameBits(results[0].eigenvalues, sync.eigenvalues)).toBe(true);
    expect(results[0].krylov).toBe(sync.krylov);
  });

  it('stops working when unsubscribed in the middle of the search', async () => {
    const l = ensembleDicke({ n: 200, V: 4, gammaPlus: 1, gammaMinus: 0.2 });
    const done: number[] = [];
    let values = 0;
    let completed = false;
    const sub = liouvillianEigenvaluesChunked(l, { count: 3, yieldEvery: 0 })
      .withProgress()
      .pipe(tapProgress((q) => done.push(q.done)))
      .subscribe({ next: () => values++, complete: () => (completed = true) });
    while (done.length < 3) await new Promise((r) => setTimeout(r, 1));
    sub.unsubscribe();
    const seen = done.length;
    // the rest (~1 s at N = 200) would use all of the next 200 ms; the process stays nearly idle
    const cpu0 = process.cpuUsage();
    await new Promise((r) => setTimeout(r, 200));
    const cpu = process.cpuUsage(cpu0);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(60);
    expect(done.length).toBe(seen);
    expect(done[seen - 1]).toBeLessThan(101 * 101 + 400);
    expect(values).toBe(0);
    expect(completed).toBe(false);
  });

  it('runs a fresh search for each subscription', async () => {
    const obs = liouvillianEigenvaluesChunked(ensembleDicke({ ...p, n: 10 }), { count: 2 });
    const first = await lastValueFrom(obs);
    const second = await lastValueFrom(obs);
    expect(sameBits(second.eigenvalues, first.eigenvalues)).toBe(true);
  });

  it('refuses bad options at the call, naming them', () => {
    const l = ensembleDicke({ ...p, n: 4 });
    expect(() => liouvillianEigenvaluesChunked(l, { count: 0 })).toThrow(/^liouvillianEigenvaluesChunked: 'count' must be/);
    expect(() => liouvillianEigenvaluesChunked(l, { yieldEvery: -1 })).toThrow(/yieldEvery/);
  });
});

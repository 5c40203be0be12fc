import { describe, expect, it } from 'vitest';
import { lastValueFrom, of, share, toArray, zip, filter, map } from 'rxjs';
import { sampleBlock, streamSchema, validateSampleStream } from '@qsync/frames';
import type { SampleBlock, SampleRecord } from '@qsync/frames';
import { coherentKet, create, destroy, fockSpace, num, power, pureState, scaled } from '@qsync/operators';
import { quantumFilterOf } from './quantum-filter-of';
import { smesolve } from './smesolve';

describe('quantumFilterOf', () => {
  const space = fockSpace(10);
  const a = destroy(space);
  const vdp = {
    hamiltonian: scaled(num(space), 4),
    dissipators: [
      { rate: 4, jump: create(space) },
      { rate: 0.5, jump: power(a, 2) },
    ],
    monitored: [{ name: 'het', rate: 1, jump: a, unraveling: 'heterodyne' as const }],
  };
  const rho0 = pureState(coherentKet(space, { re: 1, im: 0 }));

  it('on the live stream of smesolve recovers the simulator’s conditional ⟨a⟩ block by block', async () => {
    const live = smesolve(vdp, { rho0, dt: 2e-3, tEnd: 2, noiseSeed: 51, trajectory: 1, expect: { a }, blockLength: 128 }).pipe(share());
    const isBlock = (r: SampleRecord): r is SampleBlock => r.kind === 'block';
    const filtered = live.pipe(quantumFilterOf(vdp, { rho0, expect: { af: a } }), validateSampleStream());
    const pairs = await lastValueFrom(zip(live.pipe(filter(isBlock)), filtered.pipe(filter(isBlock))).pipe(toArray()));
    expect(pairs.length).toBe(8);
    let worst = 0;
    for (const [sim, est] of pairs) {
      expect([est.t0, est.length]).toEqual([sim.t0, sim.length]);
      const x = sim.columns.a.data;
      const y = est.columns.af.data;
      for (let q = 0; q < x.length; q++) worst = Math.max(worst, Math.abs(x[q] - y[q]));
    }
    expect(worst).toBeLessThan(1e-9); // measured ~1e-13 (round-off of the record)
  });

  it('errors on a stream without the current, or with a gap', async () => {
    const s = streamSchema({ channels: { other: { kind: 'real' } } });
    expect(() => quantumFilterOf(vdp, { rho0 })).toThrow(/'expect' must name at least one operator/);
    await expect(lastValueFrom(of(s).pipe(quantumFilterOf(vdp, { rho0, expect: { a } })))).rejects.toThrow(/needs a complex channel 'het'/);
    const good = streamSchema({ channels: { het: { kind: 'complex' } } });
    const block = (t0: number) => sampleBlock({ t0, dt: 1e-3, columns: { het: { kind: 'complex', data: new Float64Array(20) } } });
    await expect(lastValueFrom(of(good, block(0), block(0.02)).pipe(quantumFilterOf(vdp, { rho0, expect: { a } }), map((r) => r.kind)))).rejects.toThrow(
      /does not follow the previous one \(expected t0 = 0.01\)/,
    );
  });
});

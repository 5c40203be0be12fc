import { describe, expect, it } from 'vitest';
import { lastValueFrom, Subscription, take, toArray } from 'rxjs';
import type { SchedulerAction, SchedulerLike } from 'rxjs';
import { tapProgress, validateSampleStream } from '@qsync/frames';
import type { SampleBlock, SampleRecord } from '@qsync/frames';
import { coherentKet, create, destroy, fockSpace, num, power, pureState, scaled } from '@qsync/operators';
import { createDiffusiveTrajectories } from './create-diffusive-trajectories';
import type { SmeStats } from './create-diffusive-trajectories';
import { smesolve } from './smesolve';

describe('smesolve', () => {
  const space = fockSpace(10);
  const a = destroy(space);
  const model = {
    hamiltonian: scaled(num(space), 4),
    dissipators: [
      { rate: 4, jump: create(space) },
      { rate: 0.5, jump: power(a, 2) },
    ],
    monitored: [
      { name: 'het', rate: 0.5, jump: a, unraveling: 'heterodyne' as const },
      { name: 'hom', rate: 0.5, jump: a, unraveling: 'homodyne' as const, phase: 0.3, frequency: 4, efficiency: 0.7 },
    ],
  };
  const config = {
    rho0: pureState(coherentKet(space, { re: 1, im: 0 })),
    dt: 2e-3,
    tEnd: 1,
    outputEvery: 5,
    noiseSeed: 21,
    trajectory: 4,
    expect: { a },
    blockLength: 30,
  };

  it('streams a schema, then contiguous blocks holding exactly what runInto writes for trajectory k', async () => {
    const stats: SmeStats[] = [];
    const records = await lastValueFrom(smesolve(model, { ...config, onStats: (s) => stats.push(s) }).pipe(validateSampleStream(), toArray()));
    expect(records[0].kind).toBe('schema');
    const schema = records[0] as Extract<SampleRecord, { kind: 'schema' }>;
    expect(Object.keys(schema.channels)).toEqual(['het', 'hom', 'a']);
    expect([schema.channels.het.kind, schema.channels.hom.kind, schema.channels.a.kind]).toEqual(['complex', 'real', 'complex']);
    expect(schema.rate).toBeCloseTo(100, 9);
    const blocks = records.slice(1) as SampleBlock[];
    expect(blocks.map((b) => b.length)).toEqual([30, 30, 30, 10]);
    const runs = createDiffusiveTrajectories(model, config);
    const cols = { het: new Float64Array(200), hom: new Float64Array(100), a: new Float64Array(200) };
    runs.runInto(4, cols);
    const joined = (name: 'het' | 'hom' | 'a') => {
      const out: number[] = [];
      for (const b of blocks) out.push(...b.columns[name].data);
      return Float64Array.from(out);
    };
    expect(joined('het')).toEqual(cols.het);
    expect(joined('hom')).toEqual(cols.hom);
    expect(joined('a')).toEqual(cols.a);
    expect(stats.at(-1)?.steps).toBe(500);
    // a second subscription runs the same trajectory again, bit for bit
    const again = await lastValueFrom(smesolve(model, config).pipe(toArray()));
    expect((again[2] as SampleBlock).columns.het.data).toEqual(blocks[1].columns.het.data);
  });

  it('reports progress in samples and stops when unsubscribed', async () => {
    const done: number[] = [];
    await lastValueFrom(smesolve(model, { ...config, yieldEvery: 0 }).withProgress().pipe(tapProgress((p) => done.push(p.done)), toArray()));
    expect(done.at(-1)).toBe(100);
    const stats: SmeStats[] = [];
    const first = await lastValueFrom(smesolve(model, { ...config, yieldEvery: 0, onStats: (s) => stats.push(s) }).pipe(take(2), toArray()));
    expect(first.length).toBe(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(stats.length).toBe(1); // the generator was closed after the first block
  });

  it('runs each slice of work on the scheduler it is given: a held scheduler pauses the trajectory', async () => {
    // a scheduler that holds its actions until released, like a wire hub's gate while a consumer is full
    const held: (() => void)[] = [];
    const gate: SchedulerLike = {
      now: () => Date.now(),
      schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, _delay?: number, state?: T): Subscription {
        // the action reschedules itself (this.schedule()) after each slice: hold that too
        const action = {
          schedule: (next?: T) => (held.push(() => work.call(action, next)), action),
          unsubscribe: () => undefined,
          closed: false,
        } as unknown as SchedulerAction<T>;
        held.push(() => work.call(action, state));
        return new Subscription();
      },
    };
    const got: SampleRecord[] = [];
    const sub = smesolve(model, { ...config, yieldEvery: 0, scheduler: gate }).subscribe((r) => got.push(r));
    await new Promise((r) => setTimeout(r, 20));
    const whileHeld = got.length;
    let released = 0;
    while (held.length > 0 && released < 1000) {
      (held.shift() as () => void)();
      released++;
    }
    sub.unsubscribe();
    expect(whileHeld).toBe(0);
    expect(released).toBeGreaterThan(1);
    expect(got.length).toBe(5); // schema + 4 blocks, once the scheduler ran the work
  });

  it('names the bad field', () => {
    expect(() => smesolve(model, { ...config, blockLength: 0 })).toThrow(/'blockLength' must be an integer ≥ 1/);
  });
});

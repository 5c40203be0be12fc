import { Subject, interval, lastValueFrom, map, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { figureStream } from './figure-stream';
import type { FigureData, FigureEvent } from './figure-types';

const empty = (id: string): FigureData => ({ id, title: id, parameters: {}, panels: [], checks: [] });

describe('figureStream', () => {
  it('is cold, forwards stage progress, then emits the data and completes', async () => {
    let started = 0;
    const s = figureStream(async (ctx) => {
      started++;
      const values = await ctx.collect('count', (progress) =>
        interval(0).pipe(
          take(3),
          map((k) => {
            progress({ done: k + 1, total: 3 });
            return k * k;
          }),
        ),
      );
      return { ...empty('x'), parameters: { sum: values.reduce((a, b) => a + b, 0) } };
    });
    expect(started).toBe(0);
    const events = await lastValueFrom(s.pipe(toArray()));
    expect(started).toBe(1);
    expect(events.filter((e) => e.kind === 'progress')).toEqual([
      { kind: 'progress', stage: 'count', done: 1, total: 3 },
      { kind: 'progress', stage: 'count', done: 2, total: 3 },
      { kind: 'progress', stage: 'count', done: 3, total: 3 },
    ]);
    const last = events[events.length - 1] as Extract<FigureEvent, { kind: 'data' }>;
    expect(last.data.parameters.sum).toBe(0 + 1 + 4);
  });

  it('passes a stage error to the subscriber', async () => {
    const s = figureStream(async (ctx) => {
      await ctx.collect('fail', () => {
        const subject = new Subject<number>();
        queueMicrotask(() => subject.error(new Error('solver blew up')));
        return subject;
      });
      return empty('x');
    });
    await expect(lastValueFrom(s)).rejects.toThrow('solver blew up');
  });

  it('unsubscribing stops the running stage and emits nothing more', async () => {
    let emitted = 0;
    let completed = false;
    const events: FigureEvent[] = [];
    const sub = figureStream(async (ctx) => {
      await ctx.collect('ticks', () =>
        interval(1).pipe(
          map((k) => {
            emitted++;
            return k;
          }),
        ),
      );
      return empty('never');
    }).subscribe({ next: (e) => events.push(e), complete: () => (completed = true) });
    await new Promise((r) => setTimeout(r, 20));
    sub.unsubscribe();
    const before = emitted;
    await new Promise((r) => setTimeout(r, 20));
    expect(before).toBeGreaterThan(0);
    expect(emitted).toBe(before);
    expect(completed).toBe(false);
    expect(events).toEqual([]);
  });
});

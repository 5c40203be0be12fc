import { Observable, Subject, interval, lastValueFrom, map, of, take, toArray } from 'rxjs';
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

  it('unsubscribing tears down every stage it started, side by side or one after another, and only those', async () => {
    // each stage records its subscription and teardown; none completes unless told to
    const subscribed: string[] = [];
    const tornDown: string[] = [];
    const finish = new Map<string, () => void>();
    const stage = (name: string) =>
      new Observable<number>((subscriber) => {
        subscribed.push(name);
        finish.set(name, () => {
          subscriber.next(1);
          subscriber.complete();
        });
        return () => tornDown.push(name);
      });
    let reachedPair = false;
    const sub = figureStream(async (ctx) => {
      // a stage that completes while it is being subscribed, then one that is finished from outside
      await ctx.collect('sync', () => of(1, 2));
      await ctx.collect('first', () => stage('first'));
      reachedPair = true;
      // three stages side by side, all running when the subscriber leaves
      await Promise.all([
        ctx.collect('a', () => stage('a')),
        ctx.collect('b', () => stage('b')),
        ctx.collect('c', () => stage('c')),
      ]);
      return empty('never');
    }).subscribe();
    await Promise.resolve();
    expect(subscribed).toEqual(['first']);
    finish.get('first')?.();
    // completing tears a stage down once (rxjs finalizes a completed subscriber)
    expect(tornDown).toEqual(['first']);
    await new Promise((r) => setTimeout(r, 0));
    expect(reachedPair).toBe(true);
    expect(subscribed).toEqual(['first', 'a', 'b', 'c']);
    // one of the three finishes before the subscriber leaves: it is not torn down again
    finish.get('b')?.();
    expect(tornDown).toEqual(['first', 'b']);
    sub.unsubscribe();
    expect([...tornDown].sort()).toEqual(['a', 'b', 'c', 'first']);
    expect(tornDown.filter((n) => n === 'b')).toHaveLength(1);
  });

  it('a stage started after the subscriber left is never subscribed', async () => {
    let gate: () => void = () => undefined;
    const subscribedLate: boolean[] = [];
    let rejected: unknown = null;
    const sub = figureStream(async (ctx) => {
      await new Promise<void>((r) => (gate = r));
      try {
        await ctx.collect('late', () => {
          subscribedLate.push(true);
          return of(1);
        });
      } catch (e) {
        rejected = e;
        throw e;
      }
      return empty('never');
    }).subscribe({ error: () => expect.unreachable('the cancellation must not reach the subscriber') });
    sub.unsubscribe();
    gate();
    await new Promise((r) => setTimeout(r, 0));
    expect(subscribedLate).toEqual([]);
    expect(rejected).toBeInstanceOf(Error);
  });
});

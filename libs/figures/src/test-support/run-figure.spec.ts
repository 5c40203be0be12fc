import { describe, it } from 'vitest';
import { Observable } from 'rxjs';
import type { FigureEvent, FigureRecipe } from '../figure-types';
import { expectStopsWhenUnsubscribed } from './run-figure';

describe('expectStopsWhenUnsubscribed (test support)', () => {
  it('handles a recipe whose first event arrives during subscribe(), and stops its later work', async () => {
    const recipe: FigureRecipe = {
      id: 'sync',
      title: 'emits at once',
      equations: [],
      run: () =>
        new Observable<FigureEvent>((subscriber) => {
          subscriber.next({ kind: 'progress', stage: 'start', done: 0, total: 1 });
          // work that would keep emitting if the subscription stayed open
          const timer = setInterval(() => subscriber.next({ kind: 'progress', stage: 'more', done: 0, total: 1 }), 10);
          return () => clearInterval(timer);
        }),
    };
    await expectStopsWhenUnsubscribed(recipe);
  });
});

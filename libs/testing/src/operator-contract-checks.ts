/**
 * The four checks of the RxJS operator contract as plain functions that throw on failure:
 * operatorContract registers them as tests, and its spec runs them on broken operators.
 */
import { Subject, ignoreElements, takeUntil, tap } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { expect } from 'vitest';
import { countingSource } from './counting-source';

/** What operatorContract needs of an operator. */
export interface OperatorContractConfig<T, R> {
  /** makes the operator under test (a fresh one per check) */
  operator: () => OperatorFunction<T, R>;
  /** one input value the operator accepts without error (it need not emit on it) */
  sample: T;
  /**
   * the input at `index` of a long valid stream, for the synchronous loop (default: `sample`
   * every time); needed by operators that refuse a repeated value, such as frames at one time
   */
  sampleAt?: (index: number) => T;
}

/** One check of the contract: its test title and a body that throws when the operator fails it. */
export interface OperatorCheck {
  title: string;
  run: () => void;
}

/** Values in the source of the unsubscription check, and the count at which the consumer leaves. */
const LOOP = 1000;
const STOP_AT = 3;

const scheduler = (): TestScheduler => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

/**
 * The four checks STYLE.md asks of every stream operator, for one operator (not exported from the
 * package: operatorContract registers them).
 *
 * @param config - `{ operator, sample, sampleAt }`
 * @returns the checks, in the order they are registered
 */
export function operatorContractChecks<T, R>(config: OperatorContractConfig<T, R>): OperatorCheck[] {
  const { operator, sample } = config;
  const sampleAt = config.sampleAt ?? ((): T => sample);
  return [
    {
      title: 'completes on an empty source, emitting nothing',
      run: () =>
        scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
          const src = cold<T>('|');
          expectObservable(src.pipe(operator())).toBe('|');
          expectSubscriptions(src.subscriptions).toBe('(^!)');
        }),
    },
    {
      title: 'never completes when the source never completes, and unsubscribes it on demand',
      run: () =>
        scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
          const src = cold<T>('-a--', { a: sample });
          // terminal notifications only: none may come before the unsubscription at frame 4
          expectObservable(src.pipe(operator(), ignoreElements()), '^---!').toBe('----');
          expectSubscriptions(src.subscriptions).toBe('^---!');
        }),
    },
    {
      title: 'forwards an error of the source when it happens, and tears the source down',
      run: () =>
        scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
          const boom = new Error('boom');
          const src = cold<T>('-a-#', { a: sample }, boom);
          expectObservable(src.pipe(operator(), ignoreElements())).toBe('---#', undefined, boom);
          expectSubscriptions(src.subscriptions).toBe('^--!');
        }),
    },
    {
      title: 'stops a synchronous source loop when the consumer unsubscribes',
      run: () => {
        const { source, produced } = countingSource(Array.from({ length: LOOP }, (_, i) => sampleAt(i)));
        const leave = new Subject<void>();
        const errors: unknown[] = [];
        source
          .pipe(
            // the consumer leaves as the third value arrives, before the operator sees it
            tap(() => {
              if (produced() === STOP_AT) leave.next();
            }),
            operator(),
            takeUntil(leave),
          )
          .subscribe({ error: (e: unknown) => errors.push(e) });
        expect(errors).toEqual([]);
        expect(produced()).toBe(STOP_AT);
      },
    },
  ];
}

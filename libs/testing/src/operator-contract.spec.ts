import { EMPTY, Observable, catchError, endWith, map, scan, take } from 'rxjs';
import type { OperatorFunction } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { operatorContract } from './operator-contract';
import { operatorContractChecks } from './operator-contract-checks';

// a stateful operator (running sum) and a stateless one pass the contract
operatorContract('running sum', { operator: () => scan((s: number, x: number) => s + x, 0), sample: 1 });
operatorContract('map', { operator: () => map((x: number) => 2 * x), sample: 1 });
// an operator that refuses a repeated value needs the loop's inputs by index
operatorContract('strictly increasing', {
  operator: () => map((x: number, i: number) => {
    if (i > 0 && x <= i - 1) throw new Error(`not increasing at ${i}`);
    return x;
  }),
  sample: 0,
  sampleAt: (i) => i,
});

/**
 * Subscribes to its source without linking the source's subscriber to the output's: a
 * synchronous source runs its whole loop before the subscription exists to be torn down.
 */
const ignoresUnsubscription = (): OperatorFunction<number, number> => (source) =>
  new Observable<number>((sub) => {
    source.subscribe({ next: (x) => sub.next(x), error: (e: unknown) => sub.error(e), complete: () => sub.complete() });
  });
// operators that break one rule each, made of rxjs parts so that the rest of the contract holds
/** Turns the source's error into completion. */
const swallowsErrors = (): OperatorFunction<number, number> => catchError(() => EMPTY);
/** Emits a value on completion, even of an empty source. */
const emitsOnEmpty = (): OperatorFunction<number, number> => endWith(0);
/** Completes with the first value. */
const completesEarly = (): OperatorFunction<number, number> => take(1);

/** Titles of the checks that fail for `operator`. */
function failing(operator: () => OperatorFunction<number, number>): string[] {
  return operatorContractChecks({ operator, sample: 1 })
    .filter((check) => {
      try {
        check.run();
        return false;
      } catch {
        return true;
      }
    })
    .map((check) => check.title.split(' ').slice(0, 2).join(' '));
}

describe('operatorContract on broken operators', () => {
  it('fails an operator that ignores unsubscription: the never-completing source and the synchronous loop', () => {
    expect(failing(ignoresUnsubscription)).toEqual(['never completes', 'stops a']);
  });

  it('fails an operator that swallows errors', () => {
    expect(failing(swallowsErrors)).toEqual(['forwards an']);
  });

  it('fails an operator that completes before its source (and so leaves the loop after one value)', () => {
    expect(failing(completesEarly)).toEqual(['never completes', 'forwards an', 'stops a']);
  });

  it('fails an operator that emits on an empty source', () => {
    expect(failing(emitsOnEmpty)).toEqual(['completes on']);
  });
});

/**
 * The RxJS test set every stream operator passes (STYLE.md, "RxJS"), registered once here
 * instead of written out again in each operator's spec.
 */
import { describe, it } from 'vitest';
import { operatorContractChecks } from './operator-contract-checks';
import type { OperatorContractConfig } from './operator-contract-checks';

/**
 * Registers the four tests STYLE.md asks of every stream operator, in a `describe` named after
 * it: an empty source completes with no value; a source that never completes (`sample`, then
 * silence) is neither completed nor errored by the operator, and unsubscribing from the output
 * unsubscribes the source; an error of the source after `sample` reaches the output when it
 * happens and tears the source down; unsubscribing in the middle of a synchronous loop (the
 * consumer leaves as the source produces its third value) stops the loop there. Values are not
 * checked: the operator's own spec checks what it emits.
 *
 * @param name - the operator's name, the title of the registered `describe`
 * @param config - `{ operator, sample, sampleAt }`: a factory of the operator, one input it
 *   accepts, and optionally the inputs of a long valid stream by index (for the loop)
 * @example
 * ```ts fragment
 * // libs/frames/src/decimate.spec.ts: it registers tests, so it cannot run inside one
 * import { operatorContract } from '@qsync/testing';
 * import { realChannel } from './channel-value';
 * import { decimate } from './decimate';
 *
 * operatorContract('decimate', { operator: () => decimate(2), sample: { t: 0, channels: { x: realChannel(1) } } });
 * ```
 */
export function operatorContract<T, R>(name: string, config: OperatorContractConfig<T, R>): void {
  describe(`${name}: the RxJS operator contract`, () => {
    for (const check of operatorContractChecks(config)) it(check.title, check.run);
  });
}

import { describe, expect, it } from 'vitest';
import { denseIdentity } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { identity } from './identity';
import { fockSpace, spinHalfSpace, tensorSpace } from './space';
import { dense } from './test-support/random-operators';

describe('identity', () => {
  it('is the identity of the whole space, with its dims', () => {
    const id = identity(tensorSpace(fockSpace(3), spinHalfSpace()));
    expect(id.dims).toEqual([3, 2]);
    expectClose(dense(id).data, denseIdentity(6).data, { rtol: 0 });
  });

  it('rejects something that is not a space', () => {
    expect(() => identity({} as never)).toThrow("identity: argument 'space' must be a Space");
  });
});

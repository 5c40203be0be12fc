import type { WireRecord, WireSubscribe } from './wire-record';

/**
 * The one error a wire reader throws: the input is not a valid qsync wire stream. The message
 * says what is wrong and where (the byte offset of the record in the stream).
 *
 * @example
 * const e = new WireFormatError('checksum mismatch', 24);
 * [e.name, e.offset, e instanceof Error]; // ['WireFormatError', 24, true]
 */
export class WireFormatError extends Error {
  /** byte offset, in the stream given to the decoder, of the record where the problem is */
  readonly offset?: number;
  /**
   * the valid records that came before the bad one in the same `push` call (they are not
   * returned, since push throws): a reader delivers them, then fails
   */
  readonly decoded: readonly (WireRecord | WireSubscribe)[];

  /**
   * @param message - what is wrong, and where
   * @param offset - the byte offset of the offending record, when known
   * @param decoded - valid records decoded before it in the same push
   */
  constructor(message: string, offset?: number, decoded: readonly (WireRecord | WireSubscribe)[] = []) {
    super(message);
    this.name = 'WireFormatError';
    if (offset !== undefined) this.offset = offset;
    this.decoded = decoded;
  }
}

import type { Frame, SampleBlock, StreamSchema } from '@qsync/frames';

/**
 * The records that travel over the wire, in memory. Their bytes (framing, checksum, msgpack
 * payload, raw little-endian columns) are defined in encode-wire-record.ts and in the README's
 * "Wire format" section.
 *
 * A stream is: one {@link WireHeader}, then data records ({@link WireData}) numbered by `seq`,
 * with {@link WireNotice}s among them wherever something happened that a consumer must know
 * (records dropped, a gap on resume, the end). A consumer that dials or is dialled first sends a
 * {@link WireSubscribe}.
 */

/** The version of the wire format this code writes and reads (the 4th byte of every record). */
export const WIRE_VERSION = 1;

/** Where a stream comes from (LSL's stream info plus what reproduces it). */
export interface WireProvenance {
  /** a stable name of the producer (LSL's source_id): the same source keeps it across restarts */
  sourceId: string;
  /** the run this stream belongs to; a restarted producer starts a new session */
  sessionId: string;
  /** when the stream was created, ISO 8601 (UTC) */
  createdAt: string;
  /** the model or scenario name (e.g. 'coupledVanDerPol') */
  model?: string;
  /** the model's parameters as plain data */
  parameters?: Record<string, unknown>;
  /** the whole scenario, when the stream comes from one */
  scenario?: unknown;
  /** the seed of the stream's random source (noiseSeed) */
  seed?: number;
  /** the qsync version that produced the stream (root package.json) */
  qsyncVersion: string;
  /** free-form metadata (LSL's desc) */
  metadata?: Record<string, unknown>;
}

/** The first record of a stream: the schema of its data and where it comes from. */
export interface WireHeader {
  kind: 'header';
  /** wire format version, {@link WIRE_VERSION} */
  version: number;
  /** the stream's name (LSL's name), e.g. 'heterodyne currents' */
  name: string;
  /** channels, kinds, shapes, units, nominal rate (of @qsync/frames) */
  schema: StreamSchema;
  provenance: WireProvenance;
  /**
   * ms: the sender pings after this long of sending nothing (its `keepAlive.interval`), so it is
   * never silent longer than twice this while alive. Put by a network sink into the header it
   * sends over each connection (absent: keepalive off, or not a network link); a consumer judges
   * the sender's silence by it. A property of the link, not of the stream: the network sources
   * take it off before passing the header on.
   */
  keepAliveInterval?: number;
}

/** A data record: a block of samples or one frame, numbered by `seq` (0, 1, 2 … per producer). */
export type WireData =
  | { kind: 'block'; seq: number; block: SampleBlock }
  | { kind: 'frame'; seq: number; frame: Frame };

/**
 * In-band accounting: nothing is lost silently. `seq` is the seq of the next data record the
 * consumer gets (lastSeq + 1 for 'dropped' and 'gap'; the number of data records for 'end'), as
 * the README's format section says; `samples` counts samples (block lengths summed, a frame counts 1).
 */
export type WireNotice =
  /**
   * a consumer's buffer overflowed under 'drop-oldest': records firstSeq … lastSeq are gone;
   * `estimated` (present only when true): `samples` is an estimate (the records are exact) — a
   * consumer trimmed a notice that straddled the seq it resumed after without knowing the counts
   * of the part it cut off (qsync's hub never sends such a notice: it splits the run there)
   */
  | { kind: 'dropped'; seq: number; records: number; samples: number; firstSeq: number; lastSeq: number; estimated?: true }
  /**
   * resume asked for records beyond the sender's history: firstSeq … lastSeq are gone; `estimated`
   * (present only when true): `samples` is an estimate (the records are exact), see WireLog and
   * the trimming of a straddling notice by a consumer
   */
  | { kind: 'gap'; seq: number; firstSeq: number; lastSeq: number; samples: number; estimated?: true }
  /** the producer finished; `seq` is the number of data records it sent */
  | { kind: 'end'; seq: number };

/** Any record a producer sends. */
export type WireRecord = WireHeader | WireData | WireNotice;

/** Consumer → producer, first thing after a connection is made (whichever side dialled). */
export interface WireSubscribe {
  kind: 'subscribe';
  /** the last seq the consumer received; null: start from now */
  lastSeq: number | null;
  /** the consumer's name, for the producer's logs and notices */
  consumer?: string;
}

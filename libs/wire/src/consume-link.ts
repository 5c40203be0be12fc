import { performance } from 'node:perf_hooks';
import type { Subscriber } from 'rxjs';
import { createWireDecoder } from './create-wire-decoder';
import { encodeWireRecord } from './encode-wire-record';
import type { WireDecoderConfig } from './create-wire-decoder';
import { keepLinkAlive } from './keep-link-alive';
import type { ReceivedCounts } from './received-counts';
import type { KeepAlive } from './resolve-keep-alive';
import type { WireLink } from './wire-link';
import type { WireRecord } from './wire-record';

/** A lastSeq no producer reaches: subscribing with it asks for the oldest record the history holds. */
const FROM_OLDEST = Number.MAX_SAFE_INTEGER;

/** What a consumer remembers across connections: where to resume, and which session it was in. */
export interface ConsumerState {
  /** the last data seq received (or reported gone by a notice); null before any */
  lastSeq: number | null;
  /** the session of the header last received */
  sessionId: string | null;
  readonly consumer?: string;
  /**
   * the sample counts of the seqs passed on in this session (absent: none kept), so that a
   * notice straddling the seq resumed after is cut exactly where they reach
   */
  readonly received?: ReceivedCounts;
}

/** Records a consumer dropped because it had passed them on already (a producer restarted in the same session served them again). */
export interface WireDuplicates {
  /** data records dropped, and their samples */
  readonly records: number;
  readonly samples: number;
  /** the seq range of the data records dropped */
  readonly firstSeq: number;
  readonly lastSeq: number;
}

/** How {@link consumeLink} runs one connection. */
export interface ConsumeLinkOptions {
  /** pings and the dead-link timeout (null or absent: off) */
  readonly keepAlive?: KeepAlive;
  /**
   * asked with the session of the producer's header before anything of it is passed on (a
   * producer that dialled in while another is connected): false turns the connection away
   */
  readonly claim?: (sessionId: string) => boolean;
  /** told of each run of data records dropped as passed on already, when it ends */
  readonly onDuplicates?: (duplicates: WireDuplicates) => void;
  /** ms the producer may take to send its header before the link fails with an error naming the option (absent: no limit) */
  readonly headerTimeout?: number;
  /**
   * written with performance.now() each time a complete record (a ping included) arrives, and
   * with the keepalive interval the producer's header advertises: the producer's liveness
   */
  readonly liveness?: { lastRecord: number; interval?: number };
}

/**
 * Runs one connection of a consumer: sends `subscribe { lastSeq }`, then decodes what comes and
 * hands it to `out` — the header once per session (a reconnection to the same session does not
 * repeat it), data, notices; in a resumed session, data and notices up to the seq it resumed
 * after are dropped (a restarted producer may serve them again) and counted (`onDuplicates`).
 * Resolves 'end' after the 'end' notice, 'closed' when the link closed first (the caller
 * reconnects), 'refused' when `claim` turned the producer away, or a WireFormatError / protocol
 * Error for bad input. Internal to the transports.
 */
export function consumeLink(
  link: WireLink,
  state: ConsumerState,
  out: Subscriber<WireRecord>,
  decoderConfig: WireDecoderConfig,
  options: ConsumeLinkOptions = {},
): Promise<'end' | 'closed' | 'refused' | Error> {
  return new Promise((resolve) => {
    let settled = false;
    // a run of duplicates dropped, reported when it ends
    let duplicates: { records: number; samples: number; firstSeq: number; lastSeq: number } | null = null;
    const reportDuplicates = (): void => {
      if (duplicates !== null) options.onDuplicates?.(duplicates);
      duplicates = null;
    };
    const settle = (result: 'end' | 'closed' | 'refused' | Error): void => {
      if (settled) return;
      settled = true;
      clearTimeout(headerTimer);
      reportDuplicates();
      link.onData = () => undefined;
      if (result === 'end') link.end();
      else if (result !== 'closed' || !link.isClosed) link.destroy();
      resolve(result);
    };
    const decoder = createWireDecoder(decoderConfig);
    const liveness: { lastRecord: number; interval?: number } = options.liveness ?? { lastRecord: performance.now() };
    let headerSeen = false;
    // a peer that dialled in but is no producer (a port scanner, an HTTP client) or never speaks
    // must not hold the place a producer needs
    const headerTimer =
      options.headerTimeout === undefined
        ? undefined
        : setTimeout(() => settle(new Error(`wire: no header from ${link.peer} within ${options.headerTimeout} ms of connecting (option 'headerTimeout')`)), options.headerTimeout);
    let checkStart = false;
    // resumed in the same session after seq `resumedAfter`: a producer restarted in that session
    // whose hub never reached it serves from its start again, and what we already have is dropped
    let resumedAfter: number | null = null;
    const deliver = (records: ReturnType<typeof decoder.push>): void => {
      for (let record of records) {
        if (settled || out.closed) return;
        if (record.kind === 'subscribe') {
          return settle(new Error(`wire: the producer at ${link.peer} sent a 'subscribe' record; a producer sends a header, data and notices`));
        }
        if (!headerSeen && record.kind !== 'header') {
          return settle(new Error(`wire: the producer at ${link.peer} sent '${record.kind}' before its header`));
        }
        if (record.kind === 'header') {
          if (options.claim !== undefined && !options.claim(record.provenance.sessionId)) return settle('refused');
          headerSeen = true;
          clearTimeout(headerTimer);
          // the producer's keepalive interval belongs to this link, not to the stream
          if (record.keepAliveInterval !== undefined) liveness.interval = record.keepAliveInterval;
          if (record.keepAliveInterval !== undefined) {
            record = { ...record };
            delete record.keepAliveInterval;
          }
          if (record.provenance.sessionId === state.sessionId) {
            // resumed: same stream
            resumedAfter = state.lastSeq === FROM_OLDEST ? null : state.lastSeq;
            continue;
          }
          resumedAfter = null;
          // a new session of the producer, whose seqs start afresh: if we had resumed after a seq
          // of the old one, what follows must start at the new session's beginning (checked below),
          // and a reconnection before its first record asks for all of it
          checkStart = state.lastSeq !== null && state.sessionId !== null;
          if (checkStart) state.lastSeq = FROM_OLDEST;
          state.sessionId = record.provenance.sessionId;
          state.received?.clear();
        } else {
          if (resumedAfter !== null) {
            // data and notices wholly at or before it were passed on already
            const last = record.kind === 'block' || record.kind === 'frame' ? record.seq : record.kind === 'dropped' || record.kind === 'gap' ? record.lastSeq : null;
            if (last !== null && last <= resumedAfter) {
              if (record.kind === 'block' || record.kind === 'frame') {
                const samples = record.kind === 'block' ? record.block.length : 1;
                if (duplicates === null) duplicates = { records: 1, samples, firstSeq: record.seq, lastSeq: record.seq };
                else {
                  duplicates.records++;
                  duplicates.samples += samples;
                  duplicates.lastSeq = record.seq;
                }
              }
              continue;
            }
            reportDuplicates();
            // a notice straddling it reports loss partly at or before it: only the part after
            // is news (passed on whole, it would over-report and overlap seqs delivered)
            if ((record.kind === 'dropped' || record.kind === 'gap') && record.firstSeq <= resumedAfter) {
              const trimmed = trimNotice(record, resumedAfter, state.received?.samplesBetween(record.firstSeq, resumedAfter) ?? null);
              out.next(trimmed);
              state.lastSeq = record.lastSeq;
              if (trimmed.estimated !== true) state.received?.recordLoss(trimmed.firstSeq, trimmed.lastSeq, trimmed.samples);
              continue;
            }
          }
          if (checkStart) {
            checkStart = false;
            const first = record.kind === 'dropped' || record.kind === 'gap' ? record.firstSeq : record.seq;
            // resumed in the middle of the new session: subscribe again for all its history holds
            if (first !== 0) return settle('closed');
          }
          if (record.kind === 'block' || record.kind === 'frame') {
            state.lastSeq = record.seq;
            state.received?.record(record.seq, record.kind === 'block' ? record.block.length : 1);
          } else if (record.kind === 'dropped' || record.kind === 'gap') {
            // records a notice reports gone are never asked for again
            state.lastSeq = record.lastSeq;
            if (record.estimated !== true) state.received?.recordLoss(record.firstSeq, record.lastSeq, record.samples);
          }
        }
        out.next(record);
        if (record.kind === 'end') return settle('end');
      }
    };
    link.onData = (chunk) => {
      let records: ReturnType<typeof decoder.push>;
      let failure: Error | null = null;
      const consumed = decoder.consumed;
      try {
        records = decoder.push(chunk);
      } catch (e) {
        // the valid records before the bad one are delivered, then the stream fails
        failure = e as Error;
        records = (e as { decoded?: ReturnType<typeof decoder.push> }).decoded ?? [];
      }
      // alive: a whole record arrived (bytes of a record that never completes do not count)
      if (failure === null && decoder.consumed > consumed) liveness.lastRecord = performance.now();
      deliver(records);
      if (failure !== null) settle(failure);
    };
    void link.closed.then(() => settle('closed'));
    keepLinkAlive(link, options.keepAlive ?? null, () => liveness.lastRecord, () => liveness.interval);
    link.send(encodeWireRecord({ kind: 'subscribe', lastSeq: state.lastSeq, ...(state.consumer !== undefined ? { consumer: state.consumer } : {}) }));
  });
}

/**
 * The part of a `dropped` or `gap` notice after seq `after` (firstSeq ≤ after < lastSeq), given
 * `cut`, the samples of seqs firstSeq … after when the consumer knows them (it received those
 * records, or exact notices of them), else null. Its records are exact; its samples are exact
 * (notice.samples − cut) when the notice's are and `cut` is known, or when every record of the
 * notice holds one sample (samples = records); otherwise they are the notice's share by records —
 * never below one per record kept nor above what one per record cut off leaves, as samples ≥
 * records — marked `estimated`. (A qsync sender never sends such a notice: its hub splits a run of
 * drops at the seq the consumer resumed after, where its log knows every count.)
 */
function trimNotice<N extends Extract<WireRecord, { kind: 'dropped' | 'gap' }>>(notice: N, after: number, cut: number | null): N {
  const records = notice.lastSeq - notice.firstSeq + 1;
  const kept = notice.lastSeq - after;
  // the rest after what is known, unless it cannot be (counts that disagree are not trusted)
  const rest = notice.estimated !== true && cut !== null && notice.samples - cut >= kept ? notice.samples - cut : null;
  const exact = rest !== null || (notice.samples === records && notice.estimated !== true);
  const samples = rest ?? (exact ? kept : Math.round((notice.samples * kept) / records));
  return {
    ...notice,
    firstSeq: after + 1,
    samples,
    ...(notice.kind === 'dropped' ? { records: kept } : {}),
    ...(exact ? {} : { estimated: true }),
  };
}

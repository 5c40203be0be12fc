import { performance } from 'node:perf_hooks';
import { Observable } from 'rxjs';
import { consumeLink } from './consume-link';
import type { ConsumerState, WireDuplicates } from './consume-link';
import { ReceivedCounts } from './received-counts';
import { resolveKeepAlive } from './resolve-keep-alive';
import type { KeepAliveConfig } from './resolve-keep-alive';
import { redial } from './redial';
import type { WireLink } from './wire-link';
import type { WireRecord } from './wire-record';
import { checkListen, checkUrl, resolveReconnect } from './wire-transport';
import type { LinkServer, ListenAddress, ReconnectConfig, WireTransport } from './wire-transport';

/** Options of a consumer's network source (fromTcp, fromWebSocket): one of `connect` or `listen`. */
export interface WireSourceConfig {
  /** dial this producer (e.g. 'tcp://127.0.0.1:7000'), redialling with backoff after a disconnect */
  readonly connect?: string;
  /** wait here for a producer to dial in; another may dial in after one disconnects */
  readonly listen?: ListenAddress;
  /** called with the address once listening (listen only; port 0 resolved) */
  readonly onListening?: (server: { url: string; host: string; port: number }) => void;
  /** resume after this seq (default null: from now); later reconnections resume after the last seq received */
  readonly lastSeq?: number | null;
  /** this consumer's name, sent in its subscribe */
  readonly consumer?: string;
  /** redialling (connect only) */
  readonly reconnect?: ReconnectConfig;
  /** largest record accepted, bytes (default 64 MiB) */
  readonly maxRecordBytes?: number;
  /**
   * keepalive (default `{ interval: 5000, timeout: 20 000 }`; false: off): a ping after
   * `interval` ms of sending nothing; a producer from which nothing (data or its pings) has
   * arrived for `timeout` ms (at least 4 times the keepAliveInterval its header advertises) is
   * taken for dead — the source redials (connect) or lets the next producer in (listen)
   */
  readonly keepAlive?: KeepAliveConfig | false;
  /**
   * told of each run of data records dropped because they were passed on already (a producer
   * restarted in the same session served them again): how many, their samples and seq range
   */
  readonly onDuplicates?: (duplicates: WireDuplicates) => void;
  /**
   * ms a producer that dialled in may take to send its header (listen only; default 10 000):
   * a connection that sends nothing, or no header, is closed and reported to `onRefused`
   */
  readonly headerTimeout?: number;
  /**
   * told of each connection that dialled in and was closed for what it sent (listen only): not
   * the wire format (an HTTP request, a port scanner), a corrupted or truncated record, no header
   * within `headerTimeout`. The source goes on waiting for a producer; without a handler these
   * go unreported. (A dialled producer's bad input, connect mode, errors the source instead.)
   */
  readonly onRefused?: (refused: { peer: string; reason: string }) => void;
}

/**
 * The consumer side of a network transport: an Observable of the stream's wire records —
 * the header (once per session), data, 'dropped'/'gap' notices and the 'end', after which it
 * completes. A lost connection is not an error: the source redials (connect) or waits for the
 * producer to dial again (listen) and resumes after the last seq it received. Malformed input
 * is: the Observable errors with the WireFormatError. Unsubscribing closes the connection.
 * Internal: fromTcp and fromWebSocket are this with their transport.
 */
export function wireSource(fn: string, transport: WireTransport, config: WireSourceConfig): Observable<WireRecord> {
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { connect } or { listen }`);
  if ((config.listen === undefined) === (config.connect === undefined)) {
    throw new Error(`${fn}: give exactly one of 'connect' (dial a producer) and 'listen' (be dialled)`);
  }
  if (config.listen !== undefined) checkListen(fn, config.listen);
  if (config.connect !== undefined) checkUrl(fn, config.connect, [`${transport.scheme}:`, ...(transport.scheme === 'ws' ? ['wss:'] : [])]);
  const lastSeq = config.lastSeq ?? null;
  if (lastSeq !== null && !(Number.isInteger(lastSeq) && lastSeq >= 0)) {
    throw new Error(`${fn}: 'lastSeq' must be null or an integer ≥ 0, got ${String(lastSeq)}`);
  }
  const reconnect = resolveReconnect(fn, config.reconnect);
  const keepAlive = resolveKeepAlive(fn, config.keepAlive);
  if (config.onDuplicates !== undefined && typeof config.onDuplicates !== 'function') {
    throw new Error(`${fn}: 'onDuplicates' must be a function ({ records, samples, firstSeq, lastSeq }) => void, got ${String(config.onDuplicates)}`);
  }
  const headerTimeout = config.headerTimeout ?? 10_000;
  if (!(headerTimeout > 0 && Number.isFinite(headerTimeout))) throw new Error(`${fn}: 'headerTimeout' must be a number of ms > 0, got ${String(config.headerTimeout)}`);
  if (config.onRefused !== undefined && typeof config.onRefused !== 'function') {
    throw new Error(`${fn}: 'onRefused' must be a function ({ peer, reason }) => void, got ${String(config.onRefused)}`);
  }
  const decoderConfig = config.maxRecordBytes !== undefined ? { maxRecordBytes: config.maxRecordBytes } : {};

  return new Observable<WireRecord>((subscriber) => {
    const state: ConsumerState = {
      lastSeq,
      sessionId: null,
      received: new ReceivedCounts(),
      ...(config.consumer !== undefined ? { consumer: config.consumer } : {}),
    };
    let stopped = false;
    let active: WireLink | null = null;
    const contenders = new Set<WireLink>(); // producers that dialled in while another is connected
    let server: LinkServer | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const stop = (): void => {
      stopped = true;
      server?.close();
      active?.destroy();
      for (const link of contenders) link.destroy();
      if (timer !== null) clearTimeout(timer);
    };
    const listening = config.listen !== undefined;
    const options = {
      keepAlive,
      ...(config.onDuplicates !== undefined ? { onDuplicates: config.onDuplicates } : {}),
      ...(listening ? { headerTimeout } : {}),
    };
    // when each link's last complete record arrived: what tells a live producer from a silent one
    // judged by the keepalive interval the producer advertised in its header (a producer pinging
    // less often than we do is alive all the same), by ours when it advertised none
    const liveness = new Map<WireLink, { lastRecord: number; interval?: number }>();
    const alive = (link: WireLink): boolean => {
      const own = liveness.get(link);
      return keepAlive !== null && own !== undefined && performance.now() - own.lastRecord < 2 * (own.interval ?? keepAlive.interval);
    };
    /** runs a link; a contender runs with `claim` and becomes the active link only if its header wins */
    const run = async (link: WireLink, claim?: (sessionId: string) => boolean): Promise<'end' | 'closed' | 'refused' | Error> => {
      if (claim === undefined) active = link;
      const own: { lastRecord: number; interval?: number } = { lastRecord: performance.now() };
      liveness.set(link, own);
      const result = await consumeLink(link, state, subscriber, decoderConfig, { ...options, liveness: own, ...(claim !== undefined ? { claim } : {}) });
      liveness.delete(link);
      contenders.delete(link);
      if (active === link) active = null;
      if (result === 'end') {
        stop();
        subscriber.complete();
      } else if (result instanceof Error && listening && !stopped) {
        // whoever dialled in cannot end a listening consumer by what it sends: that one link is
        // closed and reported, and the consumer waits for a producer (resuming after its last seq)
        config.onRefused?.({ peer: link.peer, reason: result.message });
      } else if (result instanceof Error) {
        stop();
        subscriber.error(result);
      }
      return result;
    };

    if (config.listen !== undefined) {
      const admit = (link: WireLink, rechecked: boolean): void => {
        if (stopped) return link.destroy();
        // who may send is decided before a link is subscribed: a producer is subscribed only
        // when what it sends will be taken, for a producer sends its stream (and may report it
        // delivered) as soon as it is subscribed. A newcomer is turned away unsubscribed (it
        // redials with backoff and loses nothing) while another producer is connected and alive
        // — a whole record of it arrived within twice the keepalive interval its header
        // advertised (ours if none), as a live producer's always does — or while another
        // newcomer is already admitted to replace it.
        if (contenders.size > 0) return link.destroy();
        if (active === null) return void run(link);
        if (keepAlive === null || alive(active)) return link.destroy();
        // found silent: after an event-loop stall, records of it may be received and not yet
        // read — decide again once pending I/O has run (setImmediate comes after the poll phase)
        if (!rechecked) return void setImmediate(() => admit(link, true));
        // the connected producer is silent (its machine crashed, its link went half-open): the
        // newcomer is admitted, the only one, and replaces it once its header arrives, whatever
        // its session; a newcomer of the same session resumes after the last seq received
        contenders.add(link);
        void run(link, () => {
          const stale = active;
          active = link;
          contenders.delete(link);
          stale?.destroy(new Error(`replaced by the producer that dialled in from ${link.peer}: this one was silent`));
          return true;
        });
      };
      transport
        .listen(config.listen, (link) => admit(link, false))
        .then(
          (s) => {
            server = s;
            if (stopped) return s.close();
            config.onListening?.({ url: s.url, host: s.host, port: s.port });
          },
          (e: Error) => {
            stop();
            subscriber.error(new Error(`${fn}: cannot listen on ${config.listen?.host ?? '127.0.0.1'}:${config.listen?.port}: ${e.message}`));
          },
        );
    } else {
      const url = config.connect as string;
      void redial({
        dial: () => transport.dial(url),
        reconnect,
        stopped: () => stopped,
        sleep: (ms) => new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))),
        onLink: async (link) => (await run(link)) !== 'closed',
        onGiveUp: (failures, e) => {
          stop();
          subscriber.error(new Error(`${fn}: cannot connect to ${url} (${failures} attempts): ${e.message}`));
        },
      });
    }
    return stop;
  });
}

import { Observable } from 'rxjs';
import type { OperatorFunction, Subscription } from 'rxjs';
import { createWireHub } from './create-wire-hub';
import type { WireBufferConfig, WireHistoryConfig, WireHub } from './create-wire-hub';
import { resolveKeepAlive } from './resolve-keep-alive';
import type { KeepAliveConfig } from './resolve-keep-alive';
import { redial } from './redial';
import { serveLink } from './serve-link';
import type { WireSinkEvent } from './serve-link';
import type { WireLink } from './wire-link';
import type { WireRecord } from './wire-record';
import { checkListen, checkUrl, resolveReconnect } from './wire-transport';
import type { LinkServer, ListenAddress, ReconnectConfig, WireTransport } from './wire-transport';

/** Options of a producer's network sink (toTcp, toWebSocket): one of `listen` or `connect`. */
export interface WireSinkConfig {
  /** serve consumers that dial in here */
  readonly listen?: ListenAddress;
  /** dial this listening consumer (e.g. 'tcp://127.0.0.1:7000', 'ws://127.0.0.1:7000/'), and redial after a disconnect */
  readonly connect?: string;
  /** redialling (connect only) */
  readonly reconnect?: ReconnectConfig;
  /** the hub to publish into (give one to run a pausable producer on `hub.scheduler`); default: a new hub from the options below */
  readonly hub?: WireHub;
  /** each consumer's buffer (default: the hub's) */
  readonly buffer?: WireBufferConfig;
  /** the sender's history, when the sink makes its hub */
  readonly history?: WireHistoryConfig;
  /** consumers needed before the gate opens, when the sink makes its hub (default 1) */
  readonly minConsumers?: number;
  /**
   * listen only: how long (ms) the sink keeps serving its history after the stream has ended and
   * the last consumer has gone, so that one killed near the end can come back and resume
   * (default 0: it completes at once). A sender cannot tell a consumer that read the end from one
   * that died as it went out, so the wait is unconditional.
   */
  readonly linger?: number;
  /**
   * ms a new connection may take to send its `subscribe` (default 10 000); one that has not is
   * closed, with a 'disconnected' event naming this option
   */
  readonly subscribeTimeout?: number;
  /**
   * listen only: connections that have not subscribed yet, at most (default 16); one more is
   * closed at once, with a 'disconnected' event naming this option
   */
  readonly maxUnsubscribed?: number;
  /**
   * keepalive on each connection (default `{ interval: 5000, timeout: 20 000 }`; false: off):
   * a ping after `interval` ms of sending nothing, and a consumer from which nothing (not even its
   * pings) has arrived for `timeout` ms is taken for dead and disconnected, freeing its place
   */
  readonly keepAlive?: KeepAliveConfig | false;
}

const sleep = (ms: number, stopped: () => boolean): Promise<void> =>
  new Promise((resolve) => {
    if (stopped()) return resolve();
    setTimeout(resolve, ms);
  });

/**
 * The producer side of a network transport: subscribes to the source once the hub's gate first
 * opens (its first `minConsumers` consumers are attached), publishes the records into the hub and
 * serves them to consumers (listen) or to one listening consumer (connect, redialled with
 * backoff; each connection resumes where the consumer left off). The Observable emits
 * WireSinkEvents and completes when the source has ended and no consumer is still connected
 * (listen) or when the consumer has received the 'end' (connect); it errors with the source's
 * error once connections are done, or when dialling gives up. Unsubscribing closes everything.
 * Internal: toTcp and toWebSocket are this with their transport.
 */
export function wireSink(fn: string, transport: WireTransport, config: WireSinkConfig): OperatorFunction<WireRecord, WireSinkEvent> {
  if (config === null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { listen } or { connect }`);
  if ((config.listen === undefined) === (config.connect === undefined)) {
    throw new Error(`${fn}: give exactly one of 'listen' (serve consumers) and 'connect' (dial a consumer)`);
  }
  if (config.listen !== undefined) checkListen(fn, config.listen);
  if (config.connect !== undefined) checkUrl(fn, config.connect, [`${transport.scheme}:`, ...(transport.scheme === 'ws' ? ['wss:'] : [])]);
  const reconnect = resolveReconnect(fn, config.reconnect);
  const linger = config.linger ?? 0;
  if (!(linger >= 0 && Number.isFinite(linger))) throw new Error(`${fn}: 'linger' must be a number of ms ≥ 0, got ${String(linger)}`);
  const subscribeTimeout = config.subscribeTimeout ?? 10_000;
  if (!(subscribeTimeout > 0 && Number.isFinite(subscribeTimeout))) {
    throw new Error(`${fn}: 'subscribeTimeout' must be a number of ms > 0, got ${String(subscribeTimeout)}`);
  }
  const maxUnsubscribed = config.maxUnsubscribed ?? 16;
  if (!(Number.isInteger(maxUnsubscribed) && maxUnsubscribed >= 1)) {
    throw new Error(`${fn}: 'maxUnsubscribed' must be an integer ≥ 1, got ${String(maxUnsubscribed)}`);
  }
  const keepAlive = resolveKeepAlive(fn, config.keepAlive);
  if (config.hub === undefined) createWireHub({ buffer: config.buffer, history: config.history, minConsumers: config.minConsumers }); // checks the options now

  return (source) =>
    new Observable<WireSinkEvent>((subscriber) => {
      const hub = config.hub ?? createWireHub({ buffer: config.buffer, history: config.history, minConsumers: config.minConsumers });
      let stopped = false;
      let sourceDone = false;
      let sourceError: { error: unknown } | null = null;
      let server: LinkServer | null = null;
      const links = new Set<WireLink>();
      const emit = (event: WireSinkEvent): void => {
        if (!stopped) subscriber.next(event);
      };
      // listen: once the stream has ended and no consumer is connected, wait `linger` ms for one to come back
      let lingering: ReturnType<typeof setTimeout> | null = null;
      const finishUnlessResumable = (): void => {
        if (!sourceDone || links.size > 0 || lingering !== null) return;
        if (linger === 0) return finish();
        lingering = setTimeout(finish, linger);
      };
      const finish = (): void => {
        if (lingering !== null) clearTimeout(lingering);
        if (stopped) return;
        stopped = true;
        server?.close();
        if (sourceError !== null) subscriber.error(sourceError.error);
        else subscriber.complete();
      };
      let unsubscribed = 0; // connections that have not subscribed yet
      const subscribed = new WeakSet<WireLink>(); // connections whose consumer subscribed
      const serve = async (link: WireLink): Promise<boolean> => {
        links.add(link);
        unsubscribed++;
        let waiting = true;
        const onSubscribed = (): void => {
          if (waiting) unsubscribed--;
          waiting = false;
        };
        try {
          const emitOf = (event: WireSinkEvent): void => {
            if (event.kind === 'connected') subscribed.add(link);
            emit(event);
          };
          return await serveLink(hub, link, { buffer: config.buffer, subscribeTimeout, onSubscribed, keepAlive }, emitOf);
        } finally {
          onSubscribed();
          links.delete(link);
        }
      };

      // the source starts when the first consumers are attached (the hub's gate opens), so that
      // a consumer subscribing 'from now' gets the stream from its start
      let sourceSubscription: Subscription | null = null;
      const start = (): Subscription => source.subscribe({
        next: (record) => {
          if (sourceError !== null) return;
          try {
            hub.publish(record);
          } catch (e) {
            sourceError = { error: e };
            hub.fail(e);
            sourceSubscription?.unsubscribe();
          }
        },
        error: (e) => {
          sourceError = { error: e };
          sourceDone = true;
          hub.fail(e);
          if (config.listen !== undefined) finishUnlessResumable();
        },
        complete: () => {
          sourceDone = true;
          hub.end();
          if (config.listen !== undefined) finishUnlessResumable();
        },
      });
      void hub.ready().then(() => {
        if (!stopped) sourceSubscription = start();
      });

      if (config.listen !== undefined) {
        transport
          .listen(config.listen, (link) => {
            if (stopped) return link.destroy();
            if (unsubscribed >= maxUnsubscribed) {
              link.destroy();
              const reason = `${maxUnsubscribed} connections have not subscribed yet (option 'maxUnsubscribed'): this one is closed`;
              return emit({ kind: 'disconnected', consumer: '?', peer: link.peer, reason });
            }
            if (lingering !== null) {
              clearTimeout(lingering); // a consumer came back
              lingering = null;
            }
            void serve(link).then(finishUnlessResumable);
          })
          .then(
            (s) => {
              server = s;
              if (stopped) return s.close();
              emit({ kind: 'listening', url: s.url, host: s.host, port: s.port });
            },
            (e: Error) => {
              stopped = true;
              subscriber.error(new Error(`${fn}: cannot listen on ${config.listen?.host ?? '127.0.0.1'}:${config.listen?.port}: ${e.message}`));
            },
          );
      } else {
        const url = config.connect as string;
        void redial({
          dial: () => transport.dial(url),
          reconnect,
          stopped: () => stopped,
          sleep: (ms) => sleep(ms, () => stopped),
          onLink: async (link) => {
            const ended = await serve(link);
            // closed by the consumer before it subscribed: turned away (it takes another producer)
            if (!ended && !subscribed.has(link) && !(sourceError !== null && sourceDone)) return 'unused';
            if (!ended && !(sourceError !== null && sourceDone)) return false;
            finish();
            return true;
          },
          onGiveUp: (failures, e) => {
            stopped = true;
            subscriber.error(new Error(`${fn}: cannot connect to ${url} (${failures} attempts): ${e.message}`));
          },
        });
      }

      return () => {
        stopped = true;
        if (lingering !== null) clearTimeout(lingering);
        sourceSubscription?.unsubscribe();
        server?.close();
        for (const link of links) link.destroy();
      };
    });
}

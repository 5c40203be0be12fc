import type { WireLink } from './wire-link';

/** Where to listen: host (default 127.0.0.1) and port (0: any free port). */
export interface ListenAddress {
  readonly host?: string;
  readonly port: number;
  /** WebSocket only: the path served (default any) */
  readonly path?: string;
}

/** How a side that dials retries: delays double from `initialDelay` up to `maxDelay` (ms). */
export interface ReconnectConfig {
  /** default 50 ms */
  readonly initialDelay?: number;
  /** default 2000 ms */
  readonly maxDelay?: number;
  /** failed attempts in a row before giving up with an error (default Infinity) */
  readonly maxAttempts?: number;
}

/** A server accepting links. */
export interface LinkServer {
  readonly host: string;
  readonly port: number;
  readonly url: string;
  close(): void;
}

/** What TCP and WebSocket each provide to the shared sink and source logic. Internal. */
export interface WireTransport {
  /** 'tcp' or 'ws', for messages */
  readonly scheme: string;
  listen(address: ListenAddress, onLink: (link: WireLink) => void): Promise<LinkServer>;
  /** connects to a URL; rejects with the system's error */
  dial(url: string): Promise<WireLink>;
}

/** Checks a reconnect config and returns the delay before attempt k (1, 2, …) and the bound. */
export function resolveReconnect(fn: string, config: ReconnectConfig | undefined): { delay: (k: number) => number; maxAttempts: number } {
  const initialDelay = config?.initialDelay ?? 50;
  const maxDelay = config?.maxDelay ?? 2000;
  const maxAttempts = config?.maxAttempts ?? Infinity;
  if (!(initialDelay >= 0 && Number.isFinite(initialDelay))) {
    throw new Error(`${fn}: 'reconnect.initialDelay' must be a number of ms ≥ 0, got ${String(initialDelay)}`);
  }
  if (!(maxDelay >= initialDelay)) {
    throw new Error(`${fn}: 'reconnect.maxDelay' must be a number of ms ≥ initialDelay (${initialDelay}), got ${String(maxDelay)}`);
  }
  if (!((Number.isInteger(maxAttempts) && maxAttempts >= 1) || maxAttempts === Infinity)) {
    throw new Error(`${fn}: 'reconnect.maxAttempts' must be an integer ≥ 1 or Infinity, got ${String(maxAttempts)}`);
  }
  return { delay: (k) => Math.min(maxDelay, initialDelay * 2 ** Math.max(0, k - 1)), maxAttempts };
}

/** Checks a listen address. */
export function checkListen(fn: string, address: ListenAddress): void {
  if (address === null || typeof address !== 'object' || !(Number.isInteger(address.port) && address.port >= 0 && address.port <= 65535)) {
    throw new Error(`${fn}: 'listen.port' must be an integer in 0 … 65535 (0: any free port), got ${String(address?.port)}`);
  }
}

/** Checks a URL of this transport's scheme; returns it parsed. */
export function checkUrl(fn: string, url: unknown, schemes: readonly string[]): URL {
  let parsed: URL | null = null;
  try {
    if (typeof url === 'string') parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (parsed === null || !schemes.includes(parsed.protocol) || parsed.hostname === '' || parsed.port === '') {
    throw new Error(`${fn}: 'connect' must be a URL ${schemes.map((s) => `${s}//host:port`).join(' or ')}, got ${String(url)}`);
  }
  return parsed;
}

import { UsageError } from '../common/errors';

/** Where a stream goes to or comes from, as `--to`, `--listen` or `--from` name it. */
export type Endpoint =
  | { readonly kind: 'tcp'; readonly url: string; readonly host: string; readonly port: number }
  | { readonly kind: 'ws'; readonly url: string; readonly host: string; readonly port: number; readonly path: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'stdio' };

const EXPECTED = 'expected tcp://HOST:PORT, ws://HOST:PORT/PATH, a file (e.g. currents.qsw) or - (stdin/stdout)';

/**
 * Reads a transport option: `tcp://HOST:PORT`, `ws://HOST:PORT/PATH`, `-` (stdio) or a file path.
 * A URL with another scheme, without a port, or with a port outside 0…65535 is a
 * {@link UsageError} naming the option.
 *
 * @param option - the option's name for the error, e.g. '--to'
 * @param value - what the user wrote
 * @param allowed - the kinds this option takes
 * @example
 * parseEndpoint('--to', 'tcp://127.0.0.1:7000'); // → { kind: 'tcp', url: 'tcp://127.0.0.1:7000', host: '127.0.0.1', port: 7000 }
 * parseEndpoint('--listen', 'ws://127.0.0.1:7001/currents').path; // → '/currents'
 * parseEndpoint('--to', '-'); // → { kind: 'stdio' }
 * parseEndpoint('--to', 'udp://127.0.0.1:7000'); // throws "--to: unknown scheme 'udp:' in udp://127.0.0.1:7000; expected tcp://HOST:PORT"
 * parseEndpoint('--to', 'tcp://localhost'); // throws "--to: tcp://localhost has no port"
 */
export function parseEndpoint(option: string, value: string, allowed: readonly Endpoint['kind'][] = ['tcp', 'ws', 'file', 'stdio']): Endpoint {
  if (typeof value !== 'string' || value === '') throw new UsageError(option, `needs a value; ${EXPECTED}`);
  let endpoint: Endpoint;
  if (value === '-') endpoint = { kind: 'stdio' };
  else if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) endpoint = { kind: 'file', path: value };
  else {
    const scheme = value.slice(0, value.indexOf(':') + 1).toLowerCase();
    if (scheme !== 'tcp:' && scheme !== 'ws:') throw new UsageError(option, `unknown scheme '${scheme}' in ${value}; ${EXPECTED}`);
    // URL drops a scheme's default port; ws:// has one (80) but a stream needs it spelled out
    const port = /^[a-z]+:\/\/(\[[^\]]*\]|[^/:]*):(\d+)(\/|$)/i.exec(value)?.[2];
    if (port === undefined) throw new UsageError(option, `${value} has no port; ${scheme === 'tcp:' ? 'expected tcp://HOST:PORT' : 'expected ws://HOST:PORT/PATH'}`);
    const n = Number(port);
    if (!(n >= 0 && n <= 65535)) throw new UsageError(option, `port ${port} in ${value} is not in 0…65535`);
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw new UsageError(option, `${value} is not a valid URL; ${EXPECTED}`);
    }
    const host = url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1';
    endpoint = scheme === 'tcp:'
      ? { kind: 'tcp', url: `tcp://${url.host}`, host, port: n }
      : { kind: 'ws', url: `ws://${url.host}${url.pathname}`, host, port: n, path: url.pathname };
  }
  if (!allowed.includes(endpoint.kind)) {
    throw new UsageError(option, `takes ${allowed.map((k) => ({ tcp: 'tcp://HOST:PORT', ws: 'ws://HOST:PORT/PATH', file: 'a file', stdio: '-' })[k]).join(', ')}; got ${value}`);
  }
  return endpoint;
}

import { WebSocket, WebSocketServer } from 'ws';
import { webSocketLink } from './wire-link';
import type { WireLink } from './wire-link';
import type { LinkServer, WireTransport } from './wire-transport';

/** Largest WebSocket message accepted: a record of 64 MiB plus its head. */
const MAX_PAYLOAD = 64 * 2 ** 20 + 64;

/** WebSocket (ws) for the sinks and sources: one framed record per binary message. Internal. */
export const webSocketTransport: WireTransport = {
  scheme: 'ws',
  listen: (address, onLink) =>
    new Promise<LinkServer>((resolve, reject) => {
      const server = new WebSocketServer({
        host: address.host ?? '127.0.0.1',
        port: address.port,
        maxPayload: MAX_PAYLOAD,
        ...(address.path !== undefined ? { path: address.path } : {}),
      });
      server.on('connection', (ws, request) => {
        onLink(webSocketLink(ws, `${request.socket.remoteAddress ?? '?'}:${request.socket.remotePort ?? '?'}`));
      });
      server.once('error', reject);
      server.once('listening', () => {
        server.off('error', reject);
        server.on('error', () => undefined); // an error of the underlying server: that connection fails, the server goes on
        const bound = server.address();
        const host = typeof bound === 'object' && bound !== null ? bound.address : (address.host ?? '127.0.0.1');
        const port = typeof bound === 'object' && bound !== null ? bound.port : address.port;
        resolve({
          host,
          port,
          url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}${address.path ?? '/'}`,
          close: () => {
            for (const client of server.clients) client.terminate();
            server.close();
          },
        });
      });
    }),
  dial: (url) =>
    new Promise<WireLink>((resolve, reject) => {
      const ws = new WebSocket(url, { maxPayload: MAX_PAYLOAD });
      const fail = (e: Error): void => reject(e);
      ws.once('error', fail);
      ws.once('open', () => {
        ws.off('error', fail);
        resolve(webSocketLink(ws, url));
      });
    }),
};

import { connect, createServer } from 'node:net';
import { tcpLink } from './wire-link';
import type { WireLink } from './wire-link';
import type { LinkServer, WireTransport } from './wire-transport';

/** TCP for the sinks and sources: records back to back on the byte stream. Internal. */
export const tcpTransport: WireTransport = {
  scheme: 'tcp',
  listen: (address, onLink) =>
    new Promise<LinkServer>((resolve, reject) => {
      const sockets = new Set<import('node:net').Socket>();
      const server = createServer((socket) => {
        sockets.add(socket);
        socket.once('close', () => sockets.delete(socket));
        onLink(tcpLink(socket));
      });
      server.once('error', reject);
      server.listen(address.port, address.host ?? '127.0.0.1', () => {
        server.off('error', reject);
        server.on('error', () => undefined); // e.g. EMFILE on accept: that connection fails, the server goes on
        const bound = server.address();
        const host = typeof bound === 'object' && bound !== null ? bound.address : (address.host ?? '127.0.0.1');
        const port = typeof bound === 'object' && bound !== null ? bound.port : address.port;
        resolve({
          host,
          port,
          url: `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`,
          close: () => {
            server.close();
            for (const s of sockets) s.destroy();
          },
        });
      });
    }),
  dial: (url) =>
    new Promise<WireLink>((resolve, reject) => {
      const { hostname, port } = new URL(url);
      const socket = connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
      const fail = (e: Error): void => reject(e);
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.off('error', fail);
        resolve(tcpLink(socket));
      });
    }),
};

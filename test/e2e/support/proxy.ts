/**
 * An HTTP proxy that records every request it is asked to make and refuses it
 * at once (the machine is offline). Both browsers send everything but loopback
 * through it: plain requests by URL, and HTTPS and WebSocket connections as
 * CONNECT tunnels (recorded as https://host:port/), so `requests` holds every
 * connection the whole browser (pages, extension, service worker) tried to make
 * to another host. Loopback traffic goes to the test server, which logs its own.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export async function startRecordingProxy(seen: string[]): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    seen.push(req.url ?? '');
    res.writeHead(502, { 'content-type': 'text/plain', connection: 'close' }).end('offline: refused by the e2e proxy');
  });
  server.on('connect', (req, socket: Socket) => {
    seen.push(`https://${req.url ?? ''}/`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
  });
  server.on('upgrade', (req, socket: Socket) => {
    seen.push(req.url ?? '');
    socket.end('HTTP/1.1 502 Bad Gateway\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { port: (server.address() as AddressInfo).port, server };
}

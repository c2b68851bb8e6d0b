/**
 * A static HTTP server on 127.0.0.1 (random port) for the pages the browser
 * opens: only the files it is given, by URL path. A .txt file is served as
 * text/plain (the browser shows it as its plain-text page), anything else as HTML.
 * It logs every request it receives, WebSocket upgrades included (refused), so a
 * test can tell that the page's own origin heard nothing from Lede.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export interface ServerRequest {
  method: string;
  /** Path and query, as the browser asked. */
  url: string;
  /** True for a WebSocket upgrade (refused). */
  webSocket: boolean;
}

export interface TestServer {
  origin: string;
  /** Every request received, in order (localhost as well as 127.0.0.1: one server). */
  requests: ServerRequest[];
  url(path: string): string;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, string>): Promise<TestServer> {
  const requests: ServerRequest[] = [];
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', webSocket: false });
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = routes[path];
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': `${file.endsWith('.txt') ? 'text/plain' : 'text/html'}; charset=utf-8` }).end(body),
      () => res.writeHead(500).end(),
    );
  });
  server.on('upgrade', (req, socket) => {
    requests.push({ method: req.method ?? '', url: req.url ?? '', webSocket: true });
    socket.end('HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    url: (path) => `${origin}${path}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * A static HTTP server on 127.0.0.1 (random port) for the pages the browser
 * opens: only the files it is given, by URL path. A .txt file is served as
 * text/plain (the browser shows it as its plain-text page), anything else as HTML.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, string>): Promise<TestServer> {
  const server: Server = createServer((req, res) => {
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
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/**
 * Gzipped sizes of the built extension (.output/chrome-mv3): the content
 * script, the popup (its HTML plus every JS chunk it loads, followed through
 * static imports, and its CSS), and the background script.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleEntry {
  name: string;
  files: string[];
  rawBytes: number;
  gzipBytes: number;
  targetKB: number;
}

const gz = (buf: Buffer): number => gzipSync(buf, { level: 9 }).length;

/** Files an HTML page loads (scripts, module preloads, stylesheets), then JS chunks they import, transitively. */
function popupFiles(outDir: string, htmlFile: string): string[] {
  const seen = new Set<string>([htmlFile]);
  const queue: string[] = [];
  const html = readFileSync(join(outDir, htmlFile), 'utf8');
  for (const m of html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)) queue.push(m[1].replace(/^\//, ''));
  while (queue.length) {
    const f = posix.normalize(queue.shift()!);
    if (seen.has(f) || !existsSync(join(outDir, f))) continue;
    seen.add(f);
    if (!f.endsWith('.js')) continue;
    const js = readFileSync(join(outDir, f), 'utf8');
    for (const m of js.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) {
      const spec = m[1];
      queue.push(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(f), spec));
    }
  }
  return [...seen];
}

export function bundleSizes(outDir: string): BundleEntry[] {
  const entry = (name: string, files: string[], targetKB: number): BundleEntry => {
    const bufs = files.map((f) => readFileSync(join(outDir, f)));
    return {
      name,
      files,
      targetKB,
      rawBytes: bufs.reduce((n, b) => n + b.length, 0),
      // Each file is fetched and compressed on its own, so sizes add up per file.
      gzipBytes: bufs.reduce((n, b) => n + gz(b), 0),
    };
  };
  const out: BundleEntry[] = [];
  const contentDir = join(outDir, 'content-scripts');
  const content = existsSync(contentDir)
    ? readdirSync(contentDir).filter((f) => /^content\.(js|css)$/.test(f)).map((f) => `content-scripts/${f}`)
    : [];
  out.push(entry('content script', content, 150));
  if (existsSync(join(outDir, 'popup.html'))) out.push(entry('popup', popupFiles(outDir, 'popup.html'), 40));
  if (existsSync(join(outDir, 'background.js'))) out.push(entry('background', ['background.js'], 10));
  return out;
}

/**
 * The shipped manifests, from a fresh build of each target into a temporary
 * folder (never the shared .output, never a stale build): permissions exactly
 * activeTab + scripting + storage, no host permissions, no content script that
 * runs on pages by itself, a Firefox add-on id; the injected script announces
 * nothing to the page, and the shipped popup cannot be pointed at another tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(__dirname, '../..');
let out: string;

function build(browser: 'chrome' | 'firefox', manifestVersion: 2 | 3): void {
  // A child process: WXT's programmatic build, with only the output folder changed.
  const script = `import { build } from 'wxt';
    await build({ browser: ${JSON.stringify(browser)}, manifestVersion: ${manifestVersion}, outDir: ${JSON.stringify(out)} });`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
}

type Manifest = Record<string, any>;
const manifest = (dir: string): Manifest => JSON.parse(readFileSync(join(out, dir, 'manifest.json'), 'utf8'));

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'lede-manifest-'));
  build('chrome', 3);
  build('firefox', 2);
}, 180_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('shipped manifests', () => {
  it('Chrome MV3: exactly activeTab, scripting, storage; no host permission; no declared content script', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.commands._execute_action.suggested_key.default).toBe('Alt+Shift+L');
    expect(m.action.default_popup).toBe('popup.html');
    for (const size of ['16', '32', '48', '128']) expect(existsSync(join(out, 'chrome-mv3', m.icons[size]))).toBe(true);
    // The injected file the popup names exists in the build.
    expect(existsSync(join(out, 'chrome-mv3', 'content-scripts/content.js'))).toBe(true);
  });

  it('Firefox MV2: same permissions, an add-on id, the MV2 command name', () => {
    const m = manifest('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    // MV2 lists host permissions among permissions: there must be none.
    expect([...m.permissions].sort()).toEqual(['activeTab', 'scripting', 'storage']);
    expect(m.content_scripts ?? []).toEqual([]);
    expect(m.browser_specific_settings.gecko.id).toMatch(/^[\w.-]+@[\w.-]+$/);
    expect(m.commands._execute_browser_action.suggested_key.default).toBe('Alt+Shift+L');
    expect(m.browser_action.default_popup).toBe('popup.html');
  });

  it('popup: everything popup.html loads is at most 40 KB gzipped, and none of it is the analysis', () => {
    const dir = join(out, 'chrome-mv3');
    const html = readFileSync(join(dir, 'popup.html'), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
    expect(files.some((f) => f.endsWith('.js'))).toBe(true);
    const bytes = files.map((f) => readFileSync(join(dir, f)));
    const gzipped = bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    console.log(`popup: ${files.length} files, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(40 * 1024);
    // Readability and the entity model live in the content script only.
    const js = bytes.map((b) => b.toString('utf8')).join('\n');
    expect(js).not.toContain('Readability');
    expect(readFileSync(join(dir, 'content-scripts/content.js'), 'utf8')).toContain('Readability');
    // The shipped popup reads the active tab only: the e2e build's ?tabId= is not in it at all.
    expect(js).not.toContain('URLSearchParams');
    expect(js).not.toMatch(/["'`]tabId["'`]/);
  });

  it('content script: built without WXT\'s ContentScriptContext, so no injection is announced to the page', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2']) {
      const js = readFileSync(join(out, dir, 'content-scripts/content.js'), 'utf8');
      // WXT's context posts "<id>:content:wxt:content-script-started" to the window and dispatches it on document.
      for (const word of ['content-script-started', 'wxt:', 'postMessage', 'dispatchEvent', 'CustomEvent']) {
        expect(js, `${dir}: ${word}`).not.toContain(word);
      }
      // Still the file the popup injects, and still answering 'ready' as its last value.
      expect(js).toContain('Readability');
    }
  });

  // The code of the content script: 100,000 bytes gzipped since 2026-12-07 (it was 155,000 with the entity model and
  // gazetteer inside; without them 87.8 KB). The data has a budget of its own, set by what the package may hold
  // (issue 13: 2 MB gzipped in all); a larger entity model goes there, not into the code's budget.
  it('content script: code at most 100,000 bytes gzipped, entity data at most 400,000, background at most 10 KB', () => {
    const dir = join(out, 'chrome-mv3');
    const size = (f: string) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
    const content = size('content-scripts/content.js');
    const data = size('entity-data.js');
    const background = size('background.js');
    console.log(`content script: ${content} bytes gzipped; entity data: ${data}; background: ${background}`);
    expect(content).toBeLessThanOrEqual(100_000);
    expect(data).toBeLessThanOrEqual(400_000);
    expect(background).toBeLessThanOrEqual(10_000);
    // The model's weights are in the data file only.
    const weights = (JSON.parse(readFileSync(join(root, 'lib/entities/model.json'), 'utf8')) as { gaps: string }).gaps.slice(0, 64);
    expect(readFileSync(join(dir, 'content-scripts/content.js'), 'utf8')).not.toContain(weights);
    expect(readFileSync(join(dir, 'entity-data.js'), 'utf8')).toContain(weights);
  });

  it('the whole package: at most 2 MB gzipped, and no file a page may load', () => {
    for (const dir of ['chrome-mv3', 'firefox-mv2']) {
      const files = execFileSync('find', [join(out, dir), '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
      const gzipped = files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
      console.log(`${dir}: ${files.length} files, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
      expect(gzipped).toBeLessThanOrEqual(2 * 1024 * 1024);
      expect(manifest(dir).web_accessible_resources ?? []).toEqual([]);
      expect(existsSync(join(out, dir, 'entity-data.js')), `${dir}: entity-data.js`).toBe(true);
    }
  });
});

/**
 * The shipped manifests, from a fresh build of each target into a temporary
 * folder (never the shared .output, never a stale build): permissions exactly
 * activeTab + scripting + storage, no host permissions, no content script that
 * runs on pages by itself, a Firefox add-on id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
});

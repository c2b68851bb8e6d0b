/**
 * `npm run screenshots`: the README's pictures, made from the built extension
 * (the e2e build, which can be pointed at a tab) in headless Chromium, so they
 * show what the extension does today. Writes docs/*.png:
 *
 * - popup.png, popup-dark.png: the popup on the sample article, light and dark; popup-quotes.png: its quotes;
 * - options.png, options-dark.png: the options page, light and dark;
 * - page-highlighted.png: the sample article with its key sentences and quotes painted;
 * - whatever `sidePanelShots` adds (the side panel beside the article, from the panel's branch).
 *
 * Reads only the repository's own sample article; no network.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, type OpenedTab, type TestPage } from '../test/e2e/support/browser';
import { buildE2eExtension, projectRoot } from '../test/e2e/support/build';
import { launchChromium, type ChromiumPage } from '../test/e2e/support/chromium';
import { startServer, type TestServer } from '../test/e2e/support/server';

const DOCS = resolve(projectRoot, 'docs');
const ARTICLE = '/article.html';
/** The popup's reading is in and no spinner is left. */
const READY = '.content:not(:has([aria-busy="true"])) .key-sentences .passage';
const SCHEMES = [
  { scheme: 'light', suffix: '' },
  { scheme: 'dark', suffix: '-dark' },
] as const;

/** What a picture-taking step gets: the browser with Lede, the server of the sample article, its tab and where to write. */
export interface ShotContext {
  browser: ExtensionBrowser;
  server: TestServer;
  article: OpenedTab;
  /** docs/<name>.png */
  out(name: string): string;
}

const playwrightPage = (p: TestPage): Page => (p as ChromiumPage).page;

async function popupShots({ browser, article, out }: ShotContext): Promise<string[]> {
  const popup = await browser.openPopup(article.tabId);
  await popup.waitFor(READY, 60_000);
  const written: string[] = [];
  for (const { scheme, suffix } of SCHEMES) {
    await popup.colorScheme(scheme);
    await popup.screenshot(out(`popup${suffix}`));
    written.push(out(`popup${suffix}`));
  }
  // Further down: the quotes, the folded phrases and the people and places.
  await popup.colorScheme('light');
  await popup.evaluate(() => {
    const content = document.querySelector('.content')!;
    const heading = document.getElementById('quotes-heading')!;
    content.scrollTop = heading.getBoundingClientRect().top - content.getBoundingClientRect().top + content.scrollTop - 8;
  });
  await popup.screenshot(out('popup-quotes'));
  written.push(out('popup-quotes'));
  await popup.close();
  return written;
}

async function pageShot({ article, out }: ShotContext): Promise<string[]> {
  // The first quote inside a key sentence, in the middle of the picture: the underline beside the fill.
  await article.page.evaluate(() => {
    const quote = [...((CSS.highlights.get('lede-quote') as unknown as Set<Range>) ?? [])][0];
    const top = quote ? quote.getBoundingClientRect().top + scrollY - innerHeight / 3 : 0;
    window.scrollTo(0, Math.max(0, top));
  });
  await article.page.screenshot(out('page-highlighted'));
  return [out('page-highlighted')];
}

async function optionsShots({ browser, out }: ShotContext): Promise<string[]> {
  const options = await browser.openExtensionPage('/options.html');
  // The size the browser's extension settings give the embedded page.
  await playwrightPage(options).setViewportSize({ width: 600, height: 640 });
  await options.waitFor('select');
  const written: string[] = [];
  for (const { scheme, suffix } of SCHEMES) {
    await options.colorScheme(scheme);
    await options.screenshot(out(`options${suffix}`), { fullPage: true });
    written.push(out(`options${suffix}`));
  }
  await options.close();
  return written;
}

/**
 * The side panel beside the article, light and dark: the hook for the panel's
 * branch (Chrome's side panel is not a page a headless browser shows beside a
 * tab; the branch opens `sidepanel.html` for the tab and pictures it next to the
 * article). Returns the files it wrote; none until then.
 */
export async function sidePanelShots(_ctx: ShotContext): Promise<string[]> {
  return [];
}

async function main(): Promise<void> {
  const started = Date.now();
  const dir = buildE2eExtension('chromium');
  mkdirSync(DOCS, { recursive: true });
  const server = await startServer({ [ARTICLE]: resolve(projectRoot, 'test/fixtures/sample/article.html') });
  const browser = await launchChromium({ extensionDir: dir, allowOrigin: server.origin });
  try {
    const article = await browser.openTab(server.url(ARTICLE));
    const ctx: ShotContext = { browser, server, article, out: (name) => resolve(DOCS, `${name}.png`) };
    // The popup paints the page when it opens, so the page's picture comes after the popup's.
    const written = [...(await popupShots(ctx)), ...(await pageShot(ctx)), ...(await optionsShots(ctx)), ...(await sidePanelShots(ctx))];
    const errors = browser.extensionErrors();
    if (errors.length) throw new Error(`the extension raised errors:\n${errors.join('\n')}`);
    console.log(`wrote ${written.length} pictures in ${((Date.now() - started) / 1000).toFixed(1)} s:\n${written.map((f) => `  ${f}`).join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

// Run as a script (`npm run screenshots`), not when the panel's branch imports the hook's types.
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

/**
 * Injected on demand by the popup with `scripting.executeScript({ files })`; no
 * page declares it. Answers the popup's requests over lib/messages.
 *
 * An unlisted script, not a WXT content script: WXT's ContentScriptContext
 * announces every injection to the page (a `window.postMessage` and a document
 * event named after the extension id), and nothing of Lede's may reach the page
 * but its highlights. wxt.config.ts keeps the file at content-scripts/content.js.
 *
 * Re-injection on a second click runs this file again in the same isolated
 * world: the guard keeps the first instance's listener, cache and highlights.
 */
import { browser } from 'wxt/browser';
import * as highlight from '@/lib/highlight';
import { anchorIntoOpenShadowRoots } from '@/lib/frames';
import { dispatch, isTrustedSender } from '@/lib/messages';
import { createFrameHighlighter } from './frame-highlighter';
import { createHandlers } from './handlers';
import { createPageHighlighter } from './page-highlighter';
import { ReadingSession } from './session';

const INSTANCE = Symbol.for('lede.content-script');

/** What the first injection leaves on the page's (isolated) global for later ones. */
interface Instance {
  /** False once the extension that injected it was reloaded or updated: its listener is dead. */
  alive(): boolean;
}

type Guarded = typeof globalThis & { [INSTANCE]?: Instance };

function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false;
  }
}

export default defineUnlistedScript({
  main() {
    const g = globalThis as Guarded;
    // A second click re-injects this file: keep the first instance's listener, cache and
    // highlights, unless that instance belongs to an extension that has since been reloaded.
    if (g[INSTANCE]?.alive()) return 'reused';
    g[INSTANCE] = { alive: extensionAlive };

    const now = () => performance.now();
    const session = new ReadingSession({
      document,
      url: () => location.href,
      selectionText: () => window.getSelection()?.toString() ?? '',
      visibleText: () => document.body?.innerText ?? '',
      now,
    });
    // Passages are found in open shadow roots too, and painted in the document the article came from (the page or a frame).
    const engine = { ...highlight, anchorPassages: anchorIntoOpenShadowRoots(highlight.anchorPassages) };
    const highlighter = createFrameHighlighter(
      (doc) => createPageHighlighter(doc, engine),
      () => session.current?.document ?? document,
    );
    const handlers = createHandlers({ session, highlighter, tooLargeToPaint: () => highlight.tooLargeToPaint(document), now });

    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (!isTrustedSender(sender, browser.runtime.id, browser.runtime.getURL('/'))) {
        console.warn('[Lede] dropped message from an untrusted sender', sender.id);
        return undefined;
      }
      return dispatch(handlers, message, (problem, raw) => console.warn(`[Lede] ${problem}`, raw));
    });
    return 'ready';
  },
});

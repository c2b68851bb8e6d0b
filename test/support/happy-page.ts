/**
 * A page in happy-dom for tests that need a live DOM with Ranges (linkedom has
 * no Range.setStart). Each call is its own window: no globals shared between
 * tests, and the code under test only sees the document it is given. Scripts,
 * style sheets and frames are never loaded or run.
 */
import { Window } from 'happy-dom';

export interface HappyPage {
  win: Window;
  doc: Document;
  close(): void;
}

/** A happy-dom window that never runs scripts nor loads scripts, style sheets or frames from a URL. */
export function happyWindow(url: string): Window {
  return new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
}

export function happyPage(html: string, url = 'https://example.com/news/story'): HappyPage {
  const win = happyWindow(url);
  win.document.write(html);
  return { win, doc: win.document as unknown as Document, close: () => void win.happyDOM.close() };
}

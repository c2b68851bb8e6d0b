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

export function happyPage(html: string, url = 'https://example.com/news/story'): HappyPage {
  const win = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      handleDisabledFileLoadingAsSuccess: true,
    },
  });
  win.document.write(html);
  return { win, doc: win.document as unknown as Document, close: () => void win.happyDOM.close() };
}

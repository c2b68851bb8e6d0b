/**
 * Highlights belong in the document the article was read from: the page
 * itself, or one of its same-origin frames (lib/frames.ts readArticle). This
 * keeps one page highlighter per document and sends every call to the one of
 * the current reading; switching documents clears the highlights left in the
 * previous one.
 */
import type { PageHighlighter } from './page-highlighter';

export function createFrameHighlighter(
  make: (doc: Document) => PageHighlighter,
  currentDocument: () => Document,
): PageHighlighter {
  const made = new WeakMap<Document, PageHighlighter>();
  let activeDoc: Document | null = null;
  let active: PageHighlighter | null = null;

  function target(): PageHighlighter {
    const doc = currentDocument();
    if (doc !== activeDoc || !active) {
      try {
        // Hidden first: clearing alone repaints (empty) when highlights are on; hiding removes them.
        active?.setVisible(false);
        active?.clear();
      } catch {
        // The previous frame is gone (navigated or removed): nothing left to clear.
      }
      let next = made.get(doc);
      if (!next) made.set(doc, (next = make(doc)));
      activeDoc = doc;
      active = next;
    }
    return active;
  }

  return {
    get visible() {
      return target().visible;
    },
    get supported() {
      return target().supported;
    },
    anchor: (analysis) => target().anchor(analysis),
    setVisible: (on) => target().setVisible(on),
    clear: () => target().clear(),
    focus: (kind, index) => target().focus(kind, index),
    showEntity: (entity) => target().showEntity(entity),
  };
}

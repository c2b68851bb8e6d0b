/**
 * Articles that are not in the page's own light DOM: inside a same-origin
 * <iframe> (sites that embed their story in a frame) or inside an open shadow
 * root (web-component sites). Readability reads one document's element tree, so
 * without this both give "no article".
 *
 *  - `readableDocuments` lists the top document and the documents of the
 *    same-origin frames it can reach (largest visible first); cross-origin
 *    frames cannot be read and are only counted.
 *  - `cloneWithOpenShadowRoots` copies a document with each open shadow root's
 *    content in place of its host's light children (the composed tree a reader
 *    sees), so extraction sees web-component text.
 *  - `readArticle` puts them together: the top document first, then the frames,
 *    and says which document the article came from, so highlights are painted
 *    there.
 *  - `anchorIntoOpenShadowRoots` extends anchoring into shadow trees, whose text
 *    a TreeWalker over the document never reaches.
 *
 * Pure: everything is reached through the Document passed in, never globals.
 */
import { extractArticle, type ExtractOptions } from './extract';
import { MAX_ELEMENTS } from './extract/budget';
import type { ExtractedArticle, NoArticle, Span } from './types';

const ELEMENT = 1;
const FRAGMENT = 11;

/* ------------------------------------------------------------------ frames */

export interface FrameSurvey {
  /** The top document, then same-origin frame documents, largest visible frame first. */
  documents: Document[];
  /** Visible frames big enough to hold an article whose document Lede cannot read (another origin, sandboxed). */
  unreadable: number;
}

/** Frames nested deeper than this are not searched (a frame in a frame in a frame). */
const MAX_FRAME_DEPTH = 3;
/** At most this many frame documents are tried: extraction is not free. */
const MAX_FRAMES = 8;
/** An article frame is at least about this big (px², ~450×450); ad and tracking frames are smaller. */
const ARTICLE_FRAME_AREA = 200_000;
/** HTML's default size of an <iframe> without width and height. */
const DEFAULT_FRAME = { width: 300, height: 150 };

function hasLayout(doc: Document): boolean {
  const rect = doc.documentElement?.getBoundingClientRect?.();
  return !!rect && (rect.width > 0 || rect.height > 0);
}

/** Visible area of a frame element in px²; 0 when hidden. Without layout (tests, Node), its width/height attributes. */
export function frameArea(frame: Element): number {
  if (frame.hasAttribute('hidden')) return 0;
  const doc = frame.ownerDocument;
  const style = doc.defaultView?.getComputedStyle?.(frame);
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return 0;
  if (hasLayout(doc)) {
    const r = frame.getBoundingClientRect();
    return Math.max(0, r.width) * Math.max(0, r.height);
  }
  const size = (name: 'width' | 'height') => {
    const v = parseFloat(frame.getAttribute(name) ?? '');
    return Number.isFinite(v) && v >= 0 ? v : DEFAULT_FRAME[name];
  };
  return size('width') * size('height');
}

/**
 * The frame's document when this document may read it; null for another origin
 * (browsers give null or throw); undefined where the DOM loads no frames at all
 * (linkedom in the CLI), which says nothing about the frame's origin.
 */
function frameDocument(frame: Element): Document | null | undefined {
  try {
    return (frame as HTMLIFrameElement).contentDocument;
  } catch {
    // SecurityError: a cross-origin frame.
    return null;
  }
}

/**
 * The documents an article may be in: `doc` itself, then the documents of its
 * same-origin <iframe>/<frame>s (and theirs, a few levels down), visible ones
 * only, largest first. Frames of another origin are counted in `unreadable`
 * when they are big enough to hold an article.
 */
export function surveyFrames(doc: Document): FrameSurvey {
  const found: Array<{ doc: Document; area: number; depth: number }> = [];
  const seen = new Set<Document>([doc]);
  let unreadable = 0;
  const queue: Array<{ doc: Document; depth: number }> = [{ doc, depth: 0 }];
  while (queue.length && found.length < MAX_FRAMES) {
    const { doc: parent, depth } = queue.shift()!;
    if (depth >= MAX_FRAME_DEPTH) continue;
    for (const frame of Array.from(parent.querySelectorAll('iframe, frame'))) {
      const area = frameArea(frame);
      if (area === 0) continue;
      const inner = frameDocument(frame);
      if (inner === undefined) continue;
      if (!inner) {
        if (area >= ARTICLE_FRAME_AREA) unreadable++;
        continue;
      }
      if (seen.has(inner) || !inner.documentElement) continue;
      seen.add(inner);
      found.push({ doc: inner, area, depth: depth + 1 });
      queue.push({ doc: inner, depth: depth + 1 });
    }
  }
  // Largest first; among equals, the shallower one.
  found.sort((a, b) => b.area - a.area || a.depth - b.depth);
  return { documents: [doc, ...found.slice(0, MAX_FRAMES).map((f) => f.doc)], unreadable };
}

/** The top document, then same-origin frame documents, largest visible first. */
export function readableDocuments(doc: Document): Document[] {
  return surveyFrames(doc).documents;
}

/* ----------------------------------------------------------- shadow roots */

/** The element's open shadow root, if any (closed ones read as null, as they should). */
function openShadowRoot(node: Node): ShadowRoot | null {
  return node.nodeType === ELEMENT ? ((node as Element).shadowRoot ?? null) : null;
}

/** Every open shadow root in `root` and in the shadow trees inside it: those of `root` in document order, then nested ones. */
export function openShadowRoots(root: Document | ShadowRoot): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const doc = root.nodeType === FRAGMENT ? (root as ShadowRoot).ownerDocument : (root as Document);
  const pending: Node[] = [root];
  // No further than extraction reads (lib/extract/budget.ts), so a page of a million elements costs no more.
  let seen = 0;
  while (pending.length) {
    const tree = pending.shift()!;
    // SHOW_ELEMENT; iterative, so a page nested thousands deep is fine.
    const walker = doc.createTreeWalker(tree, 1);
    for (let n = walker.nextNode(); n && ++seen <= MAX_ELEMENTS; n = walker.nextNode()) {
      const shadow = openShadowRoot(n);
      if (shadow) {
        out.push(shadow);
        pending.push(shadow);
      }
    }
  }
  return out;
}

export function hasOpenShadowRoots(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc, 1);
  let seen = 0;
  for (let n = walker.nextNode(); n && ++seen <= MAX_ELEMENTS; n = walker.nextNode()) if (openShadowRoot(n)) return true;
  return false;
}

/** A <slot> in a shadow tree: the host's light children assigned to it, else its own fallback content. */
function slotContent(slot: Element): Node[] {
  const assigned = (slot as HTMLSlotElement).assignedNodes?.();
  if (assigned) return assigned.length ? assigned : Array.from(slot.childNodes);
  // No slotting API (a DOM without shadow support): assign by the slot attribute, as browsers do by default.
  const root = slot.getRootNode?.() as ShadowRoot | undefined;
  const host = root && root.nodeType === FRAGMENT ? root.host : null;
  if (!host) return Array.from(slot.childNodes);
  const name = slot.getAttribute('name') ?? '';
  const matching = Array.from(host.childNodes).filter((c) =>
    c.nodeType === ELEMENT ? ((c as Element).getAttribute('slot') ?? '') === name : name === '' && c.nodeType === 3,
  );
  return matching.length ? matching : Array.from(slot.childNodes);
}

function isSlotInShadowTree(node: Node): boolean {
  return node.nodeType === ELEMENT && (node as Element).localName === 'slot' && node.getRootNode?.().nodeType === FRAGMENT;
}

/**
 * The nodes whose copy differs from a plain deep clone: shadow hosts, slots in
 * shadow trees, and every ancestor of one (across shadow boundaries). All other
 * subtrees are copied natively in one call.
 */
function compositionPath(doc: Document, roots: ShadowRoot[]): Set<Node> {
  const special = new Set<Node>();
  const mark = (start: Node) => {
    for (let n: Node | null = start; n && !special.has(n); ) {
      special.add(n);
      n = n.nodeType === FRAGMENT && (n as ShadowRoot).host ? (n as ShadowRoot).host : n.parentNode;
    }
  };
  for (const shadow of roots) {
    mark(shadow.host);
    const walker = doc.createTreeWalker(shadow, 1);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (isSlotInShadowTree(n)) mark(n);
  }
  return special;
}

/**
 * A copy of `doc` in which every open shadow root's content (its <style>s and
 * scripts too; extraction skips those) stands in place of its host's light
 * children, with slots replaced by the light nodes assigned to them: the text a
 * reader sees, as one element tree Readability can read. The original document
 * is not changed. Closed shadow roots cannot be read and stay as they are.
 */
export function cloneWithOpenShadowRoots(doc: Document): Document {
  const roots = openShadowRoots(doc);
  if (!roots.length) return doc.cloneNode(true) as Document;
  const special = compositionPath(doc, roots);
  const out = doc.cloneNode(false) as Document;
  // Explicit stack of (original, copy's parent): no recursion, whatever the depth.
  const stack: Array<{ node: Node; parent: Node }> = [];
  const pushChildren = (children: ArrayLike<Node>, parent: Node) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], parent });
  };
  pushChildren(doc.childNodes, out);
  while (stack.length) {
    const { node, parent } = stack.pop()!;
    if (!special.has(node)) {
      parent.appendChild(out.importNode(node, true));
      continue;
    }
    if (isSlotInShadowTree(node)) {
      // The slot element itself is no content: its assigned nodes take its place.
      pushChildren(slotContent(node as Element), parent);
      continue;
    }
    const copy = out.importNode(node, false);
    parent.appendChild(copy);
    const shadow = openShadowRoot(node);
    pushChildren(shadow ? shadow.childNodes : node.childNodes, copy);
  }
  return out;
}

/** What extraction should read: `doc` itself, or its composed copy when it has open shadow roots. */
export function documentForExtraction(doc: Document): Document {
  return hasOpenShadowRoots(doc) ? cloneWithOpenShadowRoots(doc) : doc;
}

/* ---------------------------------------------------------------- reading */

export const CROSS_ORIGIN_FRAME_MESSAGE =
  'Lede found no article in this page itself. The article may be in a frame from another site, which Lede cannot read: open the framed page on its own to read it.';

export interface PageArticle {
  article: ExtractedArticle | NoArticle;
  /** The document the article was read from: the page itself or one of its frames. Highlights belong there. */
  document: Document;
}

export interface ReadArticleOptions extends ExtractOptions {
  /** The extraction to use (default lib/extract's extractArticle). */
  extract?: (doc: Document, opts: ExtractOptions) => ExtractedArticle | NoArticle;
}

function isArticle(a: ExtractedArticle | NoArticle): a is ExtractedArticle {
  return !('ok' in a && a.ok === false);
}

/**
 * The page's article: from the page itself (its open shadow roots included);
 * when it has none, from the largest same-origin frame that has one. When no
 * document has an article, the page's own NoArticle, saying so when a frame of
 * another origin could hold it.
 */
export function readArticle(doc: Document, opts: ReadArticleOptions = {}): PageArticle {
  const extract = opts.extract ?? extractArticle;
  const top = extract(documentForExtraction(doc), { url: opts.url });
  if (isArticle(top)) return { article: top, document: doc };
  const { documents, unreadable } = surveyFrames(doc);
  for (const frameDoc of documents.slice(1)) {
    // The frame's own address names its site; about:srcdoc and about:blank do not.
    const url = /^https?:/.test(frameDoc.URL ?? '') ? frameDoc.URL : opts.url;
    let article: ExtractedArticle | NoArticle;
    try {
      article = extract(documentForExtraction(frameDoc), { url });
    } catch {
      continue; // a frame torn down while it was read
    }
    if (isArticle(article)) return { article, document: frameDoc };
  }
  if (unreadable > 0) return { article: { ...top, message: CROSS_ORIGIN_FRAME_MESSAGE }, document: doc };
  return { article: top, document: doc };
}

/* -------------------------------------------------------------- anchoring */

type AnchorFn = (root: Node, text: string, passages: readonly Span[]) => Array<{ range: Range | null }>;

/**
 * Wraps an anchoring function (lib/highlight's anchorPassages) so that passages
 * not found in `root`'s tree are looked for in each open shadow root under it,
 * one tree at a time (a Range cannot span a shadow boundary anyway). No extra
 * cost when everything is found, or when the page has no shadow roots.
 */
export function anchorIntoOpenShadowRoots<R extends { range: Range | null }>(
  anchor: (root: Node, text: string, passages: readonly Span[]) => R[],
): AnchorFn {
  return (root, text, passages) => {
    const results: Array<{ range: Range | null }> = anchor(root, text, passages);
    let missing = results.map((r, i) => (r.range ? -1 : i)).filter((i) => i >= 0);
    if (!missing.length) return results;
    // The page's (or the given shadow tree's) every open shadow root: hosts sit anywhere, nested ones inside shadow trees.
    const tree = root.nodeType === FRAGMENT ? (root as ShadowRoot) : (root.ownerDocument ?? (root as Document));
    const shadows = openShadowRoots(tree);
    for (const shadow of shadows) {
      if (!missing.length) break;
      const found = anchor(shadow, text, missing.map((i) => passages[i]));
      found.forEach((r, k) => {
        if (r.range) results[missing[k]] = r;
      });
      missing = missing.filter((i) => !results[i].range);
    }
    return results;
  };
}

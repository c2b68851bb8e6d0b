/**
 * INTERIM stand-in for lib/highlight (being written by another engineer with
 * the agreed API: anchorPassages / paintHighlights / clearHighlights). Exact
 * whitespace-insensitive matching only; replaced by `export * from '@/lib/highlight'`
 * as soon as that module lands.
 */
import type { HighlightColours } from '@/lib/settings';
import type { Span } from '@/lib/types';

export const HIGHLIGHT_NAMES = {
  keySentence: 'lede-key-sentence',
  quote: 'lede-quote',
  entity: 'lede-entity',
  flash: 'lede-flash',
} as const;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
const INVISIBLE = /[\u00ad\u200b-\u200d\ufeff]/;

interface Flat {
  text: string;
  nodes: Text[];
  offsets: number[];
}

function flatten(root: Node): Flat {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* SHOW_TEXT */);
  const flat: Flat = { text: '', nodes: [], offsets: [] };
  let lastSpace = true;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.parentElement && SKIP.has(t.parentElement.tagName)) continue;
    const data = t.data;
    for (let i = 0; i < data.length; i++) {
      const c = data[i];
      if (INVISIBLE.test(c)) continue;
      const space = /\s/.test(c);
      if (space && lastSpace) continue;
      flat.text += space ? ' ' : c;
      flat.nodes.push(t);
      flat.offsets.push(i);
      lastSpace = space;
    }
  }
  return flat;
}

function normalize(s: string): string {
  return s.replace(/[\u00ad\u200b-\u200d\ufeff]/g, '').replace(/\s+/g, ' ').trim();
}

export function anchorPassages(root: Node, text: string, passages: Span[]): Array<{ range: Range | null }> {
  const flat = flatten(root);
  const doc = root.ownerDocument ?? (root as Document);
  let from = 0;
  return passages.map((p) => {
    const needle = normalize(text.slice(p.start, p.end));
    if (!needle) return { range: null };
    let at = flat.text.indexOf(needle, from);
    if (at < 0) at = flat.text.indexOf(needle);
    if (at < 0) return { range: null };
    from = at + needle.length;
    const last = at + needle.length - 1;
    const range = doc.createRange();
    range.setStart(flat.nodes[at], flat.offsets[at]);
    range.setEnd(flat.nodes[last], flat.offsets[last] + 1);
    return { range };
  });
}

const STYLE_ID = 'lede-highlight-style';

function ensureStyle(doc: Document, colours: HighlightColours): void {
  let style = doc.getElementById(STYLE_ID) as HTMLStyleElement | null;
  if (!style) {
    style = doc.createElement('style');
    style.id = STYLE_ID;
    (doc.head ?? doc.documentElement).append(style);
  }
  // Colours are validated #rrggbb values (lib/settings), never page text.
  style.textContent = [
    `::highlight(${HIGHLIGHT_NAMES.keySentence}) { background-color: ${colours.keySentence}; color: inherit; }`,
    `::highlight(${HIGHLIGHT_NAMES.quote}) { background-color: ${colours.quote}; color: inherit; }`,
    `::highlight(${HIGHLIGHT_NAMES.entity}) { background-color: ${colours.entity}; color: inherit; }`,
    `::highlight(${HIGHLIGHT_NAMES.flash}) { background-color: #ff9800; color: #000; }`,
  ].join('\n');
}

function registry(doc: Document): HighlightRegistry | null {
  const css = (doc.defaultView as (Window & typeof globalThis) | null)?.CSS;
  return css && 'highlights' in css ? css.highlights : null;
}

export function paintHighlights(
  doc: Document,
  ranges: { keySentence: Range[]; quote: Range[]; entity: Range[] },
  colours: HighlightColours,
): void {
  const reg = registry(doc);
  if (!reg) return;
  ensureStyle(doc, colours);
  reg.set(HIGHLIGHT_NAMES.keySentence, new Highlight(...ranges.keySentence));
  reg.set(HIGHLIGHT_NAMES.quote, new Highlight(...ranges.quote));
  reg.set(HIGHLIGHT_NAMES.entity, new Highlight(...ranges.entity));
}

export function clearHighlights(doc: Document): void {
  const reg = registry(doc);
  if (!reg) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) reg.delete(name);
}

export function flashRange(doc: Document, range: Range, colours: HighlightColours): void {
  const reg = registry(doc);
  if (!reg) return;
  ensureStyle(doc, colours);
  const flash = new Highlight(range);
  flash.priority = 10;
  reg.set(HIGHLIGHT_NAMES.flash, flash);
  setTimeout(() => {
    if (reg.get(HIGHLIGHT_NAMES.flash) === flash) reg.delete(HIGHLIGHT_NAMES.flash);
  }, 1200);
}

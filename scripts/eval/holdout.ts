/**
 * The split every evaluation uses to keep what we tune on apart from what we
 * report: an item is held out when the FNV-1a hash of its id falls in the upper
 * half. The id is the corpus's own (a story's hash, a file's path), so the split
 * never changes with the order or the number of items read.
 */
export type Part = 'tune' | 'held-out';

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function partOf(id: string): Part {
  return fnv1a(id) % 2 === 1 ? 'held-out' : 'tune';
}

/** A document of a labelled entity set (IOB2 JSONL, scripts/lib/entities-data.ts). */
export interface LabelledDoc {
  doc?: string | number;
  id?: string;
  url?: string;
}

/** News of 2020–2022 (English Worldwide Newswire, train and dev files only), relative to the project: npm run eval:entities reports its held-out half. */
export const NEWS_2020_FILE = 'build/corpora/news-ner/worldwide-2020plus.iob2.jsonl';

/**
 * The id a labelled entity document is split by, the same in the trainer and in
 * npm run eval:entities so that no held-out document is ever trained on: its own
 * "id" (WikiNEuRal, WikiANN: "wikineural-en-val:0"), else its "doc" when that is a
 * name (English Worldwide Newswire: "af_allaf_13"), else "<file>:<doc>" for a bare index.
 */
export function entityDocId(d: LabelledDoc, file: string): string {
  if (d.id !== undefined) return d.id;
  if (typeof d.doc === 'string') return d.doc;
  return `${file.replace(/^.*[\\/]/, '')}:${d.doc}`;
}

/**
 * Trained documents that are held-out documents of an evaluation set (the same
 * id, or the same URL): the trainer refuses to run when there is any.
 */
export function heldOutClashes(trained: LabelledDoc[], trainedFile: string, evalDocs: LabelledDoc[], evalFile: string): string[] {
  const held = evalDocs.filter((d) => partOf(entityDocId(d, evalFile)) === 'held-out');
  const ids = new Set(held.map((d) => entityDocId(d, evalFile)));
  const urls = new Set(held.map((d) => d.url).filter(Boolean));
  return trained.filter((d) => ids.has(entityDocId(d, trainedFile)) || (d.url && urls.has(d.url))).map((d) => entityDocId(d, trainedFile));
}

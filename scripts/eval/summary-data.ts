/**
 * The BBC News Summary development pairs (../shared/corpora/bbc-summary-dev) and
 * their reference sentences.
 *
 * An article file is "title line, blank line, paragraphs"; its summary is a
 * selection of the article's own sentences glued together with no space after
 * the full stop, not in article order. The reference sentences are recovered by
 * cutting the summary where a sentence end is glued to the next sentence
 * (`(?<=[.!?"])(?=[A-Z"])`, as PROVENANCE says) and then locating the pieces in
 * the article: adjacent pieces are re-joined while the longer string still
 * occurs verbatim (so a cut inside `."The` or "U.S.A" is undone). Each located
 * piece is mapped to the article sentences, as Lede's splitter cuts them, that
 * it covers by at least half their length: these are the reference sentence
 * indices, and their number is the summary length k every system is given.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../lib/types';

export interface Pair {
  id: string;
  article: string;
  summary: string;
}

/** Decode as UTF-8 unless that fails (sport/199.txt is Latin-1). */
function readText(file: string): string {
  const buf = readFileSync(file);
  const utf8 = buf.toString('utf8');
  return utf8.includes('\uFFFD') ? buf.toString('latin1') : utf8;
}

export function loadPairs(dir: string): Pair[] {
  const pairs: Pair[] = [];
  const articles = join(dir, 'news-articles');
  if (!existsSync(articles)) return pairs;
  for (const cat of readdirSync(articles).sort()) {
    for (const f of readdirSync(join(articles, cat)).sort()) {
      const summaryFile = join(dir, 'summaries', cat, f);
      if (!existsSync(summaryFile)) continue;
      pairs.push({ id: `${cat}/${f}`, article: readText(join(articles, cat, f)), summary: readText(summaryFile).trim() });
    }
  }
  return pairs;
}

export interface Reference {
  /** The reference summary's sentences as text (in the summary's order). */
  pieces: string[];
  /** Indices of the article sentences the reference consists of, ascending. */
  sentences: number[];
  /** Pieces that could not be found verbatim in the article. */
  unlocated: number;
}

export function recoverReference(article: string, summary: string, sentences: Span[]): Reference {
  const cuts = summary.split(/(?<=[.!?"])(?=[A-Z"])/);
  const pieces: string[] = [];
  const located: Span[] = [];
  let unlocated = 0;
  for (let i = 0; i < cuts.length; ) {
    // The longest run of pieces from i that occurs verbatim in the article.
    let best = -1;
    let bestAt = -1;
    let joined = '';
    for (let j = i; j < Math.min(cuts.length, i + 6); j++) {
      joined += cuts[j];
      const at = article.indexOf(joined);
      if (at >= 0) {
        best = j;
        bestAt = at;
      }
    }
    if (best < 0) {
      pieces.push(cuts[i]);
      unlocated++;
      i++;
      continue;
    }
    const text = cuts.slice(i, best + 1).join('');
    pieces.push(text);
    located.push({ start: bestAt, end: bestAt + text.length });
    i = best + 1;
  }
  const picked = new Set<number>();
  sentences.forEach((s, idx) => {
    const len = s.end - s.start;
    for (const l of located) {
      const overlap = Math.min(s.end, l.end) - Math.max(s.start, l.start);
      if (overlap > 0 && overlap * 2 >= len) picked.add(idx);
    }
  });
  return { pieces, sentences: [...picked].sort((a, b) => a - b), unlocated };
}

/**
 * `npm run eval:quotes`: direct quotes and their speakers on PolNeAR's
 * development split (../shared/corpora/polnear-dev/polnear_dev.jsonl).
 *
 * Product path on each text: `splitSentences` → `findEntities` → `findQuotes`.
 *
 * Gold. A direct quote is an attribution whose content starts or ends with a
 * quotation mark. PolNeAR's content often holds more than the quoted words
 * ("that Trump’s statement was “true.”"), so the gold quote spans are the
 * quoted passages inside that content — what Lede reports as a quote: the
 * words between the marks, without the marks; a content left open at its end
 * (a multi-paragraph quote) runs to the end of that content span.
 *
 * Duplicate annotators. Two texts are annotated by six annotators each. Each
 * text is evaluated once: its gold quotes are the union of every annotator's
 * quoted passages (the same passage annotated by several counts once, with every
 * annotator's source kept as a correct answer); a predicted quote is not a
 * false positive when it lies in any annotator's attribution.
 *
 * Scores.
 *  - recall: gold quotes overlapped by a predicted quote over at least half the gold span;
 *  - precision: predicted quotes that either match a gold quote or lie (at least
 *    half of the prediction) inside any annotated attribution's content;
 *  - speaker accuracy, among found gold quotes whose source is annotated: the
 *    predicted speakerMention overlaps the annotated source, or the predicted
 *    speaker name shares a capitalised word with it. No speaker is wrong. (For a
 *    pronoun source the mention is the pronoun, so this checks that the right
 *    pronoun was taken and resolved, not which person it was resolved to.)
 *    Also split by how the source is written: name, pronoun, description.
 * A few annotations (one annotator; counted in the JSON) swap source and cue
 * ("said" as the source, the speaker's name as the cue): for those the cue's
 * text is the source.
 * Single curly marks count only at the content's edge (‘…’), so apostrophes never
 * make a gold quote.
 * Baseline, same texts: text between double quotation marks of three or more
 * words, speaker = the nearest capitalised name in the same sentence.
 *
 * Prints a table; writes build/eval/quotes.json. Options: `--show N` prints up to
 * N misses, false positives and wrong speakers (for development; corpus text is
 * printed, never written to a file); `--no-entities` attributes without
 * `findEntities`, to see what the entities add.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findEntities } from '../../lib/entities';
import { findQuotes } from '../../lib/quotes';
import { splitSentences } from '../../lib/sentences';
import type { Entity, Span } from '../../lib/types';
import { PROJECT_ROOT as ROOT, SHARED_DIR as SHARED } from '../../test/support/shared';

const CORPUS = join(SHARED, 'corpora/polnear-dev/polnear_dev.jsonl');
const OUT_DIR = join(ROOT, 'build/eval');

const args = process.argv.slice(2);
const showIdx = args.indexOf('--show');
const showN = showIdx >= 0 ? Number(args[showIdx + 1] ?? 20) : 0;
/** `--no-entities`: attribute with the names found at the cues alone (to see what the entities add). */
const useEntities = !args.includes('--no-entities');
let entityFailures = 0;
/** Annotations whose source and cue were swapped, read the right way round. */
let swapped = 0;

if (!existsSync(CORPUS)) {
  console.log(`quotes: ${CORPUS} is absent, so there is nothing to measure (skipped).`);
  process.exit(0);
}

interface Attribution {
  source: string[];
  source_spans: [number, number][][];
  cue: string[];
  content: string[];
  content_spans: [number, number][][];
  is_direct_quote_heuristic: boolean;
}
interface Record_ {
  doc: string;
  annotator: string;
  text: string;
  attributions: Attribution[];
}

interface GoldQuote extends Span {
  /** Annotated source spans and texts, from every annotator who marked this passage. */
  sources: { spans: Span[]; text: string }[];
}

interface Prediction extends Span {
  speaker: string | null;
  speakerMention: Span | null;
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '«': '»' };
const CLOSERS = new Set(['”', '"', '»']);
const QUOTE_MARK = /^["“”«»‘’]|["“”«»‘’]$/;

const flatSpans = (spans: [number, number][][]): Span[] => spans.flat().map(([start, end]) => ({ start, end }));

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The quoted passages inside one attribution's content spans: between an opening
 * and its closing double mark (or guillemets), carried across the content's
 * spans; a closing mark with nothing open before it closes a passage that began
 * at the content's start.
 */
function quotedPassages(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  let open: { close: string; from: number } | null = null;
  let any = false;
  for (const sp of spans) {
    if (open) open.from = sp.start;
    for (let i = sp.start; i < sp.end; i++) {
      const c = text[i];
      if (open) {
        if (c === open.close) {
          out.push({ start: open.from, end: i });
          open = null;
          any = true;
        }
      } else if (c in OPENERS) {
        open = { close: OPENERS[c], from: i + 1 };
      } else if (CLOSERS.has(c) && !any) {
        out.push({ start: sp.start, end: i });
        any = true;
      }
    }
    if (open) out.push({ start: open.from, end: sp.end });
  }
  // Single curly marks only at the content's edge, so apostrophes never count: from an
  // opening ‘ at the start to its closing ’, or from the last word-initial ‘ to a final ’.
  if (out.length === 0 && spans.length) {
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (text[first.start] === '‘') {
      let end = last.end;
      for (let i = first.start + 1; i < last.end; i++) {
        if (text[i] === '’' && !/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) {
          end = i;
          break;
        }
      }
      out.push({ start: first.start + 1, end });
    } else if (text[last.end - 1] === '’') {
      let start = first.start;
      for (let i = last.end - 2; i >= first.start; i--) {
        if (text[i] === '‘' && (i === first.start || /\s/.test(text[i - 1]))) {
          start = i + 1;
          break;
        }
      }
      out.push({ start, end: last.end - 1 });
    }
  }
  return out.map((s) => trimSpan(text, s)).filter((s) => s.end > s.start);
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const capitalisedWords = (s: string) => new Set(s.match(/\p{Lu}[\p{L}'’.-]*/gu)?.map((w) => w.replace(/[’']s$/, '')) ?? []);

/** The baseline: three or more words between double marks; the nearest capitalised name in the sentence. */
function baseline(text: string, sentences: Span[]): Prediction[] {
  const out: Prediction[] = [];
  for (const m of text.matchAll(/“([^”\n]*)”|"([^"\n]*)"/g)) {
    const inner = m[1] ?? m[2];
    if ((inner.match(/[\p{L}\p{N}]+/gu) ?? []).length < 3) continue;
    const span = trimSpan(text, { start: m.index! + 1, end: m.index! + m[0].length - 1 });
    const sentence = sentences.find((s) => s.start <= m.index! && m.index! < s.end) ?? { start: m.index!, end: m.index! + m[0].length };
    let best: Span | null = null;
    let bestDist = Infinity;
    const from = Math.min(sentence.start, m.index!);
    const to = Math.max(sentence.end, m.index! + m[0].length);
    for (const n of text.slice(from, to).matchAll(/\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*/gu)) {
      const s = { start: from + n.index!, end: from + n.index! + n[0].length };
      if (s.start >= m.index! && s.end <= m.index! + m[0].length) continue; // inside the quote
      const dist = s.end <= m.index! ? m.index! - s.end : s.start - (m.index! + m[0].length);
      if (dist < bestDist) {
        bestDist = dist;
        best = s;
      }
    }
    out.push({ ...span, speaker: best ? text.slice(best.start, best.end) : null, speakerMention: best });
  }
  return out;
}

type SourceKind = 'name' | 'pronoun' | 'description';

interface Tally {
  gold: number;
  found: number;
  predicted: number;
  truePredicted: number;
  speakerGold: number;
  speakerRight: number;
  /** Speaker accuracy by how the annotated source is written: a name, a pronoun, a description. */
  bySource: Record<SourceKind, { gold: number; right: number }>;
}

const newTally = (): Tally => ({
  gold: 0,
  found: 0,
  predicted: 0,
  truePredicted: 0,
  speakerGold: 0,
  speakerRight: 0,
  bySource: { name: { gold: 0, right: 0 }, pronoun: { gold: 0, right: 0 }, description: { gold: 0, right: 0 } },
});

/** How the (first) annotated source is written. */
function sourceKind(source: string): SourceKind {
  const s = source.trim();
  if (/^(he|she|they|it|i|we|you|who|which)$/i.test(s)) return 'pronoun';
  return /^\p{Lu}/u.test(s) && !/^(The|A|An|His|Her|Their|Its|Another|Several|Some|Only)\b/.test(s) ? 'name' : 'description';
}

const records: Record_[] = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const byDoc = new Map<string, Record_[]>();
for (const r of records) byDoc.set(r.doc, [...(byDoc.get(r.doc) ?? []), r]);

const tallies = { lede: newTally(), baseline: newTally() };
const shown = { miss: 0, fp: 0, speaker: 0 };
let chars = 0;
let ms = 0;

for (const [doc, recs] of [...byDoc].sort(([a], [b]) => a.localeCompare(b))) {
  const text = recs[0].text;
  const gold: GoldQuote[] = [];
  const contents: Span[] = [];
  for (const r of recs) {
    for (const a of r.attributions) {
      const spans = flatSpans(a.content_spans);
      contents.push(...spans);
      if (!a.content.some((c) => QUOTE_MARK.test(c.trim()))) continue;
      let source = { spans: flatSpans(a.source_spans), text: a.source.join(' ') };
      // A few annotations swap source and cue (source "said", cue "Hester"): read them the right way round.
      if (/^(said|says|say|told|tells|added|adds|wrote|writes|asked|asks)$/i.test(source.text.trim()) && a.cue.length) {
        source = { spans: [], text: a.cue.join(' ') };
        swapped++;
      }
      for (const q of quotedPassages(text, spans)) {
        const same = gold.find((g) => g.start === q.start && g.end === q.end);
        if (same) same.sources.push(source);
        else gold.push({ ...q, sources: [source] });
      }
    }
  }

  const t0 = performance.now();
  const sentences = splitSentences(text);
  let entities: Entity[] = [];
  if (useEntities) {
    try {
      entities = findEntities(text, sentences);
    } catch (err) {
      // Measured anyway, without entities; the count is printed with the table.
      entityFailures++;
      if (entityFailures === 1) console.warn(`findEntities threw on ${doc}: ${(err as Error).message}`);
    }
  }
  const lede: Prediction[] = findQuotes(text, sentences, entities);
  ms += performance.now() - t0;
  chars += text.length;

  for (const [name, preds] of [
    ['lede', lede],
    ['baseline', baseline(text, sentences)],
  ] as const) {
    const t = tallies[name];
    t.gold += gold.length;
    t.predicted += preds.length;
    for (const g of gold) {
      const matches = preds.filter((p) => overlap(p, g) * 2 >= g.end - g.start);
      if (matches.length === 0) {
        if (name === 'lede' && shown.miss < showN) {
          shown.miss++;
          console.log(`MISS ${doc}: «${text.slice(g.start, g.end).slice(0, 160)}» ctx: «${text.slice(Math.max(0, g.start - 60), g.start)}»`);
        }
        continue;
      }
      t.found++;
      const annotated = g.sources.filter((s) => s.spans.length > 0 || s.text);
      if (annotated.length === 0) continue;
      t.speakerGold++;
      const p = matches.sort((a, b) => overlap(b, g) - overlap(a, g))[0];
      const right = annotated.some(
        (s) =>
          (p.speakerMention && s.spans.some((sp) => overlap(sp, p.speakerMention!) > 0)) ||
          (p.speaker !== null && [...capitalisedWords(p.speaker)].some((w) => capitalisedWords(s.text).has(w))),
      );
      const kind = t.bySource[sourceKind(annotated[0].text)];
      kind.gold++;
      if (right) kind.right++;
      if (right) t.speakerRight++;
      else if (name === 'lede' && shown.speaker < showN) {
        shown.speaker++;
        const mention = p.speakerMention ? text.slice(p.speakerMention.start, p.speakerMention.end) : '-';
        console.log(`SPEAKER ${doc}: got ${p.speaker} [${mention}] want ${annotated.map((s) => s.text).join(' | ')} for «${text.slice(g.start, g.end).slice(0, 60)}» before «${text.slice(Math.max(0, g.start - 120), g.start)}» after «${text.slice(g.end, g.end + 60)}»`.replace(/\n/g, '⏎'));
      }
    }
    for (const p of preds) {
      const ok = gold.some((g) => overlap(p, g) * 2 >= g.end - g.start) || contents.some((c) => overlap(p, c) * 2 >= p.end - p.start);
      if (ok) t.truePredicted++;
      else if (name === 'lede' && shown.fp < showN) {
        shown.fp++;
        console.log(`FP ${doc}: «${text.slice(p.start, p.end).slice(0, 160)}» ctx: «${text.slice(Math.max(0, p.start - 60), p.start)}»`);
      }
    }
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const figures = (t: Tally) => ({
  recall: ratio(t.found, t.gold),
  precision: ratio(t.truePredicted, t.predicted),
  speakerAccuracy: ratio(t.speakerRight, t.speakerGold),
  ...t,
});
const result = {
  corpus: 'polnear-dev',
  texts: byDoc.size,
  annotationFiles: records.length,
  date: new Date().toISOString(),
  lede: figures(tallies.lede),
  baseline: figures(tallies.baseline),
  charsPerMs: ratio(chars, ms),
  entities: useEntities ? 'findEntities' : 'none (--no-entities)',
  entityFailures,
  swappedSourceAndCue: swapped,
  targets: { recall: 0.95, precision: 0.95, speakerAccuracy: 0.9 },
  headline: [] as { metric: string; lede: number; baselines: Record<string, number> }[],
};
for (const [metric, key] of [
  ['direct-quote recall', 'recall'],
  ['direct-quote precision', 'precision'],
  ['speaker accuracy', 'speakerAccuracy'],
] as const) {
  result.headline.push({ metric, lede: result.lede[key], baselines: { 'quote marks + nearest name': result.baseline[key] } });
}

const f = (x: number) => x.toFixed(3);
console.log(`PolNeAR dev: ${byDoc.size} texts (${records.length} annotation files), ${tallies.lede.gold} gold quoted passages`);
console.log('| system | recall | precision | speaker acc. | found/gold | true/predicted | speaker right/annotated |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, r] of [
  ['Lede', result.lede],
  ['baseline', result.baseline],
] as const)
  console.log(
    `| ${name} | ${f(r.recall)} | ${f(r.precision)} | ${f(r.speakerAccuracy)} | ${r.found}/${r.gold} | ${r.truePredicted}/${r.predicted} | ${r.speakerRight}/${r.speakerGold} |`,
  );
if (entityFailures) console.log(`note: findEntities threw on ${entityFailures} texts; those were attributed without entities`);
const byKind = (t: Tally) =>
  (Object.entries(t.bySource) as [SourceKind, { gold: number; right: number }][])
    .map(([k, v]) => `${k} ${f(ratio(v.right, v.gold))} (${v.right}/${v.gold})`)
    .join(', ');
console.log(`speaker accuracy by annotated source — Lede: ${byKind(tallies.lede)}; baseline: ${byKind(tallies.baseline)}`);
console.log(`targets: recall ≥ 0.95, precision ≥ 0.95, speaker accuracy ≥ 0.90; product path ${Math.round(result.charsPerMs * 1000)} chars/s`);
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(join(OUT_DIR, 'quotes.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`wrote ${join(OUT_DIR, 'quotes.json')}`);

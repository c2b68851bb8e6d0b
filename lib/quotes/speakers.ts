/**
 * Who said each quote: the attribution next to it ("…," stated Leavitt /
 * Leavitt said: "…" / according to X), shared across the pieces of one quote
 * (split by an attribution, or running over several paragraphs), and pronouns
 * resolved to the most recent fitting person or organization. Names are mapped
 * to the canonical name of the matching entity when the entities know them.
 */
import type { Entity, EntityType, Span } from '../types';
import * as cues from './cues';
import { isSpace } from '../extract/spaces';
import * as chars from '../text/char-classes';
import { genderOfName, genderOfPronoun } from './gender';
import type { QuotePiece } from './marks';
import { afterPreposition, endsSentence, nameAfter, nameBefore, sentenceSubject, wordsIn, type Found, type Word } from './names';
import type { Lines } from './lines';
import { peopleNamed } from './people';

// Read on every word: taken out of the module once (a bundler or tsx may otherwise
// read an imported name through a getter on each use).
const { AFTER_QUOTE_CUES, BASE_FORMS, BETWEEN_SUBJECT_AND_VERB, INVERTABLE, NAMING_VERBS, SPEECH_CUES } = cues;
const { classesOf, codePointBefore } = chars;
const LETTER_OR_NUMBER = chars.LETTER | chars.NUMBER;

export interface Attributed {
  found: Found | null;
  speaker: string | null;
  speakerMention: Span | null;
}

const isCue = (w: string) => SPEECH_CUES.has(w) || NAMING_VERBS.has(w);

/**
 * How many words a subject after a quote may run to before its verb: a name and
 * an appositive or two ("Malkia Cyril, the executive director at the Center of
 * Media Justice and whose also featured in the film, told").
 */
const MAX_SUBJECT_WORDS = 22;

/** Words before which a speech verb's form is a noun ("the states", "his claims"). */
const DETERMINER_BEFORE_NOUN = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'these', 'those']);

/**
 * The attribution right after a quote's closing mark: `," said Mayor Jane Doe`,
 * `," stated Leavitt`, `," she said`, `," Jane Doe, the mayor, said`, `," according to X`.
 */
function attributionAfter(text: string, lines: Lines, piece: QuotePiece, nextOpen: number): Found | null {
  if (piece.close === null) return null;
  const from = piece.close + 1;
  const to = Math.min(lines.end(from), nextOpen, from + 200);
  const lead = /^\s*[,\u2014\u2013-]?\s*/.exec(text.slice(from, to))![0];
  // The quote's last character before any closing marks: /[,?!\u2014\u2013\-…:]$/ after /[’”'"]+$/ is taken off.
  let last = piece.end;
  while (last > piece.start && `’”'"`.includes(text[last - 1])) last--;
  const endsOpen = (last > piece.start && `,?!\u2014\u2013-…:`.includes(text[last - 1])) || /[,\u2014\u2013-]/.test(lead);
  const words = wordsIn(text, from + lead.length, to);
  if (words.length === 0) return null;
  const first = words[0];
  // A signature line: “…” ― Pamela Padilla
  if (/^\s*[\u2015\u2014\u2013]\s*$/.test(text.slice(from, first.start))) {
    const found = nameAfter(text, first.start);
    if (found.kind === 'name' && /^[\s.]*$/.test(text.slice(found.span.end, Math.min(to, found.span.end + 3)))) return found;
    return null;
  }
  // After a quote that ended its sentence, a new capitalised sentence is not its attribution.
  if (!endsOpen && /^\p{Lu}/u.test(first.text) && !/^(He|She|They|It)$/.test(first.text)) return null;
  if (INVERTABLE.has(first.key)) return nameAfter(text, first.end);
  // French and Spanish compound tenses: «…», a déclaré X / ha dicho X.
  if ((first.key === 'a' || first.key === 'ha') && words[1] && INVERTABLE.has(words[1].key)) return nameAfter(text, words[1].end);
  if (first.key.toLowerCase() === 'according' && words[1]?.key === 'to') return nameAfter(text, words[1].end);
  // "…,” as a Homeland Security memo put it.
  const asPut = first.key === 'as' ? words.findIndex((w, k) => k > 1 && k < 9 && w.key === 'put' && words[k + 1]?.key === 'it') : -1;
  if (asPut > 0) return nameBefore(text, words[asPut].start, first.end);
  // Subject first: the speech verb within the first few words, possibly after an appositive.
  if (/^(but|and|while|as|because|though|although|so|then|until|before|after|when|which|that|or)$/i.test(first.key)) return null;
  for (let k = 1; k < Math.min(words.length, MAX_SUBJECT_WORDS + 1); k++) {
    const between = text.slice(words[0].start, words[k].start);
    if (/[;:!?"“”]/.test(between.replace(/\([^()]*\)/g, '')) || (endsSentence(words[k - 1].text) && /^\s/.test(text[words[k - 1].end] ?? ' '))) break;
    // A noun that looks like a speech verb: "one of the states suing the EPA, said".
    if (DETERMINER_BEFORE_NOUN.has(words[k - 1].key.toLowerCase())) continue;
    // "…,” the letter reads": after a quote left open only ("by having the pledge read" is no attribution).
    if (SPEECH_CUES.has(words[k].key) || (AFTER_QUOTE_CUES.has(words[k].key) && endsOpen)) {
      // A long subject needs an appositive ("Scott Pruitt, the attorney general of Oklahoma, said") or capitals;
      // a longer one still, a name and a comma right after the quote.
      if (k > 8 && !/,/.test(between)) break;
      if (k > 15 && !/^\p{Lu}[^,]{0,40},/u.test(between)) break;
      return nameBefore(text, words[k].start, from);
    }
  }
  return null;
}

/**
 * The attribution before a quote in its sentence: `Leavitt said: "…"`,
 * `She described it as a "…"`, `According to X, "…"`. The nearest speech verb wins.
 */
// How far before a quote its attribution is looked for, in characters.
const BEFORE_WINDOW = 400;

function attributionBefore(text: string, piece: QuotePiece, floor: number, sentenceStart: number, depth = 0): Found | null {
  floor = Math.max(floor, piece.open - BEFORE_WINDOW);
  const words = wordsIn(text, floor, piece.open);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k].key;
    if (w.toLowerCase() === 'according' && words[k + 1]?.key === 'to') return nameAfter(text, words[k + 1].end);
    // "Said Ellis: “…”" — a speech verb opening the sentence, its subject after it.
    if (/^\p{Lu}/u.test(w) && INVERTABLE.has(w.toLowerCase()) && words[k].start <= sentenceStart + 1) {
      const after = nameAfter(text, words[k].end);
      if (after.kind !== 'nominal') return after;
    }
    // "Trump went on about “…”": the phrasal verb speaks.
    if ((w === 'on' || w === 'about') && k > 0 && /^(went|goes|go|going)$/.test(words[k - 1].key)) {
      const found = nameBefore(text, words[k - 1].start, floor);
      if (found.kind === 'name' || found.kind === 'pronoun') return found;
    }
    if (SPEECH_CUES.has(w) || NAMING_VERBS.has(w)) {
      // A verb, not the noun it looks like: "a controversial comment", "for speaking out".
      if (!verbUse(text, words, k)) continue;
      // "… and called it “…”", "…, arguing that “…”": the subject is the earlier clause's —
      // the previous quote's speaker, or else the sentence's subject.
      let j = k - 1;
      while (j >= 0 && BETWEEN_SUBJECT_AND_VERB.has(words[j].key)) j--;
      const coordinated = j >= 0 && /^(and|but|then|or)$/.test(words[j].key);
      const participle = /ing$/.test(w) && k > 0 && /,\s*$/.test(text.slice(words[k - 1].end, words[k].start));
      const infinitive = j >= 0 && words[j].key === 'to';
      // "footage of Hillary Clinton asking, “…”": the name right before the participle.
      if (/ing$/.test(w) && k > 0 && /^\p{Lu}/u.test(words[k - 1].text) && /^\s+$/.test(text.slice(words[k - 1].end, words[k].start))) {
        const named = nameBefore(text, words[k].start, floor);
        if (named.kind === 'name') return named;
      }
      if (coordinated || participle || infinitive) {
        // "… but Jobs refused, saying “…”", "She laughed and said “…”": the clause right before.
        const clause = !infinitive ? subjectOfVerbBefore(text, words, coordinated ? j - 1 : k - 1, floor) : null;
        if (clause) return clause;
        if (floor > sentenceStart) return null;
        const subject = sentenceSubject(text, floor, words[k].start, participle);
        return subject.kind === 'nominal' && !subject.span ? null : subject;
      }
      const relative = relativeSubject(text, words, k, floor);
      if (relative) return relative;
      const found = nameBefore(text, words[k].start, floor);
      // Only a subject speaks: not "in a box labeled “…”", not "to Tulsa, called “…”"; but
      // "Protesters marching through the streets chanted “…”": the sentence's subject, no comma before the verb.
      if ((found.kind === 'name' || found.span) && afterPreposition(text, found.span!.start, floor)) {
        return SPEECH_CUES.has(w) && floor === sentenceStart ? subjectThrough(text, floor, words[k].start) : { kind: 'nominal' };
      }
      // "She said she recalls …", "It’s denouncing what it calls “…”": the same pronoun
      // as the subject of an earlier speech verb is that verb's subject again; keep the outer one.
      if (found.kind === 'pronoun') {
        const lead = wordsIn(text, Math.max(floor, found.span.start - 20), found.span.start).pop();
        if (depth === 0 && lead && (SPEECH_CUES.has(lead.key) || lead.key === 'what')) {
          const outer = attributionBefore(text, { ...piece, open: lead.end }, floor, sentenceStart, 1);
          // "Clinton says she appreciated …", "Powell noted what he described as …": the pronoun
          // right after the verb, or in "what" after it, is its subject.
          if (outer?.kind === 'name') {
            const g = genderOfName(outer.name);
            const want = genderOfPronoun(found.pronoun);
            if (!g || !want || g === want) return outer;
          }
          if (outer?.kind === 'pronoun' && outer.pronoun.toLowerCase() === found.pronoun.toLowerCase()) return outer;
        }
      }
      if (found.kind !== 'nominal') return found;
      // A description inside what a named person said ("Ryan said the protests demand “…”"):
      // the named speaker of an earlier verb in the sentence wins; else the description.
      // So too further into the reported clause, while no comma or colon opens another
      // ("Ryan said the recent spate of shootings and protests demands “…”").
      if (found.span) {
        const lead = wordsIn(text, Math.max(floor, found.span.start - 20), found.span.start).pop();
        if (depth > 0 || !lead) return found;
        const outer = attributionBefore(text, { ...piece, open: words[k].start }, floor, sentenceStart, 1);
        if (!outer || outer.kind === 'nominal') return found;
        if (SPEECH_CUES.has(lead.key) || lead.key === 'that') return outer;
        return /[,;:]/.test(text.slice(outer.span.end, found.span.start).replace(/\([^()]*\)/g, '')) ? found : outer;
      }
      // "said Mayor Jane Doe: “…”" — the subject after the verb.
      if (INVERTABLE.has(w)) {
        const after = nameAfter(text, words[k].end);
        // Only punctuation, or an appositive, between the name and the quote: `said Jane Doe, the mayor: “`.
        const gap = after.kind === 'nominal' ? null : text.slice(after.span.end, piece.open);
        if (gap !== null && (/^\s*[,:]?\s*$/.test(gap) || /^\s*,[^"“”.;]{1,80}[,:]\s*$/.test(gap))) return after;
      }
      // No subject here ("anybody who complains", "a flurry of tweets"): look further back.
    }
  }
  return null;
}

/**
 * The name or pronoun right before words[v] when that is a verb in the past
 * ("Jobs refused", "She laughed"), and no object of a preposition.
 */
function subjectOfVerbBefore(text: string, words: Word[], v: number, floor: number): Found | null {
  if (v < 1 || !/^\p{Ll}+ed$/u.test(words[v].key)) return null;
  const found = nameBefore(text, words[v].start, floor);
  if (found.kind === 'nominal' || afterPreposition(text, found.span.start, floor)) return null;
  // Right before the verb, not a possessive ("Dr. Phil's hand") nor a word further back.
  return text.slice(found.span.end, words[v].start).trim() === '' ? found : null;
}

/**
 * "McConnell, who in 2010 said “…”": the relative pronoun speaks for the name (or
 * description) right before its comma. The mention is the pronoun itself.
 */
function relativeSubject(text: string, words: Word[], k: number, floor: number): Found | null {
  for (let j = k - 1; j >= 0 && j >= k - 6; j--) {
    if (words[j].key !== 'who') continue;
    if (/[,;:.!?"“”()]/.test(text.slice(words[j].end, words[k].start))) return null;
    let comma = words[j].start - 1;
    while (comma > floor && /\s/.test(text[comma])) comma--;
    if (text[comma] !== ',') return null;
    // The words right before the comma: not across an appositive, nor after a preposition
    // ("to look like Hitler, who demanded" may be anyone's clause).
    const antecedent = nameBefore(text, comma, floor);
    if (antecedent.kind === 'pronoun' || !antecedent.span) return null;
    const the = /\bthe\s+$/i.exec(text.slice(Math.max(floor, antecedent.span.start - 4), antecedent.span.start));
    if (afterPreposition(text, antecedent.span.start - (the ? the[0].length : 0), floor)) return null;
    const span = { start: words[j].start, end: words[j].end };
    if (antecedent.kind === 'name') return { kind: 'name', span, name: antecedent.name };
    if (antecedent.kind === 'nominal' && antecedent.phrase) return { kind: 'nominal', span, phrase: antecedent.phrase };
    return null;
  }
  return null;
}

/**
 * The sentence's subject for a verb at `verb`, when no comma stands between them and
 * a name is followed by what may modify a subject: the verb, a participle or a
 * preposition ("Protesters marching through …", "Capt. Jo Lind from the …"), not
 * another noun ("Social services bosses").
 */
function subjectThrough(text: string, floor: number, verb: number): Found {
  const subject = sentenceSubject(text, floor, verb, true);
  if (subject.kind === 'nominal' && !subject.span) return subject;
  if (/[,;:]/.test(text.slice(subject.span!.end, verb))) return { kind: 'nominal' };
  const next = wordsIn(text, subject.span!.end, verb)[0];
  const modifier = !next || /^\p{Ll}+(?:ing|ed)$/u.test(next.key) || BETWEEN_SUBJECT_AND_VERB.has(next.key) || /^(of|from|in|at|for|with|on|who)$/.test(next.key);
  return subject.kind === 'name' && !modifier ? { kind: 'nominal' } : subject;
}

/**
 * “…, Schiff said. “…”” — a quote opening its sentence right after a sentence that
 * ends in a short attribution clause ("…, Schiff said.") continues that speaker.
 */
function attributionEndingPreviousSentence(text: string, lines: Lines, piece: QuotePiece): Found | null {
  const ls = lines.start(piece.open);
  // Back from the quote: spaces, the full stop, then the clause up to a comma or closing mark.
  let stop = piece.open - 1;
  while (stop > ls && /\s/.test(text[stop])) stop--;
  if (stop <= ls || text[stop] !== '.') return null;
  let i = stop - 1;
  while (i > ls && stop - i <= 62 && !/[,.;:!?”"“]/.test(text[i])) i--;
  if (i <= ls - 1 || !/[,”"]/.test(text[i]) || stop - i - 1 < 2) return null;
  const clauseStart = i + 1;
  const words = wordsIn(text, clauseStart, stop);
  if (words.length < 2 || words.length > 7) return null;
  const last = words[words.length - 1];
  if (SPEECH_CUES.has(last.key) && !BASE_FORMS.has(last.key)) {
    const found = nameBefore(text, last.start, clauseStart);
    return found.kind === 'nominal' && !found.span ? null : found;
  }
  if (INVERTABLE.has(words[0].key)) {
    const found = nameAfter(text, words[0].end);
    return found.kind === 'nominal' && !found.span ? null : found;
  }
  return null;
}

/** A headline in the form "Pat Caddell: … ‘in Their Heads’": the name before the colon speaks. */
function headlineSpeaker(text: string, lines: Lines, pos: number): Found | null {
  const ls = lines.start(pos);
  const end = Math.min(pos, ls + 60);
  // No colon with a character after it: no such headline (most lines).
  const colon = text.indexOf(':', ls);
  if (colon < 0 || colon + 1 >= end) return null;
  const m = /^\s*(\p{Lu}[\p{L}.’'-]*(?:\s+\p{Lu}[\p{L}.’'-]*){0,3}):\s/u.exec(text.slice(ls, end));
  if (!m) return null;
  const start = ls + m[0].indexOf(m[1]);
  const named = nameAfter(text, start);
  return named.kind === 'name' && named.span.end === start + m[1].length ? named : null;
}

/**
 * Whether the speech word at k is used as a verb: a bare form ("comment", "report")
 * only after a pronoun, "to" or an auxiliary; an -ing form only after a comma or a
 * form of "be" ("is describing", "…, saying").
 */
function verbUse(text: string, words: Word[], k: number): boolean {
  const w = words[k].key;
  const prev = k > 0 ? words[k - 1].key.toLowerCase() : '';
  if (w.endsWith('ing')) {
    if (k === 0 || /,\s*$/.test(text.slice(words[k - 1].end, words[k].start))) return true;
    // "footage of Hillary Clinton asking"
    if (/^\p{Lu}/u.test(words[k - 1].text)) return true;
    return /^(is|was|are|were|been|be|am|keeps|kept|began|started|continued|while|when|after|before|by)$/.test(prev) || /[’'](s|re)$/.test(prev) || BETWEEN_SUBJECT_AND_VERB.has(prev);
  }
  if (BASE_FORMS.has(w)) return /^(i|we|you|they|to|will|would|could|can|should|might|must|may|did|do|does|not|also|often|never|always|still|people|officials|critics|experts|sources|supporters|democrats|republicans|and)$/.test(prev);
  return true;
}

/**
 * Where a speech or naming verb stands by the quote: right next to it ("…,” she
 * said / called it “…”) or elsewhere earlier in its sentence. What makes a one- or
 * two-word quote a quote rather than scare quotes, and a quoted title speech.
 */
export function cueNearby(text: string, lines: Lines, piece: QuotePiece, sentenceStart: number): 'adjacent' | 'sentence' | null {
  if (piece.close !== null) {
    const after = wordsIn(text, piece.close + 1, Math.min(lines.end(piece.close + 1), piece.close + 60)).slice(0, 4);
    const closeWindow = text.slice(piece.close + 1, after[0]?.start ?? piece.close + 1);
    if (!/[.!?]/.test(closeWindow) && after.some((w) => isCue(w.key) || w.key === 'according')) return 'adjacent';
  }
  const from = Math.max(sentenceStart, lines.start(piece.open), piece.open - 250);
  const before = wordsIn(text, from, piece.open);
  const near = before.slice(-4);
  // A colon after a word introduces a quote ("He had one message: “…”"); not one after a quoted key ("rel": "…").
  if (near.some((w) => isCue(w.key)) || colonBefore(text, from, piece.open)) return 'adjacent';
  if (headlineSpeaker(text, lines, piece.open)) return 'adjacent';
  // A characterization: "admires Putin as a “strong leader”".
  if (/\bas\s+(a|an|the)?\s*$/i.test(text.slice(from, piece.open))) return 'sentence';
  return before.some((w) => isCue(w.key) || w.key === 'according') ? 'sentence' : null;
}

/**
 * /[\p{L}\p{N})]\s*:\s*$/u on text[from, to), read back from its end: spaces, a
 * colon, spaces, then a letter, a digit or a closing parenthesis.
 */
export function colonBefore(text: string, from: number, to: number): boolean {
  let i = to;
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  if (i <= from || text.charCodeAt(i - 1) !== 0x3a) return false;
  i--;
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  if (i <= from) return false;
  if (text.charCodeAt(i - 1) === 0x29) return true;
  // The code point before i, as the pattern reads the slice (a pair cut by `from` is a lone half).
  return (classesOf(codePointBefore(text, i, from)) & LETTER_OR_NUMBER) !== 0;
}

interface Candidate {
  name: string;
  pos: number;
  /** Where the mention ends. */
  end?: number;
  /** 'description': a speaker named by a description ("the article", "officials"). */
  type: EntityType | 'unknown' | 'description';
  gender: ReturnType<typeof genderOfName>;
  /** Named as the speaker of an earlier quote. */
  speaker?: boolean;
  /** Named where its sentence starts: the sentence's likely subject, so the person the text is about. */
  subject?: boolean;
  plural?: boolean;
}

/** Index of the last span starting at or before pos in spans sorted by start, or -1. */
function lastStartingBefore(spans: Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Whether pos falls in one of the (sorted, non-overlapping) spans. */
function inside(spans: Span[], pos: number): boolean {
  const i = lastStartingBefore(spans, pos);
  return i >= 0 && pos < spans[i].end;
}

interface EntityIndex {
  mentions: (Span & { entity: Entity })[];
  byForm: Map<string, Entity>;
  bySurname: Map<string, Entity>;
}

/** The last word of a name, as `name.split(/\s+/).pop()` gives it ('' after a trailing space). */
function lastWord(name: string): string {
  let i = name.length;
  while (i > 0 && !isSpace(name.charCodeAt(i - 1))) i--;
  return i === 0 ? name : name.slice(i);
}

/** Built once per text, so each name at a cue is looked up in logarithmic time. */
function indexEntities(entities: Entity[]): EntityIndex {
  const flat: (Span & { entity: Entity })[] = [];
  for (const entity of entities) for (const m of entity.mentions) flat.push({ start: m.start, end: m.end, entity });
  // Sorted by start, ties in list order (as a stable sort leaves them): each key is
  // the start and the index, so the typed array's numeric sort needs no comparator.
  const n = flat.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = flat[i].start * n + i;
  keys.sort();
  const mentions = new Array<Span & { entity: Entity }>(n);
  for (let k = 0; k < n; k++) mentions[k] = flat[keys[k] % n];
  const byForm = new Map<string, Entity>();
  const bySurname = new Map<string, Entity>();
  for (const e of entities) {
    if (!byForm.has(e.name)) byForm.set(e.name, e);
    for (const form of e.aliases) if (!byForm.has(form)) byForm.set(form, e);
    if (e.type !== 'person') continue;
    const surname = lastWord(e.name);
    const known = bySurname.get(surname);
    if (!known || known.count < e.count) bySurname.set(surname, e);
  }
  return { mentions, byForm, bySurname };
}

/** Map a name found at a cue to its entity: a mention at the same place, the same form, or the same surname. */
function entityFor(span: Span, name: string, index: EntityIndex): Entity | null {
  const i = lastStartingBefore(index.mentions, span.end - 1);
  for (let j = i; j >= 0 && j > i - 4; j--) {
    const m = index.mentions[j];
    if (m.start < span.end && span.start < m.end) return m.entity;
  }
  return index.byForm.get(name) ?? index.bySurname.get(lastWord(name)) ?? null;
}

export function attributeQuotes(text: string, lines: Lines, sentences: Span[], entities: Entity[], pieces: QuotePiece[]): Attributed[] {
  if (pieces.length === 0) return [];
  const quoteSpans = pieces.map((p) => ({ start: p.open, end: (p.close ?? p.end) + 1 }));
  // Built when a name or a pronoun's candidates first need it.
  let entityIndexBuilt: EntityIndex | null = null;
  const entityIndex = () => (entityIndexBuilt ??= indexEntities(entities));
  const sentenceStartAt = sentenceStarts(sentences);

  // Pass 1: the attribution next to each piece.
  const found: (Found | null)[] = pieces.map((p, i) => {
    const nextOpen = i + 1 < pieces.length ? pieces[i + 1].open : text.length;
    const prevClose = i > 0 ? (pieces[i - 1].close ?? pieces[i - 1].end) + 1 : 0;
    const floor = Math.max(sentenceStartAt(p.open), lines.start(p.open), prevClose);
    const after = attributionAfter(text, lines, p, nextOpen);
    if (after && text.charCodeAt(p.end - 1) === 0x2c) return after;
    const found = attributionBefore(text, p, floor, Math.max(sentenceStartAt(p.open), lines.start(p.open))) ?? after;
    if (found) return found;
    const trailing = attributionEndingPreviousSentence(text, lines, p);
    if (trailing) return trailing;
    // A characterization without a speech verb: "Trump openly admires Putin as a “strong leader”".
    const sentenceStart = Math.max(sentenceStartAt(p.open), lines.start(p.open));
    // …or a colon: "President Obama is rolling out a new campaign message: “It's about me.”"
    if (floor === sentenceStart && /(\bas\s+(a|an|the|being\s+in\s+the)?|:)\s*$/i.test(text.slice(floor, p.open))) {
      const subject = sentenceSubject(text, floor, p.open);
      if (subject.kind !== 'nominal') return subject;
    }
    const headline = headlineSpeaker(text, lines, p.open);
    if (headline) return headline;
    // “He said:” ending the paragraph before one that opens with the quote.
    const ls = lines.start(p.open);
    let colon = ls - 1;
    while (colon > 0 && colon > ls - 40 && /\s/.test(text[colon])) colon--;
    if (colon > 0 && text[colon] === ':' && /\n/.test(text.slice(colon, ls)) && /^\s*$/.test(text.slice(ls, p.open))) {
      const at = { ...p, open: colon };
      return attributionBefore(text, at, Math.max(sentenceStartAt(colon), lines.start(colon), prevClose), Math.max(sentenceStartAt(colon), lines.start(colon)));
    }
    return null;
  });

  // Pass 2: pieces of one quote share its attribution; a piece without one in the
  // same paragraph as the previous quote continues it ("…,” she said. “…”).
  const byGroup = new Map<number, Found>();
  pieces.forEach((p, i) => {
    const f = found[i];
    if (f && !byGroup.has(p.group)) byGroup.set(p.group, f);
  });
  for (let i = 0; i < pieces.length; i++) {
    if (found[i]) continue;
    const shared = byGroup.get(pieces[i].group);
    if (shared) {
      found[i] = shared;
      continue;
    }
    if (i > 0 && found[i - 1] && lines.start(pieces[i - 1].open) === lines.start(pieces[i].open)) {
      found[i] = found[i - 1];
      continue;
    }
    // “…” “…,” she said. — two quotes side by side, the attribution after the second.
    const next = pieces[i + 1];
    if (next && found[i + 1] && pieces[i].close !== null && /^\s*$/.test(text.slice(pieces[i].close! + 1, next.open))) {
      found[i] = found[i + 1];
      continue;
    }
    // A paragraph that opens with a quote and names no one continues the speaker of
    // the quote that ended the paragraph before.
    if (i > 0 && found[i - 1] && continuesPreviousParagraph(text, lines, pieces[i - 1], pieces[i])) found[i] = found[i - 1];
  }

  // A quote opening its sentence after a paraphrase in the same paragraph goes to the
  // paraphrase's speaker ("Cummings called him a master at deals. “He showed again …”").
  for (let i = 0; i < pieces.length; i++) {
    if (!found[i]) found[i] = paraphraseBefore(text, lines, sentenceStartAt, pieces[i], i > 0 ? pieces[i - 1] : null);
  }

  // Still no attribution: a quote inside its sentence is the sentence subject's
  // ("Trump unloaded on Cruz, calling him a “…”", "Protesters chanted “…”").
  for (let i = 0; i < pieces.length; i++) {
    if (!found[i]) found[i] = subjectOfQuoteSentence(text, lines, sentenceStartAt, pieces[i]);
  }

  // Pass 3: names to entities, pronouns to the most recent fitting person or organization.
  // The people and mentions a pronoun may refer to are gathered only when a quote needs them.
  const pronouns = found.some((f) => f?.kind === 'pronoun');
  const surnames = found.some((f) => f?.kind === 'name' && !f.name.includes(' '));
  const candidates: Candidate[] = [];
  if (pronouns) {
    for (const e of entities) {
      if (e.type === 'place') continue;
      // Gender per mention: its own first name when it has one ("Rakeyia Scott"), else the
      // entity's forms when they agree ("Lynch" after "Loretta E. Lynch").
      const forms = e.type === 'person' ? [e.name, ...e.aliases].map(genderOfName).filter((g) => g) : [];
      const entityGender = forms.length && forms.every((g) => g === forms[0]) ? forms[0] : null;
      for (const m of e.mentions) {
        if (inside(quoteSpans, m.start)) continue;
        const surface = text.slice(m.start, m.end);
        const gender = e.type !== 'person' ? null : /\s/.test(surface.trim()) ? genderOfName(surface) : entityGender;
        candidates.push({ name: e.name, pos: m.start, end: m.end, type: e.type, gender });
      }
    }
  }
  // People the entities may not know (or before the tagger runs): named with a first name or title.
  const fullNames = new Map<string, string>();
  if (pronouns || surnames) {
    // A pronoun refers only to someone named before it: without a surname to complete
    // (which may take a full name from anywhere), the people after the last pronoun are not needed.
    let until = 0;
    for (const f of found) if (f?.kind === 'pronoun' && f.span.start > until) until = f.span.start;
    for (const p of peopleNamed(text, surnames ? text.length : until)) {
      if (p.name.includes(' ')) fullNames.set(lastWord(p.name), p.name);
      if (!pronouns || inside(quoteSpans, p.start) || inside(entityIndex().mentions, p.start)) continue;
      candidates.push({ name: p.name, pos: p.start, end: p.start + p.name.length, type: 'person', gender: p.gender });
    }
  }
  const out: Attributed[] = found.map((f) => {
    if (!f) return { found: f, speaker: null, speakerMention: null };
    if (f.kind === 'nominal') {
      if (f.span && f.phrase) {
        const plural = /s$/.test(f.phrase) && !/’s$|'s$|ss$/.test(f.phrase);
        candidates.push({ name: f.phrase, pos: f.span.start, type: 'description', gender: null, speaker: true, plural });
      }
      return { found: f, speaker: f.phrase ?? null, speakerMention: f.span ?? null };
    }
    if (f.kind === 'name') {
      const e = entityFor(f.span, f.name, entityIndex());
      // Without an entity, a surname alone takes the full name it had earlier ("Leavitt" → "Karoline Leavitt").
      const name = e?.name ?? (f.name.includes(' ') ? f.name : (fullNames.get(f.name) ?? f.name));
      candidates.push({ name, pos: f.span.start, type: e?.type ?? 'unknown', gender: genderOfName(name) ?? genderOfName(f.name), speaker: true });
      return { found: f, speaker: name, speakerMention: f.span };
    }
    return { found: f, speaker: null, speakerMention: null };
  });
  candidates.sort((a, b) => a.pos - b.pos);
  markSubjects(candidates);
  const focus = mostMentionedPerson(entities);
  for (const [i, f] of found.entries()) {
    if (f?.kind !== 'pronoun') continue;
    const who = resolvePronoun(f.pronoun, f.span.start, candidates, focus);
    if (!who) continue;
    out[i] = { found: f, speaker: who.name, speakerMention: f.span };
    // "…,” he said … “…,” he added: the chain of pronouns stays with the speaker it resolved to.
    // The pronoun tells the gender where the name did not.
    const gender = genderOfPronoun(f.pronoun.toLowerCase()) ?? who.gender;
    candidates.splice(firstAfter(candidates, f.span.start), 0, { ...who, pos: f.span.start, speaker: true, gender });
  }
  return out;

  /**
   * Marks who a sentence is about: a person or organization named where a clause
   * starts, past the capitalised words and titles before it ("At the hearing,
   * Kentucky Republican Rand Paul tied …", "… but Jobs refused"), or next to a speech
   * verb ("…, Kerry said", "said Jonathan Napat"). Not "Smith told Jones", nor "a
   * secretary under Bill Clinton". Lower-case words describing the person count as
   * titles ("Diesel mechanic Robert Penman made headlines", "former prosecutor Jane
   * Doe"), as long as no one else is named among them ("Smith met Jones").
   */
  function markSubjects(sorted: Candidate[]): void {
    for (const [i, c] of sorted.entries()) {
      if (c.end === undefined) continue;
      const from = Math.max(sentenceStartAt(c.pos), lines.start(c.pos));
      const before = wordsIn(text, Math.max(from, c.pos - 120), c.pos);
      const titleLike = (w: Word) => /^\p{Lu}/u.test(w.text) || cues.TITLES.has(w.key.toLowerCase());
      let k = before.length - 1;
      while (k >= 0 && titleLike(before[k]) && text[before[k].end] !== ',') k--;
      // Up to two describing words, then title-like words again, back to the clause's start.
      let d = k;
      while (d >= 0 && k - d < 2 && describing(before[d]) && text[before[d].end] !== ',') d--;
      while (d >= 0 && titleLike(before[d]) && text[before[d].end] !== ',') d--;
      const namedBetween = i > 0 && sorted[i - 1].pos >= (before[d + 1]?.start ?? c.pos) && sorted[i - 1].pos < c.pos;
      if (d < k && d < 0 && !namedBetween) k = d;
      // After a comma, only when a verb follows: "a neighbour, Rui Costa, who …" is an apposition.
      const afterComma = k >= 0 && text[before[k].end] === ',' && text[c.end] !== ',';
      const opener = k < 0 || afterComma || /^(and|but|while|when|as|then)$/i.test(before[k].key) || cues.SPEECH_CUES.has(before[k].key.toLowerCase());
      const next = wordsIn(text, c.end, Math.min(text.length, c.end + 20))[0];
      c.subject = opener || (next !== undefined && cues.SPEECH_CUES.has(next.key.toLowerCase()));
    }
  }
}

/** A lower-case word that may describe a person before the name ("mechanic", "widow"): no function word, no verb. */
function describing(w: Word): boolean {
  const key = w.key;
  if (!/^\p{Ll}[\p{Ll}-]*$/u.test(key) || key.length < 3) return false;
  if (cues.NOT_NAME_WORDS.has(key) || cues.SPEECH_CUES.has(key) || cues.NAMING_VERBS.has(key) || cues.BETWEEN_SUBJECT_AND_VERB.has(key)) return false;
  return !/(ed|ing|ly)$/.test(key);
}

/** The person named most often, when one stands out (named at least three times, more than anyone else). */
function mostMentionedPerson(entities: Entity[]): string | null {
  let best: Entity | null = null;
  let tie = false;
  for (const e of entities) {
    if (e.type !== 'person') continue;
    if (!best || e.count > best.count) [best, tie] = [e, false];
    else if (e.count === best.count) tie = true;
  }
  return best && !tie && best.count >= 3 ? best.name : null;
}

/** Index of the first candidate at or after `pos` (candidates sorted by position). */
function firstAfter(candidates: Candidate[], pos: number): number {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid].pos < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The most recent person (he/she, fitting gender) or organization (they/it) named
 * before `pos`. A person whose gender is known to fit, named shortly before, wins
 * over a more recent one whose gender is unknown.
 */
function resolvePronoun(pronoun: string, pos: number, candidates: Candidate[], focus: string | null): Candidate | null {
  const p = pronoun.toLowerCase();
  const gender = genderOfPronoun(p);
  // Candidates are sorted by position: start from the last one before the pronoun.
  const lo = firstAfter(candidates, pos);
  let fallback: Candidate | null = null;
  for (let i = lo - 1; i >= 0; i--) {
    const c = candidates[i];
    // Nobody fitting within a few paragraphs: stop looking (and keep this linear).
    if (pos - c.pos > 5000) break;
    if (p === 'he' || p === 'she') {
      if (c.type === 'organization' || c.type === 'place') continue;
      if (c.gender && gender && c.gender !== gender) continue;
      if (c.gender === gender) return focusBefore(candidates, i, gender, focus) ?? c;
      // A full name whose first name the list does not know is still a person: take it.
      if (!fallback && /\s/.test(c.name) && c.type === 'person') return focusBefore(candidates, i, gender, focus) ?? c;
      // So is the speaker of a quote just before ("…, Kerry said. “…,” he said").
      if (!fallback && c.speaker && c.type !== 'description' && pos - c.pos <= 600) return c;
      if (!fallback) fallback = c;
      if (pos - c.pos > 1500) return fallback;
      continue;
    }
    if (p === 'they' || p === 'it') {
      // Only an organization named close by, or the speaker of a quote just before
      // ("the Times wrote. … “…,” it added"): "they" is as often a group never named.
      if (pos - c.pos > 1500) return null;
      if (c.type === 'organization' && pos - c.pos <= 400) return c;
      if (c.speaker && c.type === 'description' && (p === 'they') === Boolean(c.plural)) return c;
      if (c.speaker && p === 'it' && c.type === 'unknown' && !c.gender && !/\s/.test(c.name)) return c;
    }
  }
  return fallback;
}

/**
 * The person the story is about (`focus`, its most-mentioned person), named as a
 * speaker or a sentence's subject shortly before candidates[at], when
 * candidates[at] is neither: in a profile, "Ferreira … carries workers of the
 * cannery owned by Jorge Almeida. “…,” he said" is Ferreira, not the last man named.
 */
function focusBefore(candidates: Candidate[], at: number, gender: Candidate['gender'], focus: string | null): Candidate | null {
  const c = candidates[at];
  if (!focus || c.name === focus || c.speaker || c.subject) return null;
  for (let i = at - 1; i >= 0 && c.pos - candidates[i].pos <= 1500; i--) {
    const d = candidates[i];
    // A name known to fit the pronoun gives way only to one known to fit it too.
    if (d.name !== focus || (c.gender ? d.gender !== c.gender : d.gender && d.gender !== gender)) continue;
    if (d.speaker || d.subject) return d;
  }
  return null;
}

/**
 * The speaker of a speech or naming verb in the sentence right before `p`, when `p`
 * opens its own sentence in the same paragraph and that sentence holds no quote.
 */
function paraphraseBefore(text: string, lines: Lines, sentenceStartAt: (pos: number) => number, p: QuotePiece, prev: QuotePiece | null): Found | null {
  const start = sentenceStartAt(p.open);
  const ls = lines.start(p.open);
  if (start <= ls || wordsIn(text, start, p.open).length > 0) return null;
  const before = Math.max(sentenceStartAt(start - 1), ls);
  if (prev && (prev.close ?? prev.end) >= before) return null;
  const found = attributionBefore(text, { ...p, open: start }, before, before);
  return found && found.kind !== 'nominal' ? found : found?.span ? found : null;
}

/** The subject of the sentence a quote stands inside (not at its start), when it names someone. */
function subjectOfQuoteSentence(text: string, lines: Lines, sentenceStartAt: (pos: number) => number, p: QuotePiece): Found | null {
  const from = Math.max(sentenceStartAt(p.open), lines.start(p.open));
  if (wordsIn(text, from, p.open).length < 2) return null;
  const subject = sentenceSubject(text, from, p.open);
  if (subject.kind === 'name' && /ing$/.test(subject.name)) return null; // "Bemoaning the …"
  if (subject.kind !== 'nominal' || subject.span) return subject;
  return leadingName(text, wordsIn(text, from, Math.min(p.open, from + 200)));
}

/**
 * The name a sentence opens with, past a possessive and the title words after
 * it: "Hillary Clinton’s campaign manager Robby Mook said as much, arguing …" →
 * Robby Mook; "Dean, a former chairman, poked at …" → Dean; "Protesters chanted" → Protesters.
 */
function leadingName(text: string, words: Word[]): Found | null {
  let run: Word[] = [];
  let best: Word[] = [];
  for (const w of words) {
    const lower = w.key.toLowerCase();
    if (/^\p{Lu}/u.test(w.text) && !cues.NOT_NAME_WORDS.has(lower) && !cues.PRONOUNS.has(lower)) {
      run.push(w);
      if (!/[’']s$/.test(w.text) && text[w.end] !== ',') continue;
    } else if (!(best.length || run.length) || !cues.TITLES.has(lower)) break;
    if (run.length) best = run.map((x) => x);
    run = [];
    if (text[w.end] === ',') break;
  }
  if (run.length) best = run;
  // "Once in my early 20s, …": a word before a preposition opens an adverbial, not a name;
  // "Enjoyed your article, …", "Summarizing the action, …": one before an article or possessive is a verb.
  const next = words[words.indexOf(best[best.length - 1]) + 1];
  if (best.length === 0 || /^(in|on|at|of|for|to|with|from|by|after|before|during)$/.test(next?.key ?? '')) return null;
  if (next && /^\s+$/.test(text.slice(best[best.length - 1].end, next.start)) && DETERMINER_BEFORE_NOUN.has(next.key.toLowerCase())) return null;
  const span = { start: best[0].start, end: best[best.length - 1].end };
  return { kind: 'name', span, name: text.slice(span.start, span.end).replace(/[’']s$/, '') };
}

/** `cur` opens its paragraph, and `prev` is in the paragraph right before it. */
function continuesPreviousParagraph(text: string, lines: Lines, prev: QuotePiece, cur: QuotePiece): boolean {
  const ls = lines.start(cur.open);
  if (!/^\s*$/.test(text.slice(ls, cur.open))) return false;
  const gap = text.slice(prev.end, ls);
  // Only the end of prev's paragraph and blank lines between the two.
  return /^[^\n]*\n\s*$/.test(gap) && gap.length < 400;
}

/** A lookup from a position to the start of the sentence containing it. */
export function sentenceStarts(sentences: Span[]): (pos: number) => number {
  return (pos: number) => {
    let lo = 0;
    let hi = sentences.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid].start <= pos) {
        best = sentences[mid].start;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}

/**
 * From tagged mentions to entities: clean each mention (no leading "the", no
 * title alone, no lower-case word glued on, no sentence-opening adverb), settle
 * one type per surface form, then group mentions that name the same referent
 * (country aliases, surname after full name, acronym after the full name) under
 * one canonical name. Linear in the number of mentions apart from small
 * per-entity lookups.
 */
import type { Entity, EntityType, Span } from '../types';
import * as lists from './lexicon';
import { foldLookalikes, type Token } from './tokenize';

// The lists read once into module constants: each read of an imported binding can cost a
// getter call under some loaders (tsx, which the bench runs on), and they are read per mention.
const {
  DEMONYMS,
  FURNITURE,
  GOVERNMENT_HEADS,
  INNER_TITLES,
  KNOWN_ORGS,
  LEADER_HEADS,
  LEADING_NOISE,
  MONTH_ABBREVIATIONS,
  NEVER_ALONE,
  ORG_WORDS,
  PERSON_TITLES,
  PLACE_ALIASES,
  STREET_WORDS,
  TITLES,
  WEEKDAY_ABBREVIATIONS,
} = lists;

export type MentionType = 'PER' | 'ORG' | 'LOC';

/** A token of a mention with its norm lower-cased (its word's, made once per word: features.ts WordInfo.lower). */
export interface MentionToken extends Token {
  lower: string;
}

export interface RawMention {
  /** The mention's tokens (from the tagger's span). */
  tokens: MentionToken[];
  type: MentionType;
  /** The first token opens its sentence. */
  sentenceInitial: boolean;
  /** The sentence is a title-case line (a headline): its capitals say little. */
  headline: boolean;
  /** The word right after the span, if any. */
  next?: string;
  /** The whole line is in capitals (a wire headline such as "RUGBY UNION - ..."). */
  shouted?: boolean;
}

interface Mention extends Span {
  type: MentionType;
  surface: string;
  /** Lower-cased normalized words, for matching. */
  words: string[];
  /** The words joined by spaces: the form's key (kept with the words, which are looked up by it many times). */
  key: string;
  raw: RawMention;
  /** The place the key is an alias of (aliasOf), and whether it is a known organization: looked up once the key is final. */
  alias: string | undefined;
  knownOrg: boolean;
}

const TYPE_NAME: Record<MentionType, EntityType> = { PER: 'person', ORG: 'organization', LOC: 'place' };
/** Lower-case words allowed inside a name ("Bank of America", "Abu Bakr al-Baghdadi", "Ludwig van Beethoven"). */
const CONNECTORS = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'della', 'der', 'van', 'von', 'al', 'bin', 'ibn', 'da', 'du', 'la', 'le', 'on', '&', 'y', 'for']);

const CALENDAR = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'today', 'tonight',
]);
// Regular expressions used per mention, made once: a literal in a function makes a new RegExp each time it is reached.
const OPENS_CAP_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const OPENS_WITH_DIGIT = /^\p{N}/u;
const CAPITAL_AHEAD = /^\s*\p{Lu}/u;
const POSSESSIVE = /^'s$/i;
const AND = /^(and|&)$/i;
const INITIAL = /^\p{Lu}\.$/u;
const NAME_WORD = /^\p{Lu}[\p{Ll}'\-]*\.?$/u;
const ARTICLE = /^(the|a|an)$/i;
const NAME_PUNCTUATION = /^(?:[-.'&]|'s)$/i;
const ACRONYM = /^[\p{Lu}&]{2,7}$/u;
const AMPERSANDS = /&/g; // global: replace() starts it from 0 each time
const SPACES = /\s+/;
const SIBILANT_PLURAL = /(?:s|x|z|ch|sh)es$/;

/** Opens with a capital or a digit (ASCII decided by its code). */
const isCap = (w: string) => {
  const c = w.charCodeAt(0);
  return c < 0x80 ? (c >= 65 && c <= 90) || (c >= 48 && c <= 57) : OPENS_CAP_OR_DIGIT.test(w);
};

/**
 * A dotted month or weekday abbreviation ("Jan.", "Dec. 25", "Tues."): the
 * tokenizer keeps the dot on some ("Jan.") and not on others ("Tues" + ".").
 */
function isDateAbbreviation(t: Token, text: string): boolean {
  const dotted = t.norm.endsWith('.');
  const word = (dotted ? t.norm.slice(0, -1) : t.norm).toLowerCase();
  const month = MONTH_ABBREVIATIONS.has(word);
  if (!month && !WEEKDAY_ABBREVIATIONS.has(word)) return false;
  const dot = dotted ? t.end - 1 : t.end;
  if (text[dot] !== '.' || !isCap(t.norm)) return false;
  // "Sun." before a capitalised word may be a name ending its sentence.
  return month || !CAPITAL_AHEAD.test(text.slice(dot + 1, dot + 8));
}
const lowerWords = (toks: MentionToken[]) => toks.map((t) => t.lower);

/**
 * A span holding a possessive inside is two names ("Pearson's Financial Times"
 * → "Pearson", "Financial Times"); so is "X Inc and Y Corp", where the part
 * before "and" already ends like an organization.
 */
function splitJoined(raw: RawMention): RawMention[] {
  const toks = raw.tokens;
  const at = joinAt(toks);
  if (at < 0) return [raw];
  return [{ ...raw, tokens: toks.slice(0, at) }, ...splitJoined({ ...raw, tokens: toks.slice(at + 1), sentenceInitial: false })];
}

/** Where splitJoined() cuts the span: the first possessive or joining "and" inside it; -1 for none (most spans). */
function joinAt(toks: MentionToken[]): number {
  for (let i = 1; i < toks.length - 1; i++) {
    const t = toks[i];
    if (POSSESSIVE.test(t.norm) || (AND.test(t.norm) && i > 1 && ORG_WORDS.has(toks[i - 1].lower))) return i;
  }
  return -1;
}

/** A known first name or a middle initial, then capitalised words only, not ending like an organization. */
export function looksLikePerson(toks: MentionToken[], isFirstName: (lower: string) => boolean): boolean {
  return (
    toks.length > 1 &&
    toks.length < 5 &&
    (isFirstName(toks[0].lower) || (toks.length === 3 && INITIAL.test(toks[1].norm))) &&
    toks.every((t) => NAME_WORD.test(t.norm)) &&
    !ORG_WORDS.has(toks[toks.length - 1].lower) &&
    !STREET_WORDS.has(toks[toks.length - 1].lower)
  );
}

/**
 * Where the person's name starts after a title inside a span ("California
 * Governor Gavin Newsom" → 2: "Gavin Newsom"); 0 for none. The title is not the
 * span's first word (that case is the title rules' own), and what follows it is
 * one to three name words not ending like an organization or a street.
 */
export function nameAfterTitle(toks: MentionToken[]): number {
  for (let i = toks.length - 2; i >= 1; i--) {
    if (!INNER_TITLES.has(toks[i].lower)) continue;
    const rest = toks.slice(i + 1);
    const last = rest[rest.length - 1].lower;
    const named = rest.length <= 3 && rest.every((t) => NAME_WORD.test(t.norm)) && !ORG_WORDS.has(last) && !STREET_WORDS.has(last);
    return named ? i + 1 : 0;
  }
  return 0;
}

/** What clean() asks of the lists. */
interface CleanLexicon {
  isFirstName: (lower: string) => boolean;
  /** A nationality or group adjective, never a name alone ("Arab", "American"). */
  isDemonym: (lower: string) => boolean;
  /** A known city, country or region. */
  isPlace: (lower: string) => boolean;
}

/**
 * A name written before "administration", "campaign" ("the Biden
 * administration"): a person's, whatever the tagger said, unless it is a place
 * ("the Kabul administration") or already known as something else.
 */
function leadsGovernment(raw: RawMention, toks: MentionToken[], lex: CleanLexicon): boolean {
  return (
    raw.next !== undefined &&
    LEADER_HEADS.has(raw.next.toLowerCase()) &&
    toks.length <= 3 &&
    toks.every((t) => NAME_WORD.test(t.norm)) &&
    !lex.isPlace(toks.map((t) => t.lower).join(' '))
  );
}

/** Trim a raw span to the name inside it, or null when nothing name-like is left. */
function clean(raw: RawMention, text: string, lex: CleanLexicon): Mention | null {
  const { isFirstName } = lex;
  let toks = raw.tokens;
  let initial = raw.sentenceInitial;
  let type = raw.type;
  // A title inside the span hands the name after it to a person ("California Governor Gavin Newsom").
  const named = toks.length > 2 ? nameAfterTitle(toks) : 0;
  if (named) {
    toks = toks.slice(named);
    initial = false;
    type = 'PER';
  }
  if (leadsGovernment(raw, toks, lex)) type = 'PER';
  // A person's title makes a person of what follows, whatever the tagger said ("Lord Conrad Black").
  if (toks.length > 1 && PERSON_TITLES.has(toks[0].lower) && isCap(toks[1].norm)) type = 'PER';
  // A name ending in a street or landmark word is a place ("Delmar Avenue", "Eastgate Boulevard").
  else if (toks.length > 1 && STREET_WORDS.has(toks[toks.length - 1].lower)) type = 'LOC';
  // A name ending in an organization word is an organization ("Hollinger International", "Acme Inc").
  else if (type === 'PER' && toks.length > 1 && ORG_WORDS.has(toks[toks.length - 1].lower)) type = 'ORG';
  // A known first name or a middle initial, capitalised words only: a person ("Arthur Wesley Dowell", "Stuart R. Kaplan").
  else if (type !== 'PER' && looksLikePerson(toks, isFirstName)) type = 'PER';
  // A dateline: a name in capitals opening a line, then a dash ("PORT ALDER — The council ...").
  else if (raw.sentenceInitial && !raw.shouted && raw.next === '-' && toks.every((t) => t.norm === t.norm.toUpperCase())) type = 'LOC';
  // Leading articles, words that only open the sentence ("See Facebook"), and, for people, titles ("President Biden").
  while (
    toks.length &&
    (ARTICLE.test(toks[0].norm) ||
      (LEADING_NOISE.has(toks[0].lower) && toks.length > 1) ||
      (type === 'PER' && TITLES.has(toks[0].lower)))
  ) {
    toks = toks.slice(1);
    initial = false;
  }
  // Trailing non-name words: punctuation, a lower-case word glued on ("Leavitt emphasized"), a day or month ("London Thursday").
  while (toks.length && isTrailing(toks[toks.length - 1])) toks = toks.slice(0, -1);
  if (!toks.length) return null;
  // A date is no name, whatever follows it ("Jan. 21", "Dec.").
  if (isDateAbbreviation(toks[0], text) && toks.every((t, k) => k === 0 || OPENS_WITH_DIGIT.test(t.norm) || t.norm === ',')) return null;
  // Inside a name only capitalised words and a few connectors.
  if (toks.some((t) => !isCap(t.norm) && !CONNECTORS.has(t.lower) && !NAME_PUNCTUATION.test(t.norm))) return null;
  const words = lowerWords(toks);
  if (words.length === 1 && (NEVER_ALONE.has(words[0]) || lex.isDemonym(words[0]) || STREET_WORDS.has(words[0]))) return null;
  if (words.every((w) => FURNITURE.has(w))) return null;
  if (words.every((w) => TITLES.has(w) || NEVER_ALONE.has(w))) return null;
  const start = toks[0].start;
  const end = toks[toks.length - 1].end;
  return {
    start,
    end,
    type,
    surface: foldLookalikes(text.slice(start, end)),
    words,
    key: words.join(' '),
    alias: undefined,
    knownOrg: false,
    // Every field of a RawMention, written out (a spread copies them more slowly).
    raw: { tokens: toks, type, sentenceInitial: initial, headline: raw.headline, next: raw.next, shouted: raw.shouted },
  };
}

/** A word that does not end a name: not capitalised (but for "'s"), or a day or month. */
function isTrailing(t: MentionToken): boolean {
  return (!isCap(t.norm) && !POSSESSIVE.test(t.norm)) || CALENDAR.has(t.lower);
}

/**
 * 1 for a form in capitals only that says less than the group's other forms:
 * longer than four characters, or written in ordinary case too ("KYIV", "Kyiv");
 * otherwise (a short one alone) it may be an acronym ("NATO"). 0 for any other form.
 */
function shoutedForm(f: string, forms: Map<string, number>): number {
  return f === f.toUpperCase() && (f.length > 4 || [...forms.keys()].some((o) => o !== f && o.toUpperCase() === f)) ? 1 : 0;
}

const key = (m: Mention) => m.key;
/** The place a form (words joined by spaces) is an alias of. */
const aliasOf = (k: string) => (Object.hasOwn(PLACE_ALIASES, k) ? PLACE_ALIASES[k] : undefined);
const placeAlias = (words: string[]) => aliasOf(words.join(' '));

/**
 * `lowerSeen`: words the text also writes in lower case; `common`: common
 * lower-case words of news prose. Either makes a lone capitalised word at a
 * sentence start an ordinary word unless the text names it mid-sentence too.
 */
export interface ResolveLexicon {
  /** Common lower-case words of news prose. */
  common: Set<string>;
  /** Whether a lower-cased word is a known first name or surname. */
  isPersonName: (lower: string) => boolean;
  /** Whether a lower-cased word is a known first name. */
  isFirstName?: (lower: string) => boolean;
  /** The gazetteer's categories of a lower-cased word or phrase ("city", "demonym,last"). */
  categoriesOf?: (lower: string) => string | undefined;
}

/** clean()'s tests, from the resolver's lexicon. */
function cleanLexicon(lexicon: ResolveLexicon): CleanLexicon {
  const categoriesOf = lexicon.categoriesOf ?? (() => undefined);
  const isPlace = (lower: string) => {
    const cats = categoriesOf(lower) ?? '';
    return cats.includes('city') || cats.includes('country') || aliasOf(lower) !== undefined;
  };
  return {
    isFirstName: lexicon.isFirstName ?? (() => false),
    isDemonym: (lower) => DEMONYMS.has(lower) || ((categoriesOf(lower) ?? '').includes('demonym') && !isPlace(lower)),
    isPlace,
  };
}

export function resolveEntities(
  raws: RawMention[],
  text: string,
  lowerSeen: Set<string>,
  lexicon: ResolveLexicon = { common: new Set(), isPersonName: () => false },
): Entity[] {
  const { common } = lexicon;
  // An ordinary word, or the plural of one ("Boats" where the text writes "boat", "Ferries" of "ferry").
  const known = (w: string) => lowerSeen.has(w) || common.has(w);
  const isOrdinary = (w: string) => known(w) || singularsOf(w).some(known);
  const lex = cleanLexicon(lexicon);
  let mentions: Mention[] = [];
  for (const raw of raws) {
    // Most spans are not split: cleaned without a list of one.
    if (joinAt(raw.tokens) < 0) {
      const m = clean(raw, text, lex);
      if (m) mentions.push(m);
      continue;
    }
    for (const part of splitJoined(raw)) {
      const m = clean(part, text, lex);
      if (m) mentions.push(m);
    }
  }

  // "US government", "Biden administration" of a known place: the place itself.
  for (const m of mentions) {
    const last = m.words[m.words.length - 1];
    if (m.words.length > 1 && GOVERNMENT_HEADS.has(last) && placeAlias(m.words.slice(0, -1))) {
      const toks = m.raw.tokens.slice(0, -1);
      m.end = toks[toks.length - 1].end;
      m.surface = foldLookalikes(text.slice(m.start, m.end));
      m.words = m.words.slice(0, -1);
      m.key = m.words.join(' ');
      m.raw = { ...m.raw, tokens: toks };
    }
    // The key is final from here on: what the lists say of it is looked up once.
    m.alias = aliasOf(m.key);
    m.knownOrg = KNOWN_ORGS.has(m.key);
    if (m.alias) m.type = 'LOC';
    else if (m.knownOrg) m.type = 'ORG';
  }

  // Forms named outside headlines and not only at a sentence start are trusted as they are.
  const bodyForms = new Map<string, Map<MentionType, number>>();
  for (const m of mentions) {
    if (m.raw.headline) continue;
    const votes = bodyForms.get(key(m)) ?? new Map<MentionType, number>();
    votes.set(m.type, (votes.get(m.type) ?? 0) + 1);
    bodyForms.set(key(m), votes);
  }
  // Words named mid-sentence somewhere: their capital is evidence. Words of full personal names.
  const midWords = new Set<string>();
  const nameWords = new Set<string>();
  for (const m of mentions) {
    if (!m.raw.headline && !m.raw.sentenceInitial) for (const w of m.words) midWords.add(w);
    if (m.type === 'PER' && m.words.length > 1) for (const w of m.words) nameWords.add(w);
  }
  mentions = mentions.filter((m) => {
    if (m.alias || m.knownOrg) return true;
    // A headline's capitals are not evidence: keep only what the body names too.
    if (m.raw.headline) return bodyForms.has(key(m));
    // A one-word mention opening a sentence that is an ordinary word ("Once", "Historically").
    const w = m.words[0];
    if (m.words.length === 1 && m.raw.sentenceInitial && isOrdinary(w)) return midWords.has(w);
    // A common word before a capitalised title qualifies the title ("Trade Commissioner", "Finance Minister").
    if (m.words.length === 1 && common.has(w) && m.raw.next && isCap(m.raw.next) && TITLES.has(m.raw.next.toLowerCase())) return false;
    // An adverb of a common adjective ("Essentially", "Incredibly"): no name.
    if (m.words.length === 1 && isAdverbOf(w, known)) return false;
    // A word in capitals that is a common word ("EXCLUSIVE", "UPDATE").
    if (m.words.length === 1 && w.length > 3 && m.surface === m.surface.toUpperCase() && common.has(w)) return false;
    // A lone unknown word opening a sentence or a heading ("Hungry", "Beware") is a person only if named mid-sentence too.
    if (m.words.length === 1 && m.type === 'PER' && m.raw.sentenceInitial && !lexicon.isPersonName(w)) return midWords.has(w) || nameWords.has(w);
    // A lone common word is rarely a person ("Trade Commissioner ..."), unless it is part of a full name here.
    if (m.words.length === 1 && m.type === 'PER' && common.has(w)) return nameWords.has(w);
    return true;
  });

  // One type per form: the majority of its mentions, ties to the type it was first given, so a
  // form never names two referents (costs 0.003 F1 on CoNLL dev, where "Texas" is a place and a team).
  for (const m of mentions) {
    if (m.alias || m.knownOrg) continue;
    const votes = bodyForms.get(key(m));
    if (!votes) continue;
    let best: MentionType | null = null;
    for (const [type, n] of votes) if (best === null || n > votes.get(best)!) best = type;
    m.type = best!;
  }

  // Group mentions into referents.
  interface Group {
    type: MentionType;
    name: string;
    /** Words and position of the mention that opened the group (its longest form). */
    words: string[];
    start: number;
    mentions: Mention[];
  }
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  // People by the first and the last word of their full name; organizations by acronym.
  const peopleByWord = new Map<string, Group[]>();
  const orgByAcronym = new Map<string, Group>();
  const index = (k: string, g: Group) => {
    const list = peopleByWord.get(k) ?? [];
    if (!list.includes(g)) list.push(g);
    peopleByWord.set(k, list);
  };
  const groupFor = (k: string, type: MentionType, name: string, m: Mention) => {
    let g = byKey.get(k);
    if (!g) {
      g = { type, name, words: m.words, start: m.start, mentions: [] };
      byKey.set(k, g);
      groups.push(g);
      if (type === 'PER' && m.words.length > 1) {
        index(m.words[0], g);
        index(m.words[m.words.length - 1], g);
      }
      if (type === 'ORG' && m.words.length > 1 && !orgByAcronym.has(acronymOf(m.words))) orgByAcronym.set(acronymOf(m.words), g);
    }
    return g;
  };

  // Full names first, so a later (or earlier) surname can join them.
  const order = [...mentions].sort((a, b) => b.words.length - a.words.length || a.start - b.start);
  const assigned = new Map<Mention, Group>();
  for (const m of order) {
    const alias = m.alias;
    if (alias) {
      assigned.set(m, groupFor('LOC:' + alias.toLowerCase(), 'LOC', alias, m));
      continue;
    }
    if (m.words.length <= 2) {
      // A surname or first name of a longer person's name in the document: that person. Two
      // words that are the person's own (first and last, or the last two) are that person
      // whatever the tagger said of them alone ("Forrest Jones" taken for a firm).
      const w = m.words;
      const candidates = (peopleByWord.get(w[w.length - 1]) ?? peopleByWord.get(w[0]) ?? []).filter((g) => {
        const full = g.words;
        if (full.length <= w.length) return false;
        if (w.length === 1) return full[full.length - 1] === w[0] || (m.type === 'PER' && full[0] === w[0]);
        // "Forrest Jones" after "Michael Forrest Jones", "John Smith" after "John A. Smith".
        return full[full.length - 1] === w[1] && (full[0] === w[0] || full[full.length - 2] === w[0]);
      });
      if (candidates.length) {
        // The nearest full name written before this mention, else the first one.
        const before = candidates.filter((g) => g.start < m.start);
        const pick = before.length ? before.reduce((a, b) => (b.start > a.start ? b : a)) : candidates[0];
        assigned.set(m, pick);
        continue;
      }
      // An acronym of an organization named in full: "Federal Bureau of Investigation (FBI)".
      if (w.length === 1 && ACRONYM.test(m.surface)) {
        const org = orgByAcronym.get(m.surface.replace(AMPERSANDS, ''));
        if (org) {
          assigned.set(m, org);
          continue;
        }
      }
    }
    assigned.set(m, groupFor(m.type + ':' + key(m), m.type, m.surface, m));
  }
  for (const m of mentions) assigned.get(m)!.mentions.push(m);

  const out: Entity[] = [];
  for (const g of groups) {
    if (!g.mentions.length) continue;
    g.mentions.sort((a, b) => a.start - b.start);
    const forms = new Map<string, number>();
    for (const m of g.mentions) forms.set(m.surface, (forms.get(m.surface) ?? 0) + 1);
    let name = g.name;
    if (g.type !== 'LOC' || !placeAlias([g.name.toLowerCase()])) {
      // The longest written form names the referent ("Karoline Leavitt", "Federal Bureau of Investigation").
      // A form in capitals only ("ROTTERDAM" in a dateline) names it only when there is no other.
      // A short form in capitals is shouted too when the text also writes it in ordinary case ("KYIV", "Kyiv"):
      // otherwise it may be an acronym ("NATO").
      const written = [...forms.keys()];
      if (written.length > 1) {
        // Each form's facts worked out once, not per comparison.
        const shouted = new Map(written.map((f) => [f, shoutedForm(f, forms)]));
        const words = new Map(written.map((f) => [f, f.split(SPACES).length]));
        written.sort(
          (a, b) => shouted.get(a)! - shouted.get(b)! || words.get(b)! - words.get(a)! || forms.get(b)! - forms.get(a)! || b.length - a.length,
        );
      }
      name = written[0];
    }
    if (g.type === 'LOC' && placeAlias(name.toLowerCase().split(SPACES))) name = placeAlias(name.toLowerCase().split(SPACES))!;
    const aliases = [name, ...[...forms.keys()].filter((f) => f !== name)];
    out.push({
      name,
      type: TYPE_NAME[g.type],
      mentions: g.mentions.map((m) => ({ start: m.start, end: m.end })),
      count: g.mentions.length,
      aliases,
    });
  }
  // Two groups can end with the same canonical name (e.g. via aliases): merge them.
  const merged = new Map<string, Entity>();
  for (const e of out) {
    const k = e.type + ':' + e.name;
    const had = merged.get(k);
    if (!had) merged.set(k, e);
    else {
      had.mentions = [...had.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
      had.count = had.mentions.length;
      had.aliases = [...new Set([...had.aliases, ...e.aliases])];
    }
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.mentions[0].start - b.mentions[0].start);
}

/** An -ly adverb of a known word: "essentially" of "essential", "incredibly" of "incredible" (not "Italy", "Kelly"). */
function isAdverbOf(w: string, known: (w: string) => boolean): boolean {
  return w.length > 6 && w.endsWith('ly') && (known(w.slice(0, -2)) || known(w.slice(0, -1) + 'e'));
}

/** The singular forms an English plural may have ("ferries" → "ferry", "buses" → "bus", "boats" → "boat"). */
function singularsOf(w: string): string[] {
  if (w.length < 4 || !w.endsWith('s') || w.endsWith('ss') || w.endsWith("'s")) return [];
  const out = [w.slice(0, -1)];
  if (w.endsWith('ies')) out.push(w.slice(0, -3) + 'y');
  else if (SIBILANT_PLURAL.test(w)) out.push(w.slice(0, -2));
  return out;
}

function acronymOf(words: string[]): string {
  return words
    .filter((w) => !CONNECTORS.has(w))
    .map((w) => w[0].toUpperCase())
    .join('');
}

/**
 * Is a text English? Only English needs answering: Lede's entity tagger was
 * trained on English news (CoNLL-2003) and in other languages it reads words
 * as names (every German noun is capitalised), so the pipeline asks this before
 * trusting it. Two cheap signals on a sample of the text, then the declared
 * language (html lang, og:locale) for what they leave open:
 *
 *  - the script: a text whose letters are mostly not Latin (Chinese, Japanese,
 *    Arabic, Cyrillic…) is not English, whatever the page declares;
 *  - English function words: in English prose about one word in ten is one of
 *    the words below; in other Latin-script languages almost none is. This
 *    settles mislabelled pages both ways (a CMS template's lang="en" on a
 *    German story, an English story on a site declared "de").
 *
 * With too few words to judge, the declared language decides, and a text that
 * declares none (pasted text, a selection) is taken as English, as before.
 */

/** English words that are not also common words of other Latin-script languages ("in", "a", "die", "was", "is", "of", "so" are left out). */
const ENGLISH_WORDS = new Set(
  'the and that with said she they their them were from have been this which would there its it his who are has than these those when what'.split(' '),
);

/** Characters read at most: enough words to judge, linear whatever the article's length. */
const SAMPLE_CHARS = 20_000;
/** Fewer words than this and the function words do not overrule the declared language. */
const MIN_WORDS = 40;
/** Share of English function words above which a text is English whatever it declares. */
const ENGLISH_SHARE = 0.06;
/** Share below which a text is not English whatever it declares. */
const FOREIGN_SHARE = 0.01;

export interface LanguageEvidence {
  /** Letters in the sample, and the share of them that are Latin. */
  letters: number;
  latin: number;
  /** Words in the sample, and the share of them that are English function words. */
  words: number;
  englishShare: number;
}

export function languageEvidence(text: string): LanguageEvidence {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  const words = sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)*/gu) ?? [];
  let english = 0;
  for (const w of words) if (ENGLISH_WORDS.has(w)) english++;
  return {
    letters,
    latin: letters ? latin / letters : 0,
    words: words.length,
    englishShare: words.length ? english / words.length : 0,
  };
}

/** The primary subtag of a language tag, lower-cased: "en-GB" → "en", "de_DE" → "de"; null when absent. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const m = typeof tag === 'string' ? /^\s*([A-Za-z]{2,3})(?![A-Za-z])/.exec(tag) : null;
  return m ? m[1].toLowerCase() : null;
}

/** Whether the text is English prose, judged from the text and the language the page declares. */
export function isEnglishText(text: string, declared: string | null): boolean {
  const e = languageEvidence(text);
  if (e.letters > 0 && e.latin < 0.5) return false;
  if (e.words >= MIN_WORDS) {
    if (e.englishShare >= ENGLISH_SHARE) return true;
    if (e.englishShare < FOREIGN_SHARE) return false;
  }
  const lang = primaryLanguage(declared);
  return lang === null || lang === 'en';
}

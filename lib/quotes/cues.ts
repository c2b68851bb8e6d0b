/**
 * Word lists for attributing quotes: the verbs that report speech, the titles
 * that stand before a name, and the capitalised words that are not names.
 */

/** Stems of speech verbs; the inflections are generated below (say → says/said/saying). */
const SPEECH_VERBS: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  sing: ['sing', 'sings', 'sang', 'singing'],
  rule: ['ruled'], // "rules" is more often the noun
  continue: ['continued'], // "to continue" rarely introduces a quote
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  speak: ['speak', 'speaks', 'spoke', 'speaking'],
};

/** Regular verbs (add -s/-ed/-ing, with the usual spelling rules spelled out where irregular). */
const REGULAR = [
  'state', 'add', 'note', 'explain', 'argue', 'insist', 'warn', 'declare', 'announce', 'reply',
  'respond', 'recall', 'claim', 'acknowledge', 'admit', 'concede', 'remark', 'observe', 'suggest', 'stress',
  'emphasize', 'emphasise', 'caution', 'complain', 'post', 'joke', 'quip', 'shout', 'yell', 'whisper', 'predict',
  'promise', 'describe', 'testify', 'counter', 'contend', 'maintain', 'urge', 'conclude', 'confirm', 'report',
  'boast', 'lament', 'muse', 'chant', 'exclaim', 'scream', 'cry', 'demand', 'plead', 'retort', 'point',
  'comment', 'assert', 'allege', 'tout', 'vow', 'pledge', 'reason', 'wonder', 'repeat', 'blast',
  'mock', 'charge', 'reiterate', 'recount', 'concur', 'interject', 'brag', 'proclaim', 'sigh', 'snap', 'chuckle',
  'laugh', 'begin', 'scold', 'exhort', 'summarize', 'summarise', 'advise', 'inform', 'tease',
];

/**
 * Verbs that name or characterize rather than report a statement (called it “…”,
 * criticized it as a “…”): they attribute a quote, and keep a one- or two-word quote.
 */
export const NAMING_VERBS = new Set([
  'call', 'calls', 'called', 'calling', 'dub', 'dubs', 'dubbed', 'dubbing', 'label', 'labels', 'labeled', 'labelled',
  'labeling', 'term', 'terms', 'termed', 'brand', 'brands', 'branded', 'describe', 'describes', 'described',
  'describing', 'characterize', 'characterized', 'characterizes', 'deem', 'deemed', 'refer', 'refers', 'referred',
  'referring', 'nickname', 'nicknamed',
  // Speech acts that characterize: "criticized the law as a “crazy system”".
  'criticize', 'criticizes', 'criticized', 'criticise', 'criticised', 'accuse', 'accuses', 'accused', 'hail', 'hails',
  'hailed', 'praise', 'praises', 'praised', 'dismiss', 'dismisses', 'dismissed', 'denounce', 'denounces', 'denounced',
  'condemn', 'condemns', 'condemned', 'slam', 'slams', 'slammed', 'decry', 'decries', 'decried', 'deride', 'derides',
  'derided', 'lambaste', 'lambasted', 'mocked', 'ridiculed', 'blasted', 'attacked', 'pounding', 'lauded', 'likened',
]);

function inflect(v: string): string[] {
  const out = [v];
  if (/[^aeiou]y$/.test(v)) out.push(v.slice(0, -1) + 'ies', v.slice(0, -1) + 'ied', v + 'ing');
  else if (v.endsWith('e')) out.push(v + 's', v + 'd', v.slice(0, -1) + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(v)) out.push(v + 'es', v + 'ed', v + 'ing');
  else if (/^(quip|snap|brag)$/.test(v)) out.push(v + 's', v + v.slice(-1) + 'ed', v + v.slice(-1) + 'ing');
  else if (v === 'begin') out.push('begins', 'began', 'beginning');
  else out.push(v + 's', v + 'ed', v + 'ing');
  return out;
}

/**
 * Speech verbs of Spanish, French and German news that follow a quote with their
 * subject after them: «…», explica X / a déclaré X / sagt X.
 */
export const FOREIGN_SPEECH_VERBS = (
  'dice dijo explica afirma asegura señala añade dicho dit déclare déclaré explique affirme ajoute sagt sagte erklärt betont meint'
).split(' ');

export const SPEECH_CUES = new Set<string>([...Object.values(SPEECH_VERBS).flat(), ...REGULAR.flatMap(inflect), ...FOREIGN_SPEECH_VERBS]);

/** The bare forms, which are as often nouns ("a comment", "the report"). */
export const BASE_FORMS = new Set<string>([...Object.keys(SPEECH_VERBS), ...REGULAR]);

/** Verbs that attribute a quote only right after it: "…,” the letter reads. */
export const AFTER_QUOTE_CUES = new Set(['read', 'reads']);

/** Speech verbs that can stand before their subject: "…," said Mayor Jane Doe / stated Leavitt. */
export const INVERTABLE = new Set<string>(
  ['say', 'says', 'said', 'ask', 'asked', 'asks', 'write', 'wrote', 'writes', 'tweeted', 'sang', 'sings'].concat(
    ['state', 'add', 'note', 'explain', 'argue', 'insist', 'warn', 'continue', 'declare', 'announce', 'reply',
      'respond', 'recall', 'claim', 'acknowledge', 'admit', 'concede', 'remark', 'observe', 'suggest', 'stress',
      'emphasize', 'emphasise', 'caution', 'complain', 'joke', 'quip', 'shout', 'yell', 'whisper', 'predict',
      'promise', 'counter', 'contend', 'conclude', 'confirm', 'boast', 'lament', 'muse', 'exclaim', 'plead',
      'retort', 'comment', 'assert', 'reiterate', 'recount', 'interject', 'brag', 'proclaim', 'sigh', 'snap',
      'chuckle', 'laugh', 'report', 'write', 'begin', 'reason', 'wonder', 'repeat'].flatMap(inflect).filter(
      (w) => !w.endsWith('ing'),
    ),
    FOREIGN_SPEECH_VERBS,
  ),
);

/** Words that may come between a subject and its speech verb: "Leavitt also said", "he later told". */
export const BETWEEN_SUBJECT_AND_VERB = new Set([
  'also', 'later', 'then', 'has', 'have', 'had', 'once', 'previously', 'recently', 'further', 'again', 'simply',
  'quickly', 'flatly', 'repeatedly', 'would', 'will', 'could', 'might', 'did', 'does', 'just', 'often', 'frequently',
  'publicly', 'privately', 'reportedly', 'allegedly', 'had', 'went', 'on', 'famously', 'memorably', 'angrily',
  'wryly', 'bluntly', 'softly', 'loudly', 'firmly', 'calmly', 'only', 'even', 'still', 'first',
  'finally', 'ultimately', 'subsequently', 'immediately', 'eventually', 'is', 'was', 'were', 'are', 'never',
]);

/** Title words before a name (capitalised or not): they are not part of the speaker's name. */
export const TITLES = new Set(
  [
    'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father',
    'sister', 'brother', 'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'senator', 'sen',
    'representative', 'rep', 'congressman', 'congresswoman', 'governor', 'gov', 'lt', 'lieutenant', 'mayor', 'judge',
    'justice', 'chief', 'general', 'gen', 'col', 'colonel', 'maj', 'major', 'capt', 'captain', 'sgt', 'sergeant',
    'officer', 'detective', 'inspector', 'commissioner', 'councillor', 'councilman', 'councilwoman', 'councilmember',
    'council', 'alderman', 'ambassador', 'envoy', 'spokesman', 'spokeswoman', 'spokesperson', 'director', 'chairman',
    'chairwoman', 'chair', 'ceo', 'coach', 'king', 'queen', 'prince', 'princess', 'pope', 'cardinal', 'bishop',
    'rabbi', 'imam', 'attorney', 'lawyer', 'speaker', 'leader', 'candidate', 'nominee', 'former', 'acting', 'deputy',
    'assistant', 'associate', 'senior', 'press', 'house', 'state', 'first', 'adviser', 'advisor', 'sheriff',
    'superintendent', 'principal', 'manager', 'founder', 'executive', 'analyst', 'economist', 'author', 'host',
    'anchor', 'reporter', 'correspondent', 'columnist', 'editor', 'activist', 'pastor', 'democrat', 'republican',
    'gop', 'presidential', 'vice-presidential', 'democratic', 'libertarian', 'rival', 'businessman', 'businesswoman',
    'billionaire', 'mogul', 'strategist', 'pollster', 'dean', 'trustee', 'commander', 'admiral', 'ret', 'jr', 'sr',
    'u.s', 'us', 'british', 'american', 'french', 'german', 'russian', 'chinese', 'israeli', 'palestinian', 'iranian',
    'ukrainian', 'canadian', 'mexican', 'indian', 'japanese', 'australian', 'irish', 'scottish', 'welsh', 'european',
    'african', 'white', 'campaign', 'aide', 'official',
  ].map((w) => w.toLowerCase()),
);

/** Capitalised words that start sentences but never names. */
export const NOT_NAME_WORDS = new Set(
  [
    'the', 'a', 'an', 'and', 'but', 'or', 'so', 'then', 'also', 'however', 'still', 'yet', 'now', 'later',
    'meanwhile', 'in', 'on', 'at', 'when', 'while', 'after', 'before', 'as', 'if', 'this', 'that', 'these', 'those',
    'both', 'instead', 'historically', 'according', 'earlier', 'today', 'yesterday', 'tomorrow', 'last', 'next',
    'here', 'there', 'what', 'why', 'how', 'who', 'where', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you', 'his',
    'her', 'their', 'our', 'my', 'your', 'one', 'some', 'many', 'most', 'all', 'no', 'not', 'yes', 'well', 'for',
    'from', 'to', 'of', 'with', 'by', 'about', 'because', 'although', 'though', 'indeed', 'finally', 'first',
    'second', 'third', 'asked', 'said', 'says', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
    'sunday', 'speaking', 'writing', 'separately', 'similarly', 'likewise', 'moreover', 'further', 'furthermore',
    'overall', 'again', 'even', 'only', 'just', 'each', 'every', 'other', 'another', 'such', 'during', 'despite',
    'amid', 'under', 'over', 'through', 'without', 'among', 'following', 'since', 'until', 'january', 'february',
    'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'like',
    'unlike', 'beyond', 'within', 'outside', 'inside', 'near',
  ].map((w) => w.toLowerCase()),
);

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we']);

/** Words that connect the parts of a name without being capitalised: Ludwig van Beethoven, Osama bin Laden. */
export const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'del', 'della', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ben', 'dos', 'das', 'y']);

/** Abbreviations that end in a full stop without ending the sentence. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'lt', 'gen', 'col', 'maj', 'capt', 'sgt', 'st', 'jr', 'sr',
  'rev', 'ret', 'u.s', 'u.k', 'u.n', 'd.c', 'inc', 'corp', 'co', 'ltd', 'no', 'vs', 'mt', 'ft', 'adm', 'supt',
]);

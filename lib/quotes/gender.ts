/**
 * Grammatical gender of a person's name, for resolving "he" and "she" to the
 * right person when two people are in play. A short hand-written list of common
 * first names in English-language news plus honorifics, then the names of
 * name-genders.json (popular first names of 106 countries, given for one gender
 * only: `npm run build:name-genders`); unknown names fit either pronoun.
 */
import { decodeWords } from '../entities/front-coding';
import { isSpace } from '../extract/spaces';
import nameGenders from './name-genders.json';

const FEMALE = `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra ashley
dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia
kathleen amy shirley angela helen anna brenda pamela nicole ruth katherine samantha christine emma catherine
debra virginia rachel carolyn janet maria heather diane julie joyce victoria kelly christina joan evelyn lauren
judith olivia frances martha cheryl megan andrea hannah jacqueline ann jean alice kathryn gloria teresa doris
sara janice julia marie madison grace judy theresa beverly denise marilyn amber danielle abigail brittany rose
diana natalie sophia alexis lori kayla jane hillary melania ivanka chelsea kellyanne nikki condoleezza kamala
karoline kristi tulsi marjorie liz ilhan alexandria ayanna rashida maxine dianne kirsten debbie huma hope sheryl
oprah taylor beyonce ursula jacinda giorgia marine hilary kate meghan camilla anne sophie charlotte isabella mia
ella chloe zoe lucy ellie amelia priti suella penny yvette harriet jess nadia kemi bridget margrethe sanna mette
annalena melanie mariah whitney britney madonna adele rihanna shakira serena venus simone megyn katie gretchen
dana sheila loretta sally valerie susana kyrsten stacey gina jill maura tammy`;

const MALE = `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter
christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce
gabriel joe logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley
philip eugene barack bill bernie mike mitt marco ted rand jeb ben chris tim newt rudy rick reince jared vladimir
xi emmanuel boris rishi keir olaf narendra recep volodymyr kim jair luis andres pedro mohammed muhammad ali
ahmed hassan omar abdul yair naftali bibi hunter beau mitch chuck lindsey jd pete ron gavin greg jim tom dick al
karl steve rex jeff elon warren sam sergey satya sundar antony lloyd merrick jake marty kanye jay drake elvis
hakeem jamie nigel ed gordon tony dominic matt nadhim sajid kwasi friedrich xavier jean-luc francois jacques
nicolas silvio mario matteo viktor sergei dmitry alexei yevgeny vitali ehud yitzhak shimon ariel mahmoud yasser
ismail bashar hosni anwar saddam osama kofi ban antonio`;

const toSet = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const FEMALE_NAMES = toSet(FEMALE);
export const MALE_NAMES = toSet(MALE);

/** The world's popular first names by gender, decoded on first use. */
let worldNames: { female: Set<string>; male: Set<string> } | null = null;
const world = () => (worldNames ??= { female: new Set(decodeWords(nameGenders.female)), male: new Set(decodeWords(nameGenders.male)) });

export type Gender = 'female' | 'male' | null;

const FEMALE_HONORIFICS = new Set(['mrs', 'ms', 'miss', 'madam', 'madame', 'lady', 'dame', 'queen', 'princess', 'sister']);
const MALE_HONORIFICS = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'brother']);

/**
 * The first word of a name as `name.trim().split(/\s+/)[0]` gives it, lower
 * case, without a full stop at its end; read by character (this runs for every
 * person and speaker found) instead of splitting the whole name.
 */
export function firstWord(name: string): string {
  let i = 0;
  while (i < name.length && isSpace(name.charCodeAt(i))) i++;
  let j = i;
  while (j < name.length && !isSpace(name.charCodeAt(j))) j++;
  const first = name.slice(i, j).toLowerCase();
  return first.endsWith('.') ? first.slice(0, -1) : first;
}

/** A lower-case name without its combining accents. */
export function foldAccents(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Gender from an honorific or first name at the start of `name`, if known and unambiguous. */
export function genderOfName(name: string): Gender {
  const first = firstWord(name);
  if (FEMALE_HONORIFICS.has(first)) return 'female';
  if (MALE_HONORIFICS.has(first)) return 'male';
  const f = FEMALE_NAMES.has(first);
  const m = MALE_NAMES.has(first);
  if (f && !m) return 'female';
  if (m && !f) return 'male';
  if (f || m) return null;
  // The world lists are stored without accents ("tomas" for Tomás).
  const folded = foldAccents(first);
  if (world().female.has(folded)) return 'female';
  if (world().male.has(folded)) return 'male';
  return null;
}

export function genderOfPronoun(p: string): Gender {
  const w = p.toLowerCase();
  if (w === 'she') return 'female';
  if (w === 'he') return 'male';
  return null;
}

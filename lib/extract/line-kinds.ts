/**
 * Kinds of short lines that are page furniture, not article prose, recognised
 * by their words alone: stock lines ("Advertisement", "Read more: …"), calls
 * to action ("Follow us on …"), timestamps and bylines. Used on HTML blocks
 * (boilerplate.ts) and on plain-text lines (plain-text.ts).
 */

/** Stock lines that are never article prose (whole text of a short block). */
export const STOCK_LINE = new RegExp(
  '^(?:' +
    [
      'advertisement', 'advertising', 'advert', 'ad', 'iklan', 'anzeige', 'publicidad', 'publicité', 'sponsored(?: content)?',
      '(?:story|article) continues below(?: (?:this )?advertisement)?', 'continue reading(?: below| the main story)?',
      'scroll to continue(?: with content)?', 'skip (?:this )?ad(?:vertisement)?', 'skip to (?:main )?content',
      'loading(?: content)?\\W*', 'sign in', 'log ?in', 'subscribe', 'caption', 'close', 'enlarge(?: (?:image|this image|photo))?',
      'image \\d+ of\\b.*', '\\d+ of \\d+', 'this slideshow requires javascript\\.?', 'breaking news', 'latest news',
      "don[’']t miss", 'share(?: this)?(?: (?:article|story|page|on \\w+))?', 'print', 'email', 'comments?',
      'view comments', 'tweet', 'pin it',
      '(?:image|photo|photograph|picture|video|graphic|source|credit)s?(?: credit)?\\s*:.*',
      '\\(?(?:image|photo)s?:.*', '©.*', '(?:getty|shutterstock|reuters|afp|ap photo|epa|alamy)\\b.{0,60}',
      '(?:read more|related(?: news| stories| articles)?|see (?:also|more)|recommended(?: reading)?|also read|more from [^.]{0,60}|read next|you (?:may|might) also like|more on this)(?:\\s*[:.»›>|-].*)?',
      'filed under\\s*:.*', 'copyright\\b.*', 'all rights reserved\\.?',
    ].join('|') +
    ')$',
  'iu',
);

/** Calls to action at the edges of articles: follow us, subscribe, tips, cookies, citations. */
export const CALL_TO_ACTION =
  /^(?:follow (?:us|\S+(?: \S+)?) on\b|subscribe to\b|sign up (?:for|to)\b|join (?:us|our)\b|have a (?:news )?tip\b|get the latest\b|this (?:website|site) uses cookies|citation\s*:|this document is subject to copyright|the contents of this site are|additional reporting by\b|(?:source|via)\s*:\s*\S|listen to .{0,40} live\b|download (?:our|the) app\b|get (?:the )?\S+(?: \S+)? app\b)/iu;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|maret|mei|agustus|oktober|desember|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre)';
const DATE_WORDS = new RegExp(
  `\\b(?:${MONTH}|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|a\\.?m|p\\.?m|[ecmp][sd]t|gmt|utc|bst|cet|ist|updated|published|posted|last|modified|on|at|by|ago|days?|hours?|minutes?|mins?|and|the|of|st|nd|rd|th)\\b\\.?`,
  'giu',
);

/** A line that says it is a timestamp ("Updated …", "Published …"). */
const STAMP = '^(?:updated|published|posted|last updated|modified|first published)\\b';
const STAMPED = new RegExp(STAMP, 'i');

const DATE_SIGN = new RegExp(
  `\\b${MONTH}\\b|\\d{1,2}:\\d{2}|\\b\\d{1,4}[./-]\\d{1,2}[./-]\\d{2,4}\\b|${STAMP}|\\bago\\b`,
  'iu',
);

/** "Updated Nov 19, 9:41 AM", "Published 1 day ago", "19.11.2019, 08:57", "Posted on March 30, 2015 by Admin". */
export function isDateLine(t: string): boolean {
  if (t.length > 120 || !/\d/.test(t)) return false;
  // Something that makes it a date or a time, not just a number ("42", "3-1", "2,500").
  if (!DATE_SIGN.test(t)) return false;
  const stamped = STAMPED.test(t);
  const rest = t
    .replace(/(\d)(\p{L})/gu, '$1 $2') // "4:20am", "13th"
    .replace(DATE_WORDS, ' ').replace(/[\d:.,;|/\-–—()]+/g, ' ').trim();
  const words = rest ? rest.split(/\s+/).length : 0;
  return words === 0 || (stamped && words <= 2);
}

/** "By Jane Doe", "by Regan September 15, 2014", "By Jane Doe - 11/18/19 11:04 PM EST": not prose. */
export function isBylineLine(t: string): boolean {
  if (t.length > 100 || !/^by\s+\p{Lu}/iu.test(t)) return false;
  return !/[.!?]["”’]?$/.test(t.replace(/\b(?:Jr|Sr|[A-Z])\.$/, '')) && t.split(/\s+/).length <= 14 && !/,\s+\p{Ll}+ /u.test(t);
}

/**
 * CNN/DailyMail stories with their highlights (../shared/corpora/cnndm-train-sample,
 * training-split stories only: never the test split).
 *
 * The dataset's article strings keep the Daily Mail's scraped page furniture at
 * their start ("By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 .
 * | . UPDATED: . …", "Last updated at 1:25 AM on 3rd August 2011 ."): a byline and
 * timestamps joined by " . " where the page had line breaks. A reader never sees
 * that run as text, so it is cut before any system reads the story; every system
 * then gets the same text.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface Story {
  id: string;
  article: string;
  highlights: string[];
}

const BYLINE = String.raw`By \. (?:[^.]{1,60} \. )(?:and [^.]{1,60} \. )?`;
const STAMP = String.raw`(?:(?:PUBLISHED|UPDATED): \. [^.]{0,40}\d{4} \. (?:\| \. )?|Last updated at [^.]{0,40}\d{4} \. )`;
const FURNITURE = new RegExp(String.raw`^(?:${BYLINE}${STAMP}*|${STAMP}+)`);

/** The story without the scraped byline and timestamp run at its start. */
export function withoutFurniture(article: string): string {
  return article.replace(FURNITURE, '');
}

export function loadStories(file: string): Story[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Story);
}

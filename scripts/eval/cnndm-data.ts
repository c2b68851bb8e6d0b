/**
 * CNN/DailyMail stories with their highlights, training and validation splits
 * only, never the test split:
 *
 * - ../shared/corpora/cnndm-train-sample: 100 training stories (mostly Daily Mail);
 * - build/corpora/cnndm-dev/stories.jsonl, when present: a larger development set
 *   assembled from public repositories (1,013 validation stories checked by the
 *   SHA1 of their URL against abisee/cnn-dailymail's test and validation lists,
 *   482 training stories; mostly CNN, 2007-2015). Its PROVENANCE.txt says where
 *   each came from. It is not committed (news text) and a fresh clone lacks it:
 *   the figures then come from the shared sample alone.
 *
 * The dataset's article strings keep the Daily Mail's scraped page furniture at
 * their start ("By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 .
 * | . UPDATED: . …", "Last updated at 1:25 AM on 3rd August 2011 ."): a byline and
 * timestamps joined by " . " where the page had line breaks. A reader never sees
 * that run as text, so it is cut before any system reads the story; every system
 * then gets the same text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Story {
  id: string;
  /** Where the story came from: 'sample' (the shared training sample), 'validation' or 'train'. */
  source: string;
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

function readJsonl(file: string, source: (row: { split?: string }) => string): Story[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const row = JSON.parse(l) as Omit<Story, 'source'> & { split?: string };
      return { id: row.id, article: row.article, highlights: row.highlights, source: source(row) };
    });
}

/** Every CNN/DM story at hand, each id once. */
export function loadStories(sharedDir: string, projectRoot: string): Story[] {
  const sample = readJsonl(join(sharedDir, 'corpora/cnndm-train-sample/train_sample.jsonl'), () => 'sample');
  const more = readJsonl(join(projectRoot, 'build/corpora/cnndm-dev/stories.jsonl'), (row) => row.split ?? 'unknown');
  const seen = new Set<string>();
  return [...sample, ...more].filter((s) => !seen.has(s.id) && seen.add(s.id));
}

/**
 * The CNN/DailyMail loader's clean-up: the Daily Mail's scraped byline and
 * timestamp run (the dataset's own shapes, as its README describes them, with
 * a made-up story after them) is cut; a story that opens with its text keeps it.
 */
import { describe, expect, it } from 'vitest';
import { withoutFurniture } from '../../scripts/eval/cnndm-data';
import { partOf } from '../../scripts/eval/holdout';

const STORY = 'A council has approved a flood barrier for the river. Work begins in spring.';

describe('withoutFurniture', () => {
  it.each([
    `By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . ${STORY}`,
    `By . Daily Mail Reporter . Last updated at 1:25 AM on 3rd August 2011 . ${STORY}`,
    `By . Mark Duell . and Hugo Gye . UPDATED: . 18:30 EST, 3 March 2012 . ${STORY}`,
    `By . Daily Mail Reporter . ${STORY}`,
    `PUBLISHED: . 07:04 EST, 9 January 2014 . | . UPDATED: . 07:16 EST, 9 January 2014 . ${STORY}`,
  ])('cuts the byline run of %s', (article) => {
    expect(withoutFurniture(article)).toBe(STORY);
  });

  it('leaves a story that opens with its text alone', () => {
    expect(withoutFurniture(STORY)).toBe(STORY);
    const cnn = `(CNN) -- ${STORY}`;
    expect(withoutFurniture(cnn)).toBe(cnn);
  });
});

describe('partOf', () => {
  it('splits ids about evenly and always the same way', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `story-${i}`);
    const held = ids.filter((id) => partOf(id) === 'held-out').length;
    expect(held).toBeGreaterThan(900);
    expect(held).toBeLessThan(1100);
    expect(ids.map(partOf)).toEqual(ids.map(partOf));
  });
});

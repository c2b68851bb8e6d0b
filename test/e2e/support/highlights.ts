/** Reading Lede's highlights back from a page, the same in every browser. */
import type { TestFrame } from './browser';

/** Whitespace runs as one space, soft hyphens and zero-width spaces dropped: how passages are compared. */
export const squash = (s: string) => s.replace(/[\u00ad\u200b]/g, '').replace(/\s+/g, ' ').trim();

/** Texts of the ranges in one of Lede's highlights in a page or frame, in document order; null when none is set. */
export async function highlightTexts(where: TestFrame, name: string): Promise<string[] | null> {
  return where.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return null;
    const ranges = [...(h as unknown as Set<Range>)];
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  }, name);
}

/** Reading Lede's highlights back from a page, the same in every browser. */
import { until, type TestFrame, type TestPage } from './browser';

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

/**
 * Every quote the popup can show, in the reading's order (the order they are
 * painted in): the statements after "Show all" is clicked, and the folded
 * quoted phrases. Each item carries its index in the reading as data-quote.
 */
export async function popupQuotes(popup: TestPage): Promise<string[]> {
  if (await popup.count('.show-all[aria-expanded="false"]')) {
    await popup.click('.show-all');
    await until(() => popup.count('.show-all[aria-expanded="true"]'), '"Show all" quotes', 5_000);
  }
  return popup.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-quote]')]
      .map((e) => ({ index: Number(e.dataset.quote), text: e.querySelector('q')?.textContent ?? '' }))
      .sort((a, b) => a.index - b.index)
      .map((q) => q.text),
  );
}

/**
 * The short-line kinds extraction removes (timestamps, bylines, stock lines,
 * calls to action), on lines of the kind real pages carry, and on prose that
 * looks close to them but is body text and must stay.
 */
import { describe, expect, it } from 'vitest';
import { CALL_TO_ACTION, isBylineLine, isDateLine, STOCK_LINE } from '../../lib/extract/line-kinds';

describe('isDateLine', () => {
  it.each([
    'Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM',
    'Published 1 day ago',
    'PUBLISHED: 10:48, Tue, Nov 19, 2019',
    'November 19, 2019 | 4:20am | Updated November 19, 2019 | 9:32pm',
    '19.11.2019, 08:57',
    'Posted on March 30, 2015 by Admin',
  ])('a timestamp: %s', (line) => expect(isDateLine(line)).toBe(true));

  it.each([
    'On March 3, 2026, the transit board met to divide the money.',
    'The vote is on May 6 at the Eastgate Library.',
    'Route 12 will run every 10 minutes.',
    'Published in 1851, the novel sold poorly.',
    '42',
    '3-1',
    '2,500 jobs',
  ])('prose: %s', (line) => expect(isDateLine(line)).toBe(false));
});

describe('isBylineLine', () => {
  it.each(['By Dana Whitcombe', 'by Regan September 15, 2014', 'By Justine Coleman - 11/18/19 11:04 PM EST', 'BY THE ASSOCIATED PRESS'])(
    'a byline: %s',
    (line) => expect(isBylineLine(line)).toBe(true),
  );
  it.each([
    'By the end of the year, the city expects to collect $38 million.',
    'By 2031 the line should be open.',
    'Bystanders watched the ferry leave.',
  ])('prose: %s', (line) => expect(isBylineLine(line)).toBe(false));
});

describe('stock lines and calls to action', () => {
  it.each(['Advertisement', 'ADVERTISEMENT', 'Story continues below advertisement', 'Read more: Riverside costs rise', 'Image 1 of / 23', '(Image: © NASA/ESA)', 'You may also like...'])(
    'stock: %s',
    (line) => expect(STOCK_LINE.test(line)).toBe(true),
  );
  it.each(['Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.', 'Subscribe to our YouTube channel for more videos.', 'Have a tip? Write to the newsroom.'])(
    'call to action: %s',
    (line) => expect(CALL_TO_ACTION.test(line)).toBe(true),
  );
  it.each(['Read the full budget report', 'Sources said the deal was close.', 'Related parties must disclose their stakes.', 'Close to half of the cost is covered.'])(
    'prose or body link: %s',
    (line) => expect(STOCK_LINE.test(line) || CALL_TO_ACTION.test(line)).toBe(false),
  );
});

/**
 * The content script's typed handler map: one entry per request type of
 * lib/messages. Built from the reading session and the page highlighter so it
 * can be tested with a real document and no browser.
 */
import type { AnchorReport, Handlers, Reply } from '@/lib/messages';
import type { HighlightColours } from '@/lib/settings';
import type { AnalyzeResult } from '@/lib/types';
import { keySentenceSpans } from '@/lib/messages';
import type { PageHighlighter } from './page-highlighter';
import type { ReadingSession } from './session';

export interface HandlerDeps {
  session: ReadingSession;
  highlighter: PageHighlighter;
  /** True when the page is too large to colour without freezing it (lib/highlight.ts, tooLargeToPaint). */
  tooLargeToPaint(): boolean;
  now(): number;
}

function emptyReport(result: AnalyzeResult, supported: boolean): AnchorReport {
  const none = { painted: false, supported };
  return result.ok
    ? { keySentences: { found: result.summary.length, anchored: 0 }, quotes: { found: result.quotes.length, anchored: 0 }, ...none }
    : { keySentences: { found: 0, anchored: 0 }, quotes: { found: 0, anchored: 0 }, ...none };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { session, highlighter } = deps;
  /** The colours of the style sheet the popup put into this tab, as long as this document lives; null: none yet. */
  let styled: HighlightColours | null = null;

  /** Anchors the current reading's passages in the live page and paints them when `on`. */
  function show(result: AnalyzeResult, on: boolean): AnchorReport {
    if (!result.ok) {
      highlighter.clear();
      return emptyReport(result, highlighter.supported);
    }
    if (deps.tooLargeToPaint()) {
      highlighter.clear();
      return { ...emptyReport(result, highlighter.supported), tooLarge: true };
    }
    const counts = highlighter.anchor(result);
    highlighter.setVisible(on);
    return { ...counts, painted: on && highlighter.supported, supported: highlighter.supported };
  }

  return {
    async analyze(m): Promise<Reply> {
      const t0 = deps.now();
      const { reading, analyzeMs, cached } = session.read(m.source, m.sentences);
      // A popup that opens has no entity chosen: the page must not keep the last one's highlight.
      highlighter.showEntity(null);
      const anchoring = show(reading.result, m.highlights);
      return { type: 'analysis', result: reading.result, anchoring, timing: { analyzeMs, totalMs: deps.now() - t0, cached } };
    },

    async setSentences(m): Promise<Reply> {
      const t0 = deps.now();
      const reading = session.setSentences(m.sentences);
      if (!reading) return { type: 'error', message: 'Nothing has been read on this page yet.' };
      const anchoring = show(reading.result, highlighter.visible);
      return { type: 'analysis', result: reading.result, anchoring, timing: { analyzeMs: 0, totalMs: deps.now() - t0, cached: true } };
    },

    highlights(m): Reply {
      highlighter.setVisible(m.on);
      return { type: 'ok' };
    },

    focus(m): Reply {
      const result = session.current?.result;
      if (!result?.ok) return { type: 'error', message: 'Nothing has been read on this page yet.' };
      const total = m.kind === 'keySentence' ? keySentenceSpans(result).length : result.quotes.length;
      if (m.index >= total) return { type: 'error', message: `No ${m.kind} number ${m.index + 1}.` };
      return highlighter.focus(m.kind, m.index)
        ? { type: 'ok' }
        : { type: 'error', message: 'That passage could not be found in the page.' };
    },

    highlightEntity(m): Reply {
      const result = session.current?.result;
      if (!result?.ok) return { type: 'error', message: 'Nothing has been read on this page yet.' };
      if (m.index !== null && m.index >= result.entities.length) return { type: 'error', message: 'No such entity.' };
      highlighter.showEntity(m.index === null ? null : result.entities[m.index]);
      return { type: 'ok' };
    },

    styled(m): Reply {
      // No sheet goes into a page too large to restyle: the popup is told, and nothing is remembered.
      if (m.colours && deps.tooLargeToPaint()) return { type: 'styled', previous: styled, tooLarge: true };
      const previous = styled;
      styled = m.colours && { ...m.colours };
      return { type: 'styled', previous };
    },
  } satisfies Handlers;
}

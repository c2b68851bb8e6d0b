/**
 * Intl.Segmenter in chunks. In V8 (Node 20, Chrome of the same era) each step
 * of a segment iterator costs time proportional to the whole input, so
 * iterating one long string is quadratic: 100k characters by word take ~2 s,
 * 250k characters ~25 s. Cutting the text into chunks of a few thousand
 * characters keeps it linear. The cuts go after a line break, else after
 * whitespace or a CJK full stop or comma: for word granularity these are
 * boundaries anyway, so the words are the same (a run of spaces may come out as
 * two segments). For sentence granularity only line breaks are sure
 * boundaries: exact when no line is longer than a chunk.
 */

export interface ChunkSegment {
  segment: string;
  /** Index into the whole text. */
  index: number;
  isWordLike?: boolean;
}

export const DEFAULT_CHUNK = 2048;

/** Where to end the chunk starting at `from`: after a line break, else after whitespace, else at a code point boundary. */
function chunkEnd(text: string, from: number, max: number): number {
  const limit = from + max;
  if (limit >= text.length) return text.length;
  const nl = text.lastIndexOf('\n', limit - 1);
  if (nl >= from + max / 4) return nl + 1;
  for (let i = limit - 1; i > from + max / 4; i--) {
    const c = text.charCodeAt(i);
    // Spaces, and CJK full stops and commas, which always end a word and never sit inside one.
    if (c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0x3001 || c === 0x3002 || c === 0xff0c) return i + 1;
  }
  // No break opportunity: cut anyway, but never between the halves of a surrogate pair.
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}

/** The segments of `text`, as Intl.Segmenter gives them, with indices into the whole text. */
export function* segmentInChunks(segmenter: Intl.Segmenter, text: string, maxChunk = DEFAULT_CHUNK): Generator<ChunkSegment> {
  for (let from = 0; from < text.length; ) {
    const to = chunkEnd(text, from, maxChunk);
    for (const s of segmenter.segment(text.slice(from, to))) {
      yield { segment: s.segment, index: from + s.index, isWordLike: s.isWordLike };
    }
    from = to;
  }
}

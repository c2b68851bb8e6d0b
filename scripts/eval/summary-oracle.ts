/**
 * The extractive oracle for a summary evaluation: the sentences, picked
 * greedily, whose joint ROUGE against the reference is best. It is the ceiling
 * for extraction from our sentence splits, and the labels the key-sentence model
 * learns from where a corpus's reference is not made of the article's sentences.
 */
import type { Span } from '../../lib/types';
import { rouge } from './rouge';

export const joinSentences = (text: string, spans: Span[], ids: number[]) => ids.map((i) => text.slice(spans[i].start, spans[i].end)).join('\n');

/** Greedy oracle: add the sentence that most raises ROUGE-1 + ROUGE-2 F1, while one does. */
export function greedyOracle(text: string, sentences: Span[], ids: number[], reference: string, k: number): number[] {
  const picked: number[] = [];
  let best = 0;
  while (picked.length < k) {
    let choice = -1;
    for (const i of ids) {
      if (picked.includes(i)) continue;
      const trial = [...picked, i].sort((a, b) => a - b);
      const r = rouge(joinSentences(text, sentences, trial), reference);
      const gain = r.rouge1.f + r.rouge2.f;
      if (gain > best) {
        best = gain;
        choice = i;
      }
    }
    if (choice < 0) break;
    picked.push(choice);
  }
  return picked.sort((a, b) => a - b);
}


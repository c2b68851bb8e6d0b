/**
 * CoNLL-style IOB2 JSONL corpora ({doc, sentences:[{tokens, ner}]}) and the
 * exact-span scoring used by the entity training and evaluation scripts.
 */
import { readFileSync } from 'node:fs';
import type { Tag } from '../../lib/entities/features';

export interface Doc {
  doc: number;
  sentences: { tokens: string[]; ner: Tag[] }[];
}

export function readIob(file: string): Doc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Doc);
}

export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** Spans [start, end) of a BIO sequence (an I- without its B- starts a span, as conlleval does). */
export function bioSpans(tags: string[]): TypedSpan[] {
  const out: TypedSpan[] = [];
  let cur: TypedSpan | null = null;
  tags.forEach((t, i) => {
    const type = t === 'O' ? null : t.slice(2);
    if (cur && (t === 'O' || t[0] === 'B' || type !== cur.type)) {
      out.push(cur);
      cur = null;
    }
    if (type && !cur) cur = { start: i, end: i + 1, type };
    else if (type && cur) cur.end = i + 1;
  });
  if (cur) out.push(cur);
  return out;
}

export const SCORED = ['PER', 'ORG', 'LOC'] as const;

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Exact-span counts over PER/ORG/LOC; a prediction that exactly matches a gold MISC span is ignored. */
export function countSpans(gold: TypedSpan[], pred: TypedSpan[], into: Record<string, Counts>): void {
  const key = (s: TypedSpan) => `${s.start}:${s.end}`;
  const goldBy = new Map(gold.map((s) => [key(s), s.type]));
  const predBy = new Map(pred.filter((s) => s.type !== 'MISC').map((s) => [key(s), s.type]));
  for (const [k, type] of predBy) {
    const g = goldBy.get(k);
    if (g === 'MISC') continue;
    if (g === type) into[type].tp++;
    else into[type].fp++;
  }
  for (const [k, type] of goldBy) {
    if (type === 'MISC') continue;
    if (predBy.get(k) !== type) into[type].fn++;
  }
}

export function emptyCounts(): Record<string, Counts> {
  return Object.fromEntries(SCORED.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
}

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function micro(counts: Record<string, Counts>): Counts {
  const all = { tp: 0, fp: 0, fn: 0 };
  for (const c of Object.values(counts)) {
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
  }
  return all;
}

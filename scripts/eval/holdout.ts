/**
 * The split every evaluation uses to keep what we tune on apart from what we
 * report: an item is held out when the FNV-1a hash of its id falls in the upper
 * half. The id is the corpus's own (a story's hash, a file's path), so the split
 * never changes with the order or the number of items read.
 */
export type Part = 'tune' | 'held-out';

export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function partOf(id: string): Part {
  return fnv1a(id) % 2 === 1 ? 'held-out' : 'tune';
}

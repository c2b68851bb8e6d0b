/** Plain-text tables for the terminal: right-aligned numbers, left-aligned text. */

export type Cell = string | number | null;

export function fmt(n: number | null, digits = 1): string {
  if (n === null || !Number.isFinite(n)) return '—';
  return n.toFixed(digits);
}

export function printTable(title: string, header: string[], rows: Cell[][]): void {
  const cells = rows.map((r) => r.map((c) => (c === null ? '—' : typeof c === 'number' ? fmt(c) : c)));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.every((r) => r[i] === null || typeof r[i] === 'number' || /^[\d.,x%—<>≤ -]+( ?(ms|KB|MB|s))?$/.test(String(r[i]))));
  const line = (r: string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells) console.log(line(r));
}

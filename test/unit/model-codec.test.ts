/**
 * The entity model's codec: numbers survive the printable number code, a table
 * survives encoding (quantized to its steps, zeros pruned, wide weights kept),
 * the shipped model.json decodes to a table that agrees with its own counts, and
 * a damaged model is refused rather than read wrongly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKETS, NTAGS } from '../../lib/entities/features';
import { decodeModel, encodeModel, NumberReader, slotOf, writeNumbers, type EncodedModel, type SparseModel } from '../../lib/entities/model-codec';
import shipped from '../../lib/entities/model.json';

function weightAt(m: SparseModel, bucket: number, tag: number): number {
  let s = slotOf(bucket, m.slotMask);
  while (m.slots[2 * s] !== -1) {
    if (m.slots[2 * s] === bucket) return m.rows[m.slots[2 * s + 1] + tag];
    s = (s + 1) & m.slotMask;
  }
  return 0;
}

describe('the number code', () => {
  it('reads back every list of non-negative integers it writes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(50), fc.nat(70_000), fc.constant(0))), (values) => {
        const s = writeNumbers(values);
        expect(s).toMatch(/^[A-Za-z0-9!#%&()*+,\-./:;=?@[\]^_{|}]*$/);
        const r = new NumberReader(s);
        expect(values.map(() => r.next())).toEqual(values);
        expect(r.done).toBe(true);
      }),
    );
  });

  it('writes a number under 43 as one character', () => {
    expect(writeNumbers([0, 1, 42]).length).toBe(3);
    expect(writeNumbers([43]).length).toBe(2);
  });

  it('refuses negative or fractional numbers, and a stream that ends inside a number', () => {
    expect(() => writeNumbers([-1])).toThrow();
    expect(() => writeNumbers([1.5])).toThrow();
    const cut = writeNumbers([100_000]).slice(0, -1);
    expect(() => new NumberReader(cut).next()).toThrow(/ends early/);
    expect(() => new NumberReader('"').next()).toThrow(/not a digit/);
  });
});

describe('encodeModel and decodeModel', () => {
  it('keep every weight to its step, drop what rounds to zero, and keep weights beyond a byte', () => {
    const step = 2.4;
    const dense = new Float64Array(BUCKETS * NTAGS);
    const cells: [number, number, number][] = [
      [0, 0, 1],
      [0, 8, -127],
      [5, 3, 128],
      [5, 4, -300],
      [1000, 2, 274],
      [BUCKETS - 1, 7, -1],
      [77, 1, 0.4], // under half a step: pruned
    ];
    for (const [b, t, q] of cells) dense[b * NTAGS + t] = q * step;
    const encoded = encodeModel(dense, step);
    expect(encoded.rows).toBe(4);
    expect(encoded.cells).toBe(6);
    const m = decodeModel(JSON.parse(JSON.stringify(encoded)));
    for (const [b, t, q] of cells) expect(weightAt(m, b, t)).toBe(Math.round(q));
    expect(weightAt(m, 5, 0)).toBe(0);
    expect(weightAt(m, 6, 3)).toBe(0);
  });

  it('decode the shipped model into as many rows and non-zero cells as it declares', () => {
    const model = shipped as EncodedModel;
    const m = decodeModel(model);
    expect(m.rows.length).toBe(model.rows * NTAGS);
    expect(m.rows.filter((w) => w !== 0).length).toBe(model.cells);
    let used = 0;
    for (let s = 0; s < m.slots.length / 2; s++) if (m.slots[2 * s] !== -1) used++;
    expect(used).toBe(model.rows);
  });

  it('refuse a model whose streams do not match its rows, or of another version', () => {
    const model = shipped as EncodedModel;
    expect(() => decodeModel({ ...model, rows: model.rows - 1 })).toThrow(/longer than its rows/);
    expect(() => decodeModel({ ...model, rows: model.rows + 1 })).toThrow(/ends early/);
    expect(() => decodeModel({ ...model, version: 3 } as unknown as EncodedModel)).toThrow(/retrain/);
  });
});

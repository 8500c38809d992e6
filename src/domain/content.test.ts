// The normalised content of returns, on returns generated from the definitions: the order of keys never
// matters, a nullable field hashes the same null or absent, version 2's nullable fields keep their null in the
// text (so stored hashes stay), anything else null is left out.
import { describe, expect, it } from 'vitest';
import { canonicalJson, normalisedReturn, returnContent } from './content';
import { seededRandom } from './seeded-random';
import { type FieldDef, TABLES, type TableDef } from './tables';
import { definedReturn, recordIn } from './test-returns';
import type { ParsedReturn } from './types';

function sampleReturn(seed = 1): ParsedReturn {
  return definedReturn((f, i, row) =>
    f.kind === 'text' || f.kind === 'bank' ? `${f.label}${seed + row}` : (seed + row) * 10 + i,
  );
}

/** The same value with every object's keys in another order. */
function shuffled(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, random));
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(() => random() - 0.5);
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffled(v, random)]));
  }
  return value;
}

function recordOf(ret: ParsedReturn, def: TableDef): Record<string, unknown> {
  return recordIn(ret, def.key);
}

const nullable = TABLES.flatMap((def) =>
  def.fields
    .filter((f: FieldDef) => f.nullable)
    .map((field) => ({ def, field, name: `${def.sheetName} ${field.key}` })),
);

describe('returnContent', () => {
  it.each([1, 2, 3, 4, 5])('does not depend on the order of keys (seed %i)', (seed) => {
    const ret = sampleReturn(seed);
    expect(returnContent(shuffled(ret, seededRandom(seed)) as ParsedReturn)).toBe(returnContent(ret));
  });

  it('is the canonical JSON of the return when every field is stated', () => {
    const ret = sampleReturn();
    const { unitId, period, cutoff, tables } = ret;
    expect(returnContent(ret)).toBe(canonicalJson({ unitId, period, cutoff, tables }));
  });

  it('covers every nullable field', () => {
    expect(nullable.length).toBeGreaterThan(0);
  });

  it.each(nullable)(
    '$name: null and absent give the same content, and differ from a stated value',
    ({ def, field }) => {
      const withNull = sampleReturn();
      recordOf(withNull, def)[field.key] = null;
      const without = sampleReturn();
      delete recordOf(without, def)[field.key];
      expect(returnContent(without)).toBe(returnContent(withNull));
      expect(returnContent(withNull)).not.toBe(returnContent(sampleReturn()));
      // Version 2 stored these as null and hashed the null: they still do, so stored hashes stay as they were.
      const normal = recordOf(normalisedReturn(without) as unknown as ParsedReturn, def);
      expect(field.hashNull ? normal[field.key] : field.key in normal).toBe(field.hashNull ? null : false);
    },
  );

  it('leaves out a null property the definition does not know, and keeps one with a value', () => {
    const ret = sampleReturn();
    const start = recordOf(ret, TABLES[0] as TableDef);
    start.extra = null;
    expect(returnContent(ret)).toBe(returnContent(sampleReturn()));
    start.extra = 5;
    expect(returnContent(ret)).toContain('"extra":5');
  });

  it('writes a missing loan need as null, as version 2 stored it', () => {
    const ret = sampleReturn();
    const noNeed = sampleReturn();
    if (ret.tables.loan) ret.tables.loan.need = null;
    delete (noNeed.tables.loan as { need?: unknown }).need;
    expect(returnContent(noNeed)).toBe(returnContent(ret));
    expect(returnContent(ret)).toContain('"need":null');
  });
});

// 手工录入 through the reader: a stored return typed back in reads to the same figures, and every figure field
// of every table definition refuses what a county's cell would be refused for, naming the input's cell.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyEntry,
  entryCell,
  entryFields,
  entryFromReturn,
  inputOfCell,
  LOAN_NEED_CELL,
  type ManualEntry,
} from '../domain/manual-entry';
import { TABLES } from '../domain/tables';
import type { ReturnTables } from '../domain/types';
import { readManualEntry } from './manual-entry';
import { readReturn } from './read-return';

const NONGAN = '220122';

/** A real county return (the 2018 sample of 农安县), as the reader stores it. */
const stored: ReturnTables = (() => {
  const file = join(
    import.meta.dirname,
    '..',
    '..',
    'fixtures',
    'samples',
    '2018-09',
    '农安县-2018年1-9月.xlsx',
  );
  const result = readReturn(new Uint8Array(readFileSync(file)), '农安县-2018年1-9月.xlsx');
  if (!result.ok || !result.returns[0]) throw new Error('sample refused');
  return result.returns[0].tables;
})();

describe('manual entry read by the reader', () => {
  it('reads a stored return typed back in to the same figures', () => {
    const result = readManualEntry(entryFromReturn(NONGAN, '2018-09', stored));
    if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('\n'));
    expect(result.returns).toHaveLength(1);
    expect(result.returns[0]).toMatchObject({ unitId: NONGAN, period: '2018-09', cutoff: '2018-09-30' });
    expect(result.returns[0]?.tables).toEqual(stored);
  });

  it('enters only the tables given; the others are said to be missing, not read as zero', () => {
    const entry: ManualEntry = {
      ...emptyEntry(NONGAN, '2018-09'),
      tables: { start: [{ plan: '1000', started: '500', startedMonth: '', declaredRate: '', note: '' }] },
    };
    const result = readManualEntry(entry);
    if (!result.ok) throw new Error('refused');
    expect(Object.keys(result.returns[0]?.tables ?? {})).toEqual(['start']);
    expect(result.warnings.filter((w) => w.code === 'table.missing')).toHaveLength(4);
  });

  it('applies the definitions’ cross-checks (started above plan)', () => {
    const entry = entryFromReturn(NONGAN, '2018-09', {
      start: { ...(stored.start as NonNullable<ReturnTables['start']>), started: 1500 },
    });
    const result = readManualEntry(entry);
    if (!result.ok) throw new Error('refused');
    expect(result.warnings.map((w) => w.code)).toContain('figure.aboveOther');
  });

  it('names the 本年棚改需贷款 cell when its value is no figure', () => {
    const entry = { ...entryFromReturn(NONGAN, '2018-09', stored), loanNeed: '待定' };
    const result = readManualEntry(entry);
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues.find((i) => i.cell === LOAN_NEED_CELL);
    expect(issue?.sheet).toBe('表2');
    expect(inputOfCell('表2', LOAN_NEED_CELL)).toEqual({ table: 'loan', rowIndex: -1, field: 'need' });
  });

  const figureFields = TABLES.flatMap((def) =>
    entryFields(def)
      .filter((f) => f.kind === 'count' || f.kind === 'money')
      .map((f) => [def, f] as const),
  );
  const badValues = [
    ['待统计', 'number.text'],
    ['约500', 'number.text'],
    ['-5', 'number.negative'],
  ] as const;
  const cases = figureFields.flatMap(([def, f]) =>
    [...badValues, ...(f.kind === 'count' ? ([['12.5', 'number.fraction']] as const) : [])].map(
      ([text, code]) => [`${def.shortName} ${f.header} “${text}”`, def, f, text, code] as const,
    ),
  );

  it.each(cases)('%s is refused at its input’s cell', (_name, def, field, text, code) => {
    const entry = entryFromReturn(NONGAN, '2018-09', stored);
    const rows = entry.tables[def.key] ?? [];
    const rowIndex = rows.length - 1;
    const row = rows[rowIndex];
    if (!row) throw new Error('no row');
    row[field.key] = text;
    const result = readManualEntry(entry);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const cell = entryCell(def, rowIndex, field.key);
    const issue = result.issues.find((i) => i.cell === cell && i.sheet === def.sheetName);
    expect(issue?.code).toBe(code);
    expect(inputOfCell(def.sheetName, cell)).toEqual({ table: def.key, rowIndex, field: field.key });
  });
});

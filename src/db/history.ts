// History of returns: every revision of a unit's return with what changed, moving the head back to an older
// revision (recorded so it can be undone), and undoing a whole import. Each change is one transaction.
import { tableDef } from '../domain/tables';
import type { FieldDef } from '../domain/tables/types';
import type { PeriodKey, ReturnTables, TableKey, UnitId } from '../domain/types';
import type { AnjuDatabase, ImportRecord, ReturnRevision } from './database';
import { storageErrorMessage } from './errors';

/** One figure that differs between two versions of a return. */
export interface FigureChange {
  /** Short table name: 棚改开工. */
  table: string;
  /** Bank or project the figure belongs to, for tables with several rows. */
  item?: string;
  /** Column label: 累计开工. */
  field: string;
  before: string;
  after: string;
}

export interface RevisionEntry {
  revision: ReturnRevision;
  isCurrent: boolean;
  /** Figures that differ from the previous revision (all figures of the first one are not listed). */
  changes: FigureChange[];
  isFirst: boolean;
}

export type HistoryResult<T> = { ok: true; value: T } | { ok: false; message: string };

const EMPTY = '—';

function yuanText(yuan: number): string {
  // Exact: 亿元 with up to 8 decimals, trailing zeros dropped (integer arithmetic, no float division).
  const sign = yuan < 0 ? '-' : '';
  const abs = Math.abs(yuan);
  const whole = Math.floor(abs / 100_000_000);
  const frac = String(abs % 100_000_000)
    .padStart(8, '0')
    .replace(/0+$/, '');
  return `${sign}${whole}${frac ? `.${frac}` : ''} 亿元`;
}

/** A stored value as the user reads it, using the field's kind. */
export function formatFigure(field: FieldDef | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value !== 'number') return String(value);
  switch (field?.kind) {
    case 'money':
      return yuanText(value);
    case 'rate':
      return `${(value / 100).toFixed(2)}%`;
    case 'count':
      return `${value}${field.headerUnit && field.headerUnit !== '%' && field.headerUnit !== '亿元' ? ` ${field.headerUnit}` : ''}`;
    default:
      return String(value);
  }
}

function fieldOf(table: TableKey, key: string): FieldDef | undefined {
  return tableDef(table).fields.find((f) => f.key === key);
}

function diffRecord(
  table: TableKey,
  item: string | undefined,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  out: FigureChange[],
): void {
  const def = tableDef(table);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (key === 'name' || key === 'bank') continue;
    const a = before?.[key];
    const b = after?.[key];
    if (a === b) continue;
    const field = fieldOf(table, key);
    const change: FigureChange = {
      table: def.shortName,
      field: field?.label ?? (key === 'need' ? '本年需贷款' : key),
      before: formatFigure(field ?? (key === 'need' ? fieldOf('loan', 'credit') : undefined), a),
      after: formatFigure(field ?? (key === 'need' ? fieldOf('loan', 'credit') : undefined), b),
    };
    if (item !== undefined) change.item = item;
    out.push(change);
  }
}

function diffRows<T extends object>(
  table: TableKey,
  nameOf: (row: T) => string,
  before: T[] | undefined,
  after: T[] | undefined,
  out: FigureChange[],
): void {
  const a = new Map((before ?? []).map((r) => [nameOf(r), r]));
  const b = new Map((after ?? []).map((r) => [nameOf(r), r]));
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    diffRecord(
      table,
      name,
      a.get(name) as Record<string, unknown> | undefined,
      b.get(name) as Record<string, unknown> | undefined,
      out,
    );
  }
}

/** Every figure that differs between two versions of a return's tables (undefined: no earlier version). */
export function diffTables(before: ReturnTables | undefined, after: ReturnTables): FigureChange[] {
  const out: FigureChange[] = [];
  const b = before ?? {};
  const rec = (v: object | undefined) => v as Record<string, unknown> | undefined;
  diffRecord('start', undefined, rec(b.start), rec(after.start), out);
  if (b.loan?.need !== after.loan?.need) {
    diffRecord('loan', undefined, { need: b.loan?.need }, { need: after.loan?.need }, out);
  }
  diffRows('loan', (l) => l.bank, b.loan?.banks, after.loan?.banks, out);
  diffRecord('expropriation', undefined, rec(b.expropriation), rec(after.expropriation), out);
  diffRows('carryOver', (p) => p.name, b.carryOver, after.carryOver, out);
  diffRecord('publicRental', undefined, rec(b.publicRental), rec(after.publicRental), out);
  return out;
}

/** The revisions of a unit's return for a period, newest first, each with what it changed. */
export async function listRevisions(
  db: AnjuDatabase,
  unitId: UnitId,
  period: PeriodKey,
): Promise<RevisionEntry[]> {
  const [revs, head] = await db.transaction('r', [db.revisions, db.heads], () =>
    Promise.all([
      db.revisions.where('[unitId+period]').equals([unitId, period]).sortBy('id'),
      db.heads.get({ unitId, period }),
    ]),
  );
  const entries = revs.map((revision, i) => ({
    revision,
    isCurrent: head?.revisionId === revision.id,
    isFirst: i === 0,
    changes: i === 0 ? [] : diffTables(revs[i - 1]?.tables, revision.tables),
  }));
  return entries.reverse();
}

function newImportId(kind: string, now: number): string {
  return `${kind}-${now}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Make an older revision current again (恢复此版本); recorded as an import so it can be undone. */
export async function restoreRevision(
  db: AnjuDatabase,
  revisionId: number,
  now = Date.now(),
): Promise<HistoryResult<ImportRecord>> {
  try {
    return await db.transaction('rw', [db.revisions, db.heads, db.imports], async () => {
      const rev = await db.revisions.get(revisionId);
      if (!rev) return { ok: false, message: '找不到要恢复的版本（可能已被清除），请刷新本页。' } as const;
      const head = await db.heads.get({ unitId: rev.unitId, period: rev.period });
      if (head?.revisionId === revisionId) return { ok: false, message: '该版本已是当前版本。' } as const;
      const record: ImportRecord = {
        id: newImportId('restore', now),
        at: now,
        kind: 'restore',
        files: [rev.fileName],
        changes: [{ unitId: rev.unitId, period: rev.period, from: head?.revisionId ?? null, to: revisionId }],
      };
      await db.heads.put({ unitId: rev.unitId, period: rev.period, revisionId, updatedAt: now });
      await db.imports.add(record);
      return { ok: true, value: record } as const;
    });
  } catch (err) {
    return { ok: false, message: storageErrorMessage(err) };
  }
}

/**
 * Undo an import (or merge, restore, or undo) as a whole: every head it moved goes back to where it was, or
 * to absent. Refused, with nothing changed, if a later change has since moved one of those heads: undo that first.
 */
export async function undoImport(
  db: AnjuDatabase,
  importId: string,
  now = Date.now(),
): Promise<HistoryResult<ImportRecord>> {
  try {
    return await db.transaction('rw', [db.heads, db.imports], async () => {
      const rec = await db.imports.get(importId);
      if (!rec) return { ok: false, message: '找不到这条导入记录，请刷新本页。' } as const;
      if (rec.undone) return { ok: false, message: '这次导入已经撤销过了。' } as const;
      const moved: string[] = [];
      for (const c of rec.changes) {
        const head = await db.heads.get({ unitId: c.unitId, period: c.period });
        if ((head?.revisionId ?? null) !== c.to) moved.push(`${c.unitId}（${c.period}）`);
      }
      if (moved.length > 0) {
        return {
          ok: false,
          message: `无法撤销：以下月报在这次导入之后又有更改：${moved.join('、')}。请先撤销之后的导入或恢复，再撤销这一次。未做任何更改。`,
        } as const;
      }
      for (const c of rec.changes) {
        if (c.from === null) await db.heads.where('[unitId+period]').equals([c.unitId, c.period]).delete();
        else await db.heads.put({ unitId: c.unitId, period: c.period, revisionId: c.from, updatedAt: now });
      }
      const undo: ImportRecord = {
        id: newImportId('undo', now),
        at: now,
        kind: 'undo',
        files: rec.files,
        changes: rec.changes.map((c) => ({ unitId: c.unitId, period: c.period, from: c.to, to: c.from })),
      };
      await db.imports.update(importId, { undone: true });
      await db.imports.add(undo);
      return { ok: true, value: undo } as const;
    });
  } catch (err) {
    return { ok: false, message: storageErrorMessage(err) };
  }
}

/** The most recent imports, newest first. */
export async function listRecentImports(db: AnjuDatabase, limit = 20): Promise<ImportRecord[]> {
  return db.imports.orderBy('at').reverse().limit(limit).toArray();
}

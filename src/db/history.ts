// History of returns: every revision of a unit's return with what changed, moving the head back to an older
// revision (recorded so it can be undone), and undoing a whole import. Each change is one transaction.
import { notice } from '../domain/messages';
import type { PeriodKey, UnitId } from '../domain/types';
import type { AnjuDatabase, ImportRecord, ReturnRevision } from './database';
import { storageErrorMessage } from './errors';
import { diffReturnTables, type FigureChange } from './return-diff';

export type { FigureChange };

export interface RevisionEntry {
  revision: ReturnRevision;
  isCurrent: boolean;
  /** Figures that differ from the previous revision (all figures of the first one are not listed). */
  changes: FigureChange[];
  isFirst: boolean;
}

export type HistoryResult<T> = { ok: true; value: T } | { ok: false; message: string };

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
    changes: i === 0 ? [] : diffReturnTables(revs[i - 1]?.tables ?? {}, revision.tables),
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
      if (!rev) return { ok: false, message: notice('history.revisionGone') } as const;
      const head = await db.heads.get({ unitId: rev.unitId, period: rev.period });
      if (head?.revisionId === revisionId)
        return { ok: false, message: notice('history.alreadyCurrent') } as const;
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
      if (!rec) return { ok: false, message: notice('history.importGone') } as const;
      if (rec.undone) return { ok: false, message: notice('history.alreadyUndone') } as const;
      const moved: string[] = [];
      for (const c of rec.changes) {
        const head = await db.heads.get({ unitId: c.unitId, period: c.period });
        if ((head?.revisionId ?? null) !== c.to) moved.push(`${c.unitId}（${c.period}）`);
      }
      if (moved.length > 0) {
        return {
          ok: false,
          message: notice('history.movedSince', { returns: moved.join('、') }),
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

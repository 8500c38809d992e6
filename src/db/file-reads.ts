// The kept outcome of every file read (fileReads): refused files are recorded when read, so 导入记录, the
// completeness grid and the bulletin still know about them after a reload; a stored file's record is written
// in the transaction of its return, and marks the unit's earlier refusals for the period as resolved.
import { useLiveQuery } from 'dexie-react-hooks';
import type { ImportIssue, PeriodKey, TableReading, UnitId } from '../domain/types';
import { type AnjuDatabase, db as appDb, type FileReadRecord } from './database';

/** One record per file: the same bytes under the same name, read again, are the same read. */
export function fileReadId(fileName: string, fileHash: string, size = 0): string {
  return `${fileHash || `size-${size}`}|${fileName}`;
}

/** A refused file as the reader gave it back. */
export interface RefusedRead {
  fileName: string;
  fileHash: string;
  size: number;
  issues: ImportIssue[];
  tables: TableReading[];
  unitId?: UnitId;
  period?: PeriodKey;
}

/**
 * Record refused files (importId null). A file already stored since (reviewed and imported) keeps its record:
 * reading its original bytes again must not turn it back into a refusal.
 */
export async function recordRefusedReads(
  db: AnjuDatabase,
  reads: readonly RefusedRead[],
  now = Date.now(),
): Promise<void> {
  if (reads.length === 0) return;
  await db.transaction('rw', db.fileReads, async () => {
    const ids = reads.map((r) => fileReadId(r.fileName, r.fileHash, r.size));
    const existing = await db.fileReads.bulkGet(ids);
    const records: FileReadRecord[] = [];
    reads.forEach((read, i) => {
      const held = existing[i];
      if (held && held.importId !== null) return;
      const record: FileReadRecord = {
        id: ids[i] as string,
        importId: null,
        at: now,
        fileName: read.fileName,
        fileHash: read.fileHash,
        status: 'refused',
        issues: read.issues,
        tables: read.tables,
      };
      if (read.unitId) record.unitId = read.unitId;
      if (read.period) record.period = read.period;
      records.push(record);
    });
    await db.fileReads.bulkPut(records);
  });
}

/**
 * Inside the returns' transaction: keep each stored return's file record, and mark the refused files of the
 * same unit and period as resolved. One read per period and one write for the whole chunk (not two requests
 * per return), each period's records read at once (getAll) and filtered here.
 */
export async function writeStoredReads(
  db: AnjuDatabase,
  items: readonly { record: FileReadRecord | undefined; unitId: UnitId; period: PeriodKey }[],
): Promise<void> {
  if (items.length === 0) return;
  const records = items.flatMap((i) => (i.record ? [i.record] : []));
  const own = new Set(records.map((r) => r.id));
  const stored = new Set(items.map((i) => `${i.unitId}|${i.period}`));
  const periods = [...new Set(items.map((i) => i.period))];
  const resolved: FileReadRecord[] = [];
  for (const period of periods) {
    for (const r of await db.fileReads.where('period').equals(period).toArray()) {
      if (r.importId !== null || r.status !== 'refused' || own.has(r.id)) continue;
      if (r.unitId !== undefined && stored.has(`${r.unitId}|${r.period}`))
        resolved.push({ ...r, status: 'resolved' });
    }
  }
  if (resolved.length + records.length > 0) await db.fileReads.bulkPut([...resolved, ...records]);
}

/** Every kept file read, newest first. */
export async function listFileReads(db: AnjuDatabase): Promise<FileReadRecord[]> {
  return db.fileReads.orderBy('at').reverse().toArray();
}

/** Refused files not resolved since, newest first. */
export async function listRefusedReads(db: AnjuDatabase): Promise<FileReadRecord[]> {
  return (await listFileReads(db)).filter((r) => r.importId === null && r.status === 'refused');
}

/**
 * Units that sent a file for the period which was refused and has not been resolved, and that hold no return
 * for the period: 已报送未导入 (a file came), never 未报送 (no file).
 */
export async function refusedUnits(db: AnjuDatabase, period: PeriodKey): Promise<UnitId[]> {
  return db.transaction('r', [db.fileReads, db.heads], async () => {
    const refused = (await db.fileReads.where('period').equals(period).toArray()).filter(
      (r) => r.importId === null && r.status === 'refused' && r.unitId !== undefined,
    );
    const heads = await db.heads.where('period').equals(period).toArray();
    const stored = new Set(heads.map((h) => h.unitId));
    return [...new Set(refused.map((r) => r.unitId as UnitId))].filter((id) => !stored.has(id));
  });
}

/** Delete a refused file's record (the user dealt with it outside the app). */
export async function deleteFileRead(db: AnjuDatabase, id: string): Promise<void> {
  await db.fileReads.delete(id);
}

export function useRefusedUnits(period: PeriodKey | null): UnitId[] | undefined {
  return useLiveQuery(() => (period ? refusedUnits(appDb, period) : Promise.resolve([])), [period]);
}

export function useRefusedReads(): FileReadRecord[] | undefined {
  return useLiveQuery(() => listRefusedReads(appDb), []);
}

export function useFileReads(): FileReadRecord[] | undefined {
  return useLiveQuery(() => listFileReads(appDb), []);
}

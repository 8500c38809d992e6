// The files of a period that were read, refused and not resolved since (fileReads with status 'refused'), by
// unit: 概览 names these units as having a return still to resolve. A refused file that named no unit or period
// cannot be placed and is left to the import page's own list.
import type { PeriodKey, UnitId } from '../domain/types';
import type { AnjuDatabase } from './database';

export interface UnresolvedFileRecord {
  unitId: UnitId;
  fileName: string;
}

export async function listUnresolvedFiles(
  db: AnjuDatabase,
  period: PeriodKey,
): Promise<UnresolvedFileRecord[]> {
  const reads = await db.fileReads.where('period').equals(period).toArray();
  return reads
    .filter((r) => r.status === 'refused' && r.unitId !== undefined)
    .sort((a, b) => a.at - b.at)
    .map((r) => ({ unitId: r.unitId as UnitId, fileName: r.fileName }));
}

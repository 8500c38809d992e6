// What a return brings besides its figures, written in the same transaction as its revision: the cells
// corrected by hand (kept on the revision with their original text and note), the header mappings confirmed in
// the review (saved as the unit's 表头对照), and the record of the file it was read from.
import type { PeriodKey, UnitId } from '../domain/types';
import type {
  AnjuDatabase,
  FileReadRecord,
  LayoutRecord,
  ReturnRevision,
  StoredCorrection,
} from './database';
import { writeStoredReads } from './file-reads';

export interface CandidateExtras {
  /** Cells given a value by hand in the review (手工更正). */
  corrections?: StoredCorrection[];
  /** The saved header mappings the file was read with (their ids). */
  layoutIds?: string[];
  /** Where hand-typed figures come from (手工录入, 手工更正). */
  note?: string;
  /** Header mappings confirmed in the review: saved with the return (savedAt is the import's time). */
  layouts?: Omit<LayoutRecord, 'savedAt'>[];
  /** The file's read record; importId and time are filled in when the return is written. */
  fileRead?: Omit<FileReadRecord, 'importId' | 'at'>;
}

/** The tables a transaction writing a return with its extras must cover. */
export function extraTables(db: AnjuDatabase) {
  return [db.layouts, db.fileReads];
}

/** The revision's own part of the extras. */
export function revisionExtras(
  extras: CandidateExtras,
): Pick<ReturnRevision, 'corrections' | 'layoutIds' | 'note'> {
  const out: Pick<ReturnRevision, 'corrections' | 'layoutIds' | 'note'> = {};
  if (extras.corrections && extras.corrections.length > 0) out.corrections = extras.corrections;
  if (extras.layoutIds && extras.layoutIds.length > 0) out.layoutIds = extras.layoutIds;
  if (extras.note) out.note = extras.note;
  return out;
}

/** Inside the returns' transaction: save their confirmed mappings and their files' records; resolve refusals. */
export async function writeExtras(
  db: AnjuDatabase,
  items: readonly {
    extras: CandidateExtras;
    stored: { unitId: UnitId; period: PeriodKey; importId: string; at: number };
  }[],
): Promise<void> {
  const layouts = items.flatMap(({ extras, stored }) =>
    (extras.layouts ?? []).map((l) => ({ ...l, savedAt: stored.at })),
  );
  if (layouts.length > 0) await db.layouts.bulkPut(layouts);
  await writeStoredReads(
    db,
    items.map(({ extras, stored }) => ({
      record: extras.fileRead ? { ...extras.fileRead, importId: stored.importId, at: stored.at } : undefined,
      unitId: stored.unitId,
      period: stored.period,
    })),
  );
}

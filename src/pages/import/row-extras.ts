// What a file's row brings to the store with its returns, beside the figures: the corrections and mappings
// decided in 核对, the saved mappings it was read with, and the record of the file read (its outcome).
import type { FileReadRecord, LayoutRecord, StoredCorrection } from '../../db/database';
import { fileReadId } from '../../db/file-reads';
import type { CandidateExtras } from '../../db/import-extras';
import { layoutId } from '../../db/layouts-repo';
import type { ImportIssue, ParsedReturn, ReadResult, TableReading } from '../../domain/types';
import type { ReadFile } from '../../import/reader-client';

/** What 核对 decided for a file: the first read (refused, or doubtful), the corrections and the mappings. */
export interface ReviewDecision {
  first: ReadResult;
  corrections: StoredCorrection[];
  /** The unit's 表头对照 as confirmed (saved when the file is imported). */
  layouts: Omit<LayoutRecord, 'savedAt'>[];
  /** The column choices made (by choiceKey), to reopen the review where it was left. */
  choices: [string, string | null][];
}

/** Tables of a read that took a column from a saved mapping. */
export function tablesReadByLayout(result: ReadResult): TableReading[] {
  return result.tables.filter((t) => t.columns.some((c) => c.how === 'layout'));
}

/** The ids of the mappings a return was read with: its unit's, for each table a mapping was used in. */
export function layoutIdsOf(result: ReadResult, ret: ParsedReturn, review?: ReviewDecision): string[] {
  const ids = new Set(tablesReadByLayout(result).map((t) => layoutId(ret.unitId, t.table)));
  for (const l of review?.layouts ?? []) if (l.unitId === ret.unitId) ids.add(l.id);
  return [...ids];
}

/** The issues kept with a stored file: its errors as first read (all resolved by the review) and its warnings. */
function keptIssues(result: ReadResult, review?: ReviewDecision): ImportIssue[] {
  const warnings = result.ok ? result.warnings : [];
  const first = review && !review.first.ok ? review.first.issues : [];
  return [...first, ...warnings];
}

/** The record of a stored file (importId and time are filled in by the write). */
export function storedReadOf(
  read: ReadFile,
  ret: ParsedReturn,
  combined: boolean,
  review?: ReviewDecision,
): Omit<FileReadRecord, 'importId' | 'at'> {
  const layoutIds = layoutIdsOf(read.result, ret, review);
  const status: FileReadRecord['status'] =
    review && review.corrections.length > 0 ? 'corrected' : layoutIds.length > 0 ? 'mapped' : 'accepted';
  const record: Omit<FileReadRecord, 'importId' | 'at'> = {
    id: fileReadId(read.fileName, read.sha256, read.size),
    fileName: read.fileName,
    fileHash: read.sha256,
    period: ret.period,
    status,
    issues: keptIssues(read.result, review),
    // The preview's cell values are the review's business, not the record's.
    tables: read.result.tables.map(({ values: _values, ...table }) => table),
  };
  // A combined workbook (a row per unit) is no one unit's file.
  if (!combined) record.unitId = ret.unitId;
  if (review && review.corrections.length > 0) record.corrections = review.corrections;
  if (layoutIds.length > 0) record.layoutIds = layoutIds;
  return record;
}

/** The extras of one return of a file's row. */
export function candidateExtras(read: ReadFile, ret: ParsedReturn, review?: ReviewDecision): CandidateExtras {
  const combined = read.result.ok && new Set(read.result.returns.map((r) => r.unitId)).size > 1;
  const extras: CandidateExtras = { fileRead: storedReadOf(read, ret, combined, review) };
  const layoutIds = layoutIdsOf(read.result, ret, review);
  if (layoutIds.length > 0) extras.layoutIds = layoutIds;
  if (review) {
    // A combined workbook's corrections go with each of its returns: they are the file's.
    if (review.corrections.length > 0) extras.corrections = review.corrections;
    const layouts = review.layouts.filter((l) => l.unitId === ret.unitId);
    if (layouts.length > 0) extras.layouts = layouts;
  }
  return extras;
}

/** The unit a read names: its returns', else the refused file's, else a table's 填报单位. */
export function unitOfRead(result: ReadResult): string | undefined {
  if (result.ok) return result.returns[0]?.unitId;
  return result.unitId ?? result.tables.find((t) => t.unitId)?.unitId;
}

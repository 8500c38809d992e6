// Storing a manual entry: a revision of origin 手工录入 with its note, planned against the store like a file
// (new, the same as stored, or a replacement the user confirms after seeing the changed figures) and written
// by the import path in one transaction, so it can be undone and restored like any import.
import { db } from '../../db/database';
import { type CommitOutcome, commitImport, type PlannedReturn, planImport } from '../../db/import-repo';
import { MANUAL_FILE_NAME, type ManualEntry } from '../../domain/manual-entry';
import { sha256Hex } from '../../domain/sha256';
import type { ParsedReturn } from '../../domain/types';

/** Plan the entry's return: its status against the store, with the figures a replacement changes. */
export async function planEntry(entry: ManualEntry, ret: ParsedReturn, note: string): Promise<PlannedReturn> {
  const plans = await planImport(db, [
    {
      fileName: MANUAL_FILE_NAME,
      // What was typed stands for the file: the same entry twice is the same "file".
      fileHash: await sha256Hex(JSON.stringify({ entry, note })),
      ret,
      note,
    },
  ]);
  const plan = plans[0];
  if (!plan) throw new Error('no plan');
  return plan;
}

/** Write a planned entry (a replacement only once confirmed by the caller). */
export async function saveEntry(plan: PlannedReturn): Promise<CommitOutcome | undefined> {
  const { outcomes } = await commitImport(db, [plan], { kind: 'manual', origin: 'manual' });
  return outcomes[0];
}

// The backup reminder: when the last backup was made and whether data changed since, a week or more ago. Kept
// apart from backup.ts so that the header's reminder does not bring the backup writer (and fflate) into the
// first visit.
import type { AnjuDatabase } from './database';

/** Setting key: when the last backup was exported (epoch ms). */
export const LAST_BACKUP_KEY = 'backup.lastAt';
/** A backup older than this, with changes since, gets a reminder. */
export const BACKUP_REMINDER_MS = 7 * 24 * 60 * 60 * 1000;

/** Latest change to the data a backup protects: an import (of any kind), a bulletin text, a target, an issue. */
export async function lastDataChange(db: AnjuDatabase): Promise<number | null> {
  const lastImport = await db.imports.orderBy('at').last();
  const lastBulletin = (await db.bulletins.toArray()).reduce((max, b) => Math.max(max, b.savedAt), 0);
  const lastTarget = (await db.targets.toArray()).reduce((max, t) => Math.max(max, t.updatedAt), 0);
  const lastIssued = (await db.issued.toArray()).reduce((max, r) => Math.max(max, r.issuedAt), 0);
  const at = Math.max(lastImport?.at ?? 0, lastBulletin, lastTarget, lastIssued);
  return at > 0 ? at : null;
}

export interface BackupReminder {
  lastBackupAt: number | null;
  lastChangeAt: number | null;
  /** True when data changed since the last backup and that backup (or, never backed up, the first data) is over a week old. */
  due: boolean;
}

export async function backupReminder(db: AnjuDatabase, now = Date.now()): Promise<BackupReminder> {
  const rec = await db.settings.get(LAST_BACKUP_KEY);
  const lastBackupAt = typeof rec?.value === 'number' ? rec.value : null;
  const lastChangeAt = await lastDataChange(db);
  if (lastChangeAt === null) return { lastBackupAt, lastChangeAt, due: false };
  if (lastBackupAt !== null) {
    return {
      lastBackupAt,
      lastChangeAt,
      due: lastChangeAt > lastBackupAt && now - lastBackupAt > BACKUP_REMINDER_MS,
    };
  }
  const firstImport = await db.imports.orderBy('at').first();
  const since = firstImport?.at ?? lastChangeAt;
  return { lastBackupAt, lastChangeAt, due: now - since > BACKUP_REMINDER_MS };
}

// Backups: the whole database as one checked file (format name, version, SHA-256), read back with every
// failure refused in Chinese before anything is written, restored in one transaction. (The reminder is in
// backup-reminder.ts, off the first visit's path.)

import { gunzipSync, gzipSync, strToU8 } from 'fflate';
import { issuedRecordProblem } from '../domain/bulletin/issue';
import { notice } from '../domain/messages';
import { storedReturnProblem } from '../domain/return-check';
import { sha256Hex } from '../domain/sha256';
import { targetRecordProblem } from '../domain/targets';
import { LAST_BACKUP_KEY } from './backup-reminder';
import type {
  AnjuDatabase,
  BulletinText,
  FileReadRecord,
  ImportRecord,
  IssuedBulletinRecord,
  LayoutRecord,
  ReturnHead,
  ReturnRevision,
  SettingRecord,
  TargetRecord,
} from './database';
import { storageErrorMessage } from './errors';
import { DATA_VERSION, migrateData, STORE_NAMES } from './migrations';

export const BACKUP_FORMAT = 'anju-progress-backup';
/** The backup format's version is the data version: a backup is upgraded by the data migrations. */
export const BACKUP_VERSION = DATA_VERSION;

/** Every record of every table, in primary-key order. */
export interface BackupData {
  revisions: ReturnRevision[];
  heads: ReturnHead[];
  imports: ImportRecord[];
  settings: SettingRecord[];
  bulletins: BulletinText[];
  layouts: LayoutRecord[];
  targets: TargetRecord[];
  issued: IssuedBulletinRecord[];
  fileReads: FileReadRecord[];
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The Dexie schema version the data was read from. */
  schemaVersion: number;
  exportedAt: number;
  /** SHA-256 (hex) of JSON.stringify(data). */
  sha256: string;
  data: BackupData;
}

export type BackupProblemCode =
  | 'damaged'
  | 'format'
  | 'newer'
  | 'checksum'
  | 'shape'
  | 'not-empty'
  | 'storage';

export type BackupResult<T> =
  | { ok: true; value: T }
  | { ok: false; code: BackupProblemCode; message: string };

const TABLE_NAMES = STORE_NAMES;

/** Every store of the database, for transactions that cover the whole of it. */
function allTables(db: AnjuDatabase) {
  return TABLE_NAMES.map((name) => db.table(name));
}

/** Every record of every table, read in one transaction so the copy is consistent. */
export async function dumpDatabase(db: AnjuDatabase): Promise<BackupData> {
  return db.transaction('r', allTables(db), async () => {
    const out: Record<string, unknown[]> = {};
    for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
    return out as unknown as BackupData;
  });
}

export async function createBackup(db: AnjuDatabase, now = Date.now()): Promise<BackupFile> {
  const data = await dumpDatabase(db);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schemaVersion: db.verno,
    exportedAt: now,
    sha256: await sha256Hex(JSON.stringify(data)),
    data,
  };
}

/** The file's bytes: pretty JSON, or gzip of the compact JSON. */
export function encodeBackup(backup: BackupFile, gzip: boolean): Uint8Array {
  if (gzip) return gzipSync(strToU8(JSON.stringify(backup)), { level: 9, mtime: backup.exportedAt });
  return strToU8(JSON.stringify(backup, null, 1));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** 安居月报备份-YYYYMMDD-HHmm.json (or .json.gz), in local time. */
export function backupFileName(at: Date, gzip: boolean): string {
  const stamp = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}`;
  return `安居月报备份-${stamp}.json${gzip ? '.gz' : ''}`;
}

/** Make the backup, record its time (so the reminder resets) and return the file to save. */
export async function exportBackup(
  db: AnjuDatabase,
  gzip: boolean,
  now = new Date(),
): Promise<{ fileName: string; bytes: Uint8Array; backup: BackupFile }> {
  // Recorded first so the backup itself carries it: a restored app knows when its data was last saved away.
  await db.settings.put({ key: LAST_BACKUP_KEY, value: now.getTime() });
  const backup = await createBackup(db, now.getTime());
  const bytes = encodeBackup(backup, gzip);
  return { fileName: backupFileName(now, gzip), bytes, backup };
}

function refuse(
  code: BackupProblemCode,
  message: string,
): { ok: false; code: BackupProblemCode; message: string } {
  return { ok: false, code, message };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// Enough structure that a restore cannot store junk the pages would trip over.
function shapeProblem(data: Record<string, unknown>): string | null {
  for (const name of TABLE_NAMES) {
    if (!Array.isArray(data[name])) return `缺少“${name}”数据表`;
  }
  const revisions = data.revisions as unknown[];
  for (const [i, r] of revisions.entries()) {
    if (
      !isObject(r) ||
      typeof r.id !== 'number' ||
      typeof r.unitId !== 'string' ||
      typeof r.period !== 'string' ||
      typeof r.contentHash !== 'string' ||
      !isObject(r.tables)
    ) {
      return `第 ${i + 1} 个月报版本记录不完整`;
    }
  }
  const ids = new Set(revisions.map((r) => (r as { id: number }).id));
  for (const [i, h] of (data.heads as unknown[]).entries()) {
    if (
      !isObject(h) ||
      typeof h.unitId !== 'string' ||
      typeof h.period !== 'string' ||
      !ids.has(h.revisionId as number)
    ) {
      return `第 ${i + 1} 个当前版本记录指向不存在的月报版本`;
    }
  }
  for (const [i, rec] of (data.imports as unknown[]).entries()) {
    if (!isObject(rec) || typeof rec.id !== 'string' || !Array.isArray(rec.changes))
      return `第 ${i + 1} 个导入记录不完整`;
  }
  for (const [i, s] of (data.settings as unknown[]).entries()) {
    if (!isObject(s) || typeof s.key !== 'string') return `第 ${i + 1} 个设置记录不完整`;
  }
  for (const [i, b] of (data.bulletins as unknown[]).entries()) {
    if (!isObject(b) || typeof b.period !== 'string' || typeof b.text !== 'string')
      return `第 ${i + 1} 个通报文字记录不完整`;
  }
  for (const [i, t] of (data.targets as unknown[]).entries()) {
    const bad = targetRecordProblem(t);
    if (bad) return `第 ${i + 1} 个年度目标记录${bad}`;
  }
  for (const [i, r] of (data.issued as unknown[]).entries()) {
    const bad = issuedRecordProblem(r);
    if (bad) return `第 ${i + 1} 个已签发通报记录${bad}`;
  }
  return null;
}

/** Read a backup file: gzip or JSON, format, version, checksum and shape checked. Never throws. */
export async function readBackup(bytes: Uint8Array, fileName: string): Promise<BackupResult<BackupFile>> {
  let raw: Uint8Array = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      raw = gunzipSync(bytes);
    } catch {
      return refuse('damaged', notice('backup.undecodable', { file: fileName }));
    }
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    // A plain .json with a changed byte is no longer UTF-8 text: damaged, not a broken compression.
    return refuse('damaged', notice('backup.notJson', { file: fileName }));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('damaged', notice('backup.notJson', { file: fileName }));
  }
  if (!isObject(parsed) || parsed.format !== BACKUP_FORMAT) {
    return refuse('format', notice('backup.format', { file: fileName, format: BACKUP_FORMAT }));
  }
  if (typeof parsed.version !== 'number' || !Number.isInteger(parsed.version) || parsed.version < 1) {
    return refuse('format', notice('backup.badVersion', { file: fileName }));
  }
  if (parsed.version > BACKUP_VERSION) {
    return refuse(
      'newer',
      notice('backup.newer', { file: fileName, version: parsed.version, supported: BACKUP_VERSION }),
    );
  }
  if (!isObject(parsed.data) || typeof parsed.sha256 !== 'string') {
    return refuse('shape', notice('backup.noData', { file: fileName }));
  }
  const sum = await sha256Hex(JSON.stringify(parsed.data));
  if (sum !== parsed.sha256) {
    return refuse('checksum', notice('backup.checksum', { file: fileName }));
  }
  // An older backup is brought to the current data version before it is checked and written.
  const data = migrateData(parsed.version, parsed.data as Record<string, unknown[]>);
  const problem = shapeProblem(data);
  if (problem) return refuse('shape', notice('backup.shape', { file: fileName, problem }));
  // Every stored return by the reader's rules, from the table definitions: a matching checksum proves nothing of them.
  for (const [i, r] of (data.revisions ?? []).entries()) {
    const bad = storedReturnProblem(r, i + 1);
    if (bad) return refuse('shape', notice('backup.record', { file: fileName, problem: bad }));
  }
  return {
    ok: true,
    value: {
      ...(parsed as unknown as BackupFile),
      version: BACKUP_VERSION,
      data: data as unknown as BackupData,
    },
  };
}

/** How much the database holds, for the wipe confirmation and the restore choice. */
export interface DatabaseCounts {
  /** Current returns (heads). */
  returns: number;
  revisions: number;
  settings: number;
  bulletins: number;
  imports: number;
  /** Annual targets (unit × year) and issued bulletin versions. */
  targets: number;
  issued: number;
}

export async function countDatabase(db: AnjuDatabase): Promise<DatabaseCounts> {
  return db.transaction(
    'r',
    [db.revisions, db.heads, db.imports, db.settings, db.bulletins, db.targets, db.issued],
    async () => ({
      returns: await db.heads.count(),
      revisions: await db.revisions.count(),
      settings: await db.settings.count(),
      bulletins: await db.bulletins.count(),
      imports: await db.imports.count(),
      targets: await db.targets.count(),
      issued: await db.issued.count(),
    }),
  );
}

/**
 * Empty means no returns, no bulletin texts, no imports, no targets and nothing issued; settings alone
 * (thresholds, backup time) don't count.
 */
export function isEmptyDatabase(counts: DatabaseCounts): boolean {
  return (
    counts.revisions === 0 &&
    counts.returns === 0 &&
    counts.bulletins === 0 &&
    counts.imports === 0 &&
    counts.targets === 0 &&
    counts.issued === 0
  );
}

async function writeAll(db: AnjuDatabase, data: BackupData): Promise<void> {
  await db.revisions.bulkAdd(data.revisions);
  await db.heads.bulkAdd(data.heads);
  await db.imports.bulkAdd(data.imports);
  await db.settings.bulkPut(data.settings);
  await db.bulletins.bulkAdd(data.bulletins);
  await db.layouts.bulkAdd(data.layouts);
  await db.targets.bulkAdd(data.targets);
  await db.issued.bulkAdd(data.issued);
  await db.fileReads.bulkAdd(data.fileReads);
}

/**
 * Restore into an empty app: afterwards the database holds exactly the backup's records. Refused when the
 * app already holds returns (offer merge or clear-then-restore instead). One transaction: all or nothing.
 */
export async function restoreBackup(
  db: AnjuDatabase,
  backup: BackupFile,
): Promise<BackupResult<DatabaseCounts>> {
  try {
    const refused = await db.transaction('rw', allTables(db), async () => {
      const counts = await countDatabase(db);
      if (!isEmptyDatabase(counts)) return true;
      // Settings of a fresh app (e.g. a threshold changed before restoring) give way to the backup's.
      await db.settings.clear();
      await writeAll(db, backup.data);
      return false;
    });
    if (refused) {
      return refuse('not-empty', notice('backup.notEmpty'));
    }
    return { ok: true, value: await countDatabase(db) };
  } catch (err) {
    return refuse('storage', storageErrorMessage(err));
  }
}

/** Clear every table and restore the backup, in one transaction: on any failure the old data stays. */
export async function replaceWithBackup(
  db: AnjuDatabase,
  backup: BackupFile,
): Promise<BackupResult<DatabaseCounts>> {
  try {
    await db.transaction('rw', allTables(db), async () => {
      await Promise.all(allTables(db).map((table) => table.clear()));
      await writeAll(db, backup.data);
    });
    return { ok: true, value: await countDatabase(db) };
  } catch (err) {
    return refuse('storage', storageErrorMessage(err));
  }
}

/** Delete the whole database (the page reloads afterwards and starts empty). */
export async function wipeDatabase(db: AnjuDatabase): Promise<void> {
  await db.delete({ disableAutoOpen: false });
}

/** The restore the page runs: read and check the file, then restore into an empty app. Nothing changes on refusal. */
export async function restoreFromFile(
  db: AnjuDatabase,
  bytes: Uint8Array,
  fileName: string,
): Promise<BackupResult<DatabaseCounts>> {
  const read = await readBackup(bytes, fileName);
  if (!read.ok) return read;
  return restoreBackup(db, read.value);
}

// The one Dexie database of the app: returns kept as immutable revisions, a head per unit and period, imports,
// settings and edited bulletin texts. Every schema change is a new version() with its own upgrade test.
import Dexie, { type EntityTable } from 'dexie';
import type { PeriodKey, ReturnTables, UnitId } from '../domain/types';

export const DB_NAME = 'anju-progress';

/** How a revision came to be. */
export type RevisionOrigin = 'file' | 'demo' | 'merge' | 'restore';

/** One stored version of a unit's return for a period. Never changed once written. */
export interface ReturnRevision {
  id?: number;
  unitId: UnitId;
  period: PeriodKey;
  cutoff: string;
  tables: ReturnTables;
  fileName: string;
  /** SHA-256 (hex) of the source file's bytes. */
  fileHash: string;
  /** SHA-256 (hex) of the return's content (unit, period, cutoff, tables), to tell identical returns apart. */
  contentHash: string;
  importedAt: number;
  /** The import (or restore, or merge) that wrote it. */
  importId: string;
  origin: RevisionOrigin;
}

/** Which revision is current for a unit and period. Absent: the unit has no return for the period. */
export interface ReturnHead {
  unitId: UnitId;
  period: PeriodKey;
  revisionId: number;
  updatedAt: number;
}

/** One import (a batch of files confirmed together), so it can be listed and undone as a whole. */
export interface ImportRecord {
  id: string;
  at: number;
  kind: 'import' | 'demo' | 'merge' | 'restore' | 'undo';
  files: string[];
  /** Each head it moved: from (null = none) to the revision it wrote or chose. */
  changes: { unitId: UnitId; period: PeriodKey; from: number | null; to: number | null }[];
  undone?: boolean;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** A saved bulletin text for a period; the latest is the current one, earlier ones are kept. */
export interface BulletinText {
  id?: number;
  period: PeriodKey;
  text: string;
  savedAt: number;
  kind: 'edited' | 'generated';
}

export class AnjuDatabase extends Dexie {
  revisions!: EntityTable<ReturnRevision, 'id'>;
  heads!: EntityTable<ReturnHead, 'unitId'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  bulletins!: EntityTable<BulletinText, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      revisions: '++id, [unitId+period], period, fileHash, contentHash, importId',
      heads: '[unitId+period], period, revisionId',
      imports: 'id, at',
      settings: 'key',
      bulletins: '++id, period, [period+savedAt]',
    });
  }
}

/** The app's database instance. Tests make their own with `new AnjuDatabase(name)`. */
export const db = new AnjuDatabase();

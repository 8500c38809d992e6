// The one Dexie database of the app: returns kept as immutable revisions, a head per unit and period, imports,
// settings and edited bulletin texts. The versions and their upgrades are declared in schema.ts, as data.
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { ImportIssue, PeriodKey, ReturnTables, TableKey, TableReading, UnitId } from '../domain/types';
import { declareSchema } from './schema';

export const DB_NAME = 'anju-progress';

/**
 * How a revision came to be: read from a file (possibly with a mapping or corrections), the demo, a merge or a
 * restore of a backup, typed in by hand (手工录入), or received from another computer by sync.
 */
export type RevisionOrigin = 'file' | 'demo' | 'merge' | 'restore' | 'manual' | 'sync';

/** A cell given a value by hand (手工更正), kept with the revision it went into. */
export interface StoredCorrection {
  sheet: string;
  cell: string;
  table?: TableKey;
  field?: string;
  /** The text the file held. */
  original: string;
  /** The value the user gave, as typed. */
  value: string;
  note: string;
  at: number;
}

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
  /** Cells corrected by hand in the review step, with their original text and note. */
  corrections?: StoredCorrection[];
  /** The saved header mappings (表头对照) the file was read with: their ids. */
  layoutIds?: string[];
  /** For origin 'manual' (and a hand correction of a stored return): where the figures come from. */
  note?: string;
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
  /** 'sync': returns received from another computer (a record of this laptop only, never sent). */
  kind: 'import' | 'demo' | 'merge' | 'restore' | 'undo' | 'sync' | 'manual';
  files: string[];
  /** Each head it moved: from (null = none) to the revision it wrote or chose. */
  changes: { unitId: UnitId; period: PeriodKey; from: number | null; to: number | null }[];
  undone?: boolean;
  /**
   * An import of files is written as 'started' with what it plans to store before any return, and marked
   * 'finished' after the last: one still 'started' at the next start was cut short (page closed, browser
   * crashed) and is named with what it saved and what not; 'interrupted' once the user has seen that.
   */
  state?: 'started' | 'finished' | 'interrupted';
  /** The returns the import set out to store, in order. */
  planned?: { unitId: UnitId; period: PeriodKey; fileName: string }[];
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

/** A unit's saved header mapping for one table (表头对照); id is `${unitId}|${table}`. */
export interface LayoutRecord {
  id: string;
  unitId: UnitId;
  table: TableKey;
  /** layoutHeaderKey(header text) → field key, or null for 不导入此列. */
  headers: Record<string, string | null>;
  savedAt: number;
  /** The file whose review saved it. */
  fileName: string;
}

/** One unit's annual targets for a year (保障性安居工程目标责任书); null where no target is set. */
export interface TargetRecord {
  year: number;
  unitId: UnitId;
  /** 表1 年度计划 (套). */
  startPlan: number | null;
  /** 表2 本年棚改需贷款 (元). */
  loanNeed: number | null;
  /** 表3 年度征收计划 (户). */
  expropriationPlan: number | null;
  /** 表5 本年分配任务 (套). */
  rentalTask: number | null;
  source: 'manual' | 'file' | 'returns' | 'merge' | 'sync';
  updatedAt: number;
  note?: string;
  /** For source 'file': the workbook the targets were read from. */
  fileName?: string;
  /** The earlier states of this unit's targets for the year, oldest first: a change never loses one. */
  history?: TargetState[];
}

/** One state of a unit's targets for a year, as kept in TargetRecord.history. */
export interface TargetState {
  startPlan: number | null;
  loanNeed: number | null;
  expropriationPlan: number | null;
  rentalTask: number | null;
  source: TargetRecord['source'];
  updatedAt: number;
  note?: string;
  fileName?: string;
}

/** An issued bulletin (签发): what was sent, frozen. Never changed; a re-issue is a new version. */
export interface IssuedBulletinRecord {
  /** `${period}#${version}` */
  id: string;
  period: PeriodKey;
  version: number;
  issuedAt: number;
  /** 发文字号, e.g. 吉安居办〔2018〕12号 */
  docNumber: string;
  /** 成文日期, ISO date */
  docDate: string;
  text: string;
  /** The revisions it was computed from: unit → content hash (portable across computers). */
  sources: { unitId: UnitId; period: PeriodKey; contentHash: string }[];
  /** The attachment tables as issued (a JSON-safe model, see domain/bulletin/attachments). */
  attachments: unknown;
  /** The row order the attachments were issued in ('grouped' | 'ranked'); the current figures are compared in it. */
  order?: 'grouped' | 'ranked';
}

/** A file read in an import session and what became of it, kept so refused files are listed after a reload. */
export interface FileReadRecord {
  id: string;
  /** The import that stored it; null for a refused file not yet resolved. */
  importId: string | null;
  at: number;
  fileName: string;
  fileHash: string;
  unitId?: UnitId;
  period?: PeriodKey;
  status: 'accepted' | 'refused' | 'corrected' | 'mapped' | 'resolved';
  issues: ImportIssue[];
  tables?: TableReading[];
  /** Cells corrected by hand in the review (手工更正) before the file was stored. */
  corrections?: StoredCorrection[];
  /** The saved header mappings (表头对照) the file was read with: their ids. */
  layoutIds?: string[];
}

export class AnjuDatabase extends Dexie {
  revisions!: EntityTable<ReturnRevision, 'id'>;
  heads!: EntityTable<ReturnHead, 'unitId'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;
  bulletins!: EntityTable<BulletinText, 'id'>;
  layouts!: EntityTable<LayoutRecord, 'id'>;
  targets!: Table<TargetRecord, [number, UnitId]>;
  issued!: EntityTable<IssuedBulletinRecord, 'id'>;
  fileReads!: EntityTable<FileReadRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    declareSchema(this);
  }
}

/** The app's database instance. Tests make their own with `new AnjuDatabase(name)`. */
export const db = new AnjuDatabase();

// The mapping between the app's Dexie records and the documents that travel through CouchDB: one document per
// record, its id derived from what the record is (a revision's from its content, so the same return imported on
// two laptops is one document). Pure: no Dexie, no PouchDB. A store that travels as it is is one entry of PLAIN_STORES.
import { BULLETIN_TEXT_KEY } from '../../domain/bulletin/defaults';
import { DOC_NUMBER_KEY } from '../../domain/bulletin/issue';
import { canonicalJson } from '../../domain/content';
import type { PeriodKey, UnitId } from '../../domain/types';
import type {
  ImportRecord,
  IssuedBulletinRecord,
  LayoutRecord,
  ReturnHead,
  ReturnRevision,
  SettingRecord,
  TargetRecord,
} from '../database';

/** The kinds of document in the sync database; the server's validation knows the same list. */
export type SyncDocType = 'revision' | 'head' | 'import' | 'layout' | 'target' | 'issued' | 'setting';

export const SYNC_DOC_TYPES: readonly SyncDocType[] = [
  'revision',
  'head',
  'import',
  'layout',
  'target',
  'issued',
  'setting',
];

/** The CouchDB roles of the sync database: office writes everything, team only returns and their choices. */
export type SyncRole = 'office' | 'team';

/** What a team user may write (returns, current versions, import records, mappings, corrections in revisions). */
export const TEAM_DOC_TYPES: readonly SyncDocType[] = ['revision', 'head', 'import', 'layout'];

/**
 * Province-wide settings travel (thresholds, the bulletin's fixed texts, the 发文字号 and its running number);
 * local ones do not (the file size limit, the last backup time, this laptop's own sync address). A new
 * province-wide key is added here.
 */
export const PROVINCE_SETTING_KEYS: readonly string[] = ['thresholds', BULLETIN_TEXT_KEY, DOC_NUMBER_KEY];

/** Every document: CouchDB's id and revision, and what it is. */
export interface SyncDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  type: SyncDocType;
  [field: string]: unknown;
}

/** A revision's document: the record without its local id. Never changed once written. */
export type RevisionDoc = SyncDoc & Omit<ReturnRevision, 'id'> & { type: 'revision' };

/** A head's document: which content is current. `null`: the unit has no current return (an undone import). */
export interface HeadDoc extends SyncDoc {
  type: 'head';
  unitId: UnitId;
  period: PeriodKey;
  contentHash: string | null;
}

/** An import record's document: its changes name revisions by content hash (local ids differ per laptop). */
export interface ImportDoc extends SyncDoc {
  type: 'import';
  id: string;
  at: number;
  kind: ImportRecord['kind'];
  files: string[];
  changes: { unitId: UnitId; period: PeriodKey; from: string | null; to: string | null }[];
  undone?: boolean;
}

export const revisionDocId = (unitId: UnitId, period: PeriodKey, contentHash: string): string =>
  `rev:${unitId}:${period}:${contentHash}`;
export const headDocId = (unitId: UnitId, period: PeriodKey): string => `head:${unitId}:${period}`;

/** The document type an id names (`rev:` is a revision), or null for ids that are not ours. */
export function docTypeOfId(id: string): SyncDocType | null {
  const prefix = id.slice(0, id.indexOf(':'));
  if (prefix === 'rev') return 'revision';
  return (SYNC_DOC_TYPES as readonly string[]).includes(prefix) ? (prefix as SyncDocType) : null;
}

// Strip CouchDB's own fields and the type: what is left is the record as the app stores it.
function body(doc: SyncDoc): Record<string, unknown> {
  const { _id, _rev, _deleted, _conflicts, _revisions, type, ...rest } = doc as SyncDoc & {
    _revisions?: unknown;
  };
  return rest;
}

// undefined fields are not JSON: leave them out so a record and its document compare equal after a round trip.
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function revisionToDoc(rev: ReturnRevision): RevisionDoc {
  const { id: _id, ...rest } = rev;
  return defined({
    _id: revisionDocId(rev.unitId, rev.period, rev.contentHash),
    type: 'revision',
    ...rest,
  }) as RevisionDoc;
}

/** The record a revision document stands for (the local id is given by the store when it is added). */
export function docToRevision(doc: RevisionDoc): Omit<ReturnRevision, 'id'> {
  return body(doc) as unknown as Omit<ReturnRevision, 'id'>;
}

export function headToDoc(head: Pick<ReturnHead, 'unitId' | 'period'>, contentHash: string | null): HeadDoc {
  return { _id: headDocId(head.unitId, head.period), type: 'head', ...pick(head), contentHash };
}

function pick(head: Pick<ReturnHead, 'unitId' | 'period'>) {
  return { unitId: head.unitId, period: head.period };
}

/** Local revision id ↔ content hash, for the records that name revisions by their local id. */
export interface RevisionIndex {
  hashOf(revisionId: number): string | undefined;
  idOf(unitId: UnitId, period: PeriodKey, contentHash: string): number | undefined;
}

/** An import record's document, or null when one of its revisions is unknown (it is sent once they are). */
export function importToDoc(rec: ImportRecord, index: RevisionIndex): ImportDoc | null {
  const changes: ImportDoc['changes'] = [];
  for (const c of rec.changes) {
    const from = c.from === null ? null : (index.hashOf(c.from) ?? undefined);
    const to = c.to === null ? null : (index.hashOf(c.to) ?? undefined);
    if (from === undefined || to === undefined) return null;
    changes.push({ unitId: c.unitId, period: c.period, from, to });
  }
  const { changes: _c, ...rest } = rec;
  return defined({ _id: `import:${rec.id}`, type: 'import', ...rest, changes }) as ImportDoc;
}

/** The local import record of a document, or null while one of the revisions it names has not arrived. */
export function docToImport(doc: ImportDoc, index: RevisionIndex): ImportRecord | null {
  const changes: ImportRecord['changes'] = [];
  for (const c of doc.changes) {
    const from = c.from === null ? null : index.idOf(c.unitId, c.period, c.from);
    const to = c.to === null ? null : index.idOf(c.unitId, c.period, c.to);
    if (from === undefined || to === undefined) return null;
    changes.push({ unitId: c.unitId, period: c.period, from, to });
  }
  return { ...(body(doc) as unknown as ImportRecord), changes };
}

/**
 * The stores whose records travel as they are (one document per record, the record's fields at the top level,
 * unknown fields kept): a store added by another feature travels by adding an entry here.
 */
export interface PlainStoreMapping {
  store: 'layouts' | 'targets' | 'issued' | 'settings';
  type: Extract<SyncDocType, 'layout' | 'target' | 'issued' | 'setting'>;
  docId: (record: Record<string, unknown>) => string;
  /** The record's primary key in its store, read from a record or a document. */
  primaryKey: (record: Record<string, unknown>) => string | [number, string];
  /** Records of the store that stay on this laptop. */
  travels: (record: Record<string, unknown>) => boolean;
}

export const PLAIN_STORES: readonly PlainStoreMapping[] = [
  {
    store: 'layouts',
    type: 'layout',
    docId: (r) => `layout:${(r as unknown as LayoutRecord).id}`,
    primaryKey: (r) => (r as unknown as LayoutRecord).id,
    travels: () => true,
  },
  {
    store: 'targets',
    type: 'target',
    docId: (r) => `target:${(r as unknown as TargetRecord).year}:${(r as unknown as TargetRecord).unitId}`,
    primaryKey: (r) => [(r as unknown as TargetRecord).year, (r as unknown as TargetRecord).unitId],
    travels: () => true,
  },
  {
    store: 'issued',
    type: 'issued',
    docId: (r) => `issued:${(r as unknown as IssuedBulletinRecord).id}`,
    primaryKey: (r) => (r as unknown as IssuedBulletinRecord).id,
    travels: () => true,
  },
  {
    store: 'settings',
    type: 'setting',
    docId: (r) => `setting:${(r as unknown as SettingRecord).key}`,
    primaryKey: (r) => (r as unknown as SettingRecord).key,
    travels: (r) => PROVINCE_SETTING_KEYS.includes((r as unknown as SettingRecord).key),
  },
];

export function plainMapping(type: SyncDocType): PlainStoreMapping | undefined {
  return PLAIN_STORES.find((m) => m.type === type);
}

export function plainToDoc(mapping: PlainStoreMapping, record: Record<string, unknown>): SyncDoc {
  return defined({ ...record, _id: mapping.docId(record), type: mapping.type });
}

export function docToPlain(doc: SyncDoc): Record<string, unknown> {
  return body(doc);
}

/** The content of a document that decides whether two versions differ (CouchDB's own fields left out). */
export function docContent(doc: SyncDoc): string {
  return canonicalJson({ ...body(doc), type: doc.type });
}

/** A head document's leaves (the winner and its conflicts) as the app sees them. */
export interface HeadLeaves {
  unitId: UnitId;
  period: PeriodKey;
  /** Leaf revision → the content hash it makes current (null: none). */
  leaves: { rev: string; contentHash: string | null }[];
}

/**
 * What a head document says, judged and never resolved: one current content (every live leaf agrees), or a
 * conflict listing the different contents (two laptops chose different current versions).
 */
export type HeadVerdict =
  | { kind: 'agreed'; contentHash: string | null }
  | { kind: 'conflict'; contentHashes: (string | null)[] };

export function judgeHead(leaves: HeadLeaves['leaves']): HeadVerdict {
  const distinct = [...new Set(leaves.map((l) => l.contentHash))];
  if (distinct.length <= 1) return { kind: 'agreed', contentHash: distinct[0] ?? null };
  return { kind: 'conflict', contentHashes: distinct };
}

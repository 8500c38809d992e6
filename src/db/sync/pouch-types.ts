// The few PouchDB calls the sync bridge makes, typed here so the bridge can be read (and type-checked) without
// loading PouchDB: the library itself is imported only by engine.ts, lazily.
import type { SyncDoc } from './documents';

export interface PouchRow {
  id: string;
  key: string;
  value: { rev: string; deleted?: boolean };
  doc?: SyncDoc;
  error?: string;
}

export interface PouchChange {
  id: string;
  seq: number | string;
  deleted?: boolean;
  doc?: SyncDoc;
}

export interface PouchWriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  status?: number;
  name?: string;
  reason?: string;
}

export interface PouchLocalDoc {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

export interface PouchLike {
  get<T = SyncDoc>(id: string, options?: { conflicts?: boolean; rev?: string; revs?: boolean }): Promise<T>;
  put(doc: PouchLocalDoc): Promise<PouchWriteResult>;
  bulkDocs(docs: object[], options?: { new_edits?: boolean }): Promise<PouchWriteResult[]>;
  allDocs(options: {
    include_docs?: boolean;
    conflicts?: boolean;
    keys?: string[];
    startkey?: string;
    endkey?: string;
  }): Promise<{ rows: PouchRow[] }>;
  changes(options: {
    since: number | string;
    include_docs?: boolean;
    conflicts?: boolean;
    limit?: number;
  }): Promise<{ results: PouchChange[]; last_seq: number | string }>;
}

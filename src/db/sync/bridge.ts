// The bridge between the app's Dexie store and this laptop's sync copy (a PouchDB database that CouchDB
// replication keeps in step with the server). A pass sends what changed here (each change a child of the version
// last agreed, so concurrent changes become CouchDB conflicts), then takes in what arrived: revisions are added,
// never rewritten; a head moves only where this laptop did not change it; a conflicted head is reported and left
// until the user chooses. Incoming returns are written one transaction per return with a 'sync' import record.
import type { PeriodKey, UnitId } from '../../domain/types';
import type { AnjuDatabase, ImportRecord, ReturnHead, ReturnRevision } from '../database';
import { keyOf, type MergeConflict, type MergeSide } from '../merge';
import {
  docContent,
  docToImport,
  docToPlain,
  docToRevision,
  docTypeOfId,
  type HeadDoc,
  headDocId,
  headToDoc,
  type ImportDoc,
  importToDoc,
  judgeHead,
  PLAIN_STORES,
  type PlainStoreMapping,
  plainMapping,
  plainToDoc,
  type RevisionDoc,
  type RevisionIndex,
  revisionToDoc,
  type SyncDoc,
} from './documents';
import type { PouchLike } from './pouch-types';
import { ABSENT, type Base, decideIncoming, nextRev, shouldSend } from './rules';

/** What the bridge remembers between passes, kept in the sync copy as a local (never replicated) document. */
export interface BridgeState {
  /** Per mutable document: the version this laptop's store last agreed with. */
  bases: Record<string, Base>;
  /** The sync copy's change sequence taken in so far. */
  seq: number | string;
  /** Documents that arrived before what they need (a head before its revision): looked at again each pass. */
  pending: string[];
  /** Documents written here and not yet accepted by the server (counted as 待上传). */
  unpushed: string[];
}

const STATE_ID = '_local/anju-bridge';

/** Two laptops chose different current versions of a unit's return for a period: the user picks. */
export type SyncConflict = MergeConflict;

export interface PassResult {
  sent: number;
  received: number;
  headsMoved: number;
  /** Changes made here while the pass ran: another pass is needed to send them. */
  again: boolean;
}

interface Snapshot {
  revisions: ReturnRevision[];
  heads: ReturnHead[];
  imports: ImportRecord[];
  plain: Map<PlainStoreMapping['store'], Record<string, unknown>[]>;
}

const identity = (unitId: UnitId, period: PeriodKey, contentHash: string) =>
  `${unitId}|${period}|${contentHash}`;

function makeIndex(revisions: ReturnRevision[]): RevisionIndex & { add(rev: ReturnRevision): void } {
  const hashById = new Map<number, string>();
  const idByIdentity = new Map<string, number>();
  const add = (r: ReturnRevision) => {
    if (r.id === undefined) return;
    hashById.set(r.id, r.contentHash);
    if (!idByIdentity.has(identity(r.unitId, r.period, r.contentHash)))
      idByIdentity.set(identity(r.unitId, r.period, r.contentHash), r.id);
  };
  for (const r of revisions) add(r);
  return {
    hashOf: (id) => hashById.get(id),
    idOf: (unitId, period, hash) => idByIdentity.get(identity(unitId, period, hash)),
    add,
  };
}

const headContent = (hash: string | null | undefined) => hash ?? ABSENT;

function newSyncImportId(now: number): string {
  return `sync-${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export class SyncBridge {
  private state: BridgeState = { bases: {}, seq: 0, pending: [], unpushed: [] };
  /** Revision documents the sync copy holds (they never change, so knowing the id is enough). */
  private knownRevisions = new Set<string>();
  private conflicted = new Map<string, SyncConflict>();
  /** Other records (targets, mappings, settings) whose versions differ between laptops: this laptop's are kept. */
  private otherConflicts = new Set<string>();

  constructor(
    private readonly db: AnjuDatabase,
    private readonly pouch: PouchLike,
    private readonly now: () => number = Date.now,
  ) {}

  async load(): Promise<void> {
    try {
      const saved = await this.pouch.get<BridgeState & { _id: string }>(STATE_ID);
      this.state = { bases: saved.bases, seq: saved.seq, pending: saved.pending, unpushed: saved.unpushed };
    } catch {
      this.state = { bases: {}, seq: 0, pending: [], unpushed: [] };
    }
    const revs = await this.pouch.allDocs({ startkey: 'rev:', endkey: 'rev:\uffff' });
    this.knownRevisions = new Set(revs.rows.map((r) => r.id));
    // Conflicts found before a reload are found again: the sync copy still holds both versions.
    const heads = await this.pouch.allDocs({
      startkey: 'head:',
      endkey: 'head:\uffff',
      include_docs: true,
      conflicts: true,
    });
    for (const row of heads.rows) {
      if (row.doc?._conflicts?.length) this.state.pending.push(row.id);
    }
  }

  conflicts(): SyncConflict[] {
    return [...this.conflicted.values()];
  }

  otherConflictCount(): number {
    return this.otherConflicts.size;
  }

  unpushedCount(): number {
    return this.state.unpushed.length;
  }

  /** The server accepted (or refused) these documents: they no longer wait to be sent. */
  async markPushed(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const done = new Set(ids);
    this.state.unpushed = this.state.unpushed.filter((id) => !done.has(id));
    await this.saveState();
  }

  private async saveState(): Promise<void> {
    let rev: string | undefined;
    try {
      rev = (await this.pouch.get<{ _rev: string }>(STATE_ID))._rev;
    } catch {
      rev = undefined;
    }
    await this.pouch.put({ _id: STATE_ID, ...(rev ? { _rev: rev } : {}), ...this.state });
  }

  private async snapshot(): Promise<Snapshot> {
    const db = this.db;
    const stores = PLAIN_STORES.map((m) => db.table(m.store));
    return db.transaction('r', [db.revisions, db.heads, db.imports, ...stores], async () => {
      const plain = new Map<PlainStoreMapping['store'], Record<string, unknown>[]>();
      for (const m of PLAIN_STORES) {
        plain.set(m.store, (await db.table(m.store).toArray()) as Record<string, unknown>[]);
      }
      return {
        revisions: await db.revisions.toArray(),
        heads: await db.heads.toArray(),
        imports: await db.imports.toArray(),
        plain,
      };
    });
  }

  /** One round: send local changes, then take in what arrived. Callers run passes one at a time. */
  async pass(): Promise<PassResult> {
    const snap = await this.snapshot();
    const index = makeIndex(snap.revisions);
    const sent = await this.send(snap, index);
    const result = await this.receive(snap, index);
    await this.saveState();
    return { ...result, sent };
  }

  // ---- sending -------------------------------------------------------------------------------------------

  private async send(snap: Snapshot, index: RevisionIndex): Promise<number> {
    const out: object[] = [];
    const newBases: [string, Base][] = [];
    const change = async (doc: SyncDoc | null, id: string, content: string) => {
      const base = this.state.bases[id];
      if (!shouldSend(content, base)) return;
      const next = await nextRev(base?.rev ?? null, content);
      const body = doc ?? { _id: id, _deleted: true, type: docTypeOfId(id) };
      out.push({ ...body, _rev: next.rev, _revisions: next.revisions });
      newBases.push([id, { rev: next.rev, content }]);
    };

    // Revisions: only those the sync copy lacks; a revision document is written once and never again.
    const missing = snap.revisions
      .map(revisionToDoc)
      .filter((d) => !this.knownRevisions.has(d._id) && this.state.bases[d._id] === undefined);
    if (missing.length > 0) {
      const held = await this.pouch.allDocs({ keys: missing.map((d) => d._id) });
      const there = new Set(held.rows.filter((r) => r.value && !r.error).map((r) => r.id));
      for (const doc of missing) {
        if (there.has(doc._id)) {
          this.knownRevisions.add(doc._id);
          continue;
        }
        const next = await nextRev(null, docContent(doc));
        out.push({ ...doc, _rev: next.rev, _revisions: next.revisions });
        this.knownRevisions.add(doc._id);
      }
    }

    // Heads: every local head, and every head this laptop agreed on before (it may since have been removed).
    const localHeads = new Map(snap.heads.map((h) => [headDocId(h.unitId, h.period), h]));
    const headIds = new Set([
      ...localHeads.keys(),
      ...Object.keys(this.state.bases).filter((id) => id.startsWith('head:')),
    ]);
    for (const id of headIds) {
      if (this.conflicted.has(id)) continue; // waits for the user's choice
      const h = localHeads.get(id);
      const hash = h ? (index.hashOf(h.revisionId) ?? null) : null;
      const [, unitId = '', period = ''] = id.split(':');
      await change(headToDoc(h ?? { unitId, period }, hash), id, headContent(hash));
    }

    // Import records (this laptop's own sync bookkeeping stays here).
    for (const rec of snap.imports) {
      if (rec.kind === 'sync') continue;
      const doc = importToDoc(rec, index);
      if (doc) await change(doc, doc._id, docContent(doc));
    }

    // Plain stores: each record that travels, and a deletion for one agreed on before and now gone.
    for (const mapping of PLAIN_STORES) {
      const docs = (snap.plain.get(mapping.store) ?? [])
        .filter(mapping.travels)
        .map((r) => plainToDoc(mapping, r));
      const ids = new Set(docs.map((d) => d._id));
      for (const doc of docs) {
        if (this.otherConflicts.has(doc._id)) continue;
        await change(doc, doc._id, docContent(doc));
      }
      for (const id of Object.keys(this.state.bases)) {
        if (docTypeOfId(id) === mapping.type && !ids.has(id)) await change(null, id, ABSENT);
      }
    }

    if (out.length === 0) return 0;
    await this.pouch.bulkDocs(out, { new_edits: false });
    for (const [id, base] of newBases) this.state.bases[id] = base;
    const ids = out.map((d) => (d as { _id: string })._id);
    this.state.unpushed = [...new Set([...this.state.unpushed, ...ids])];
    return out.length;
  }

  // ---- receiving -----------------------------------------------------------------------------------------

  private async receive(
    snap: Snapshot,
    index: ReturnType<typeof makeIndex>,
  ): Promise<Omit<PassResult, 'sent'>> {
    const changes = await this.pouch.changes({ since: this.state.seq, include_docs: true, conflicts: true });
    const docs = new Map<string, SyncDoc>();
    for (const c of changes.results) if (c.doc) docs.set(c.id, c.doc);
    for (const id of new Set([...this.state.pending, ...this.conflicted.keys()])) {
      if (docs.has(id)) continue;
      try {
        docs.set(id, await this.pouch.get(id, { conflicts: true }));
      } catch {
        // gone from the sync copy: nothing to take in
      }
    }
    const pending = new Set<string>();
    let again = false;

    // Revisions this store lacks, by return.
    const toAdd = new Map<string, Omit<ReturnRevision, 'id'>[]>();
    const incomingByIdentity = new Map<string, Omit<ReturnRevision, 'id'>>();
    for (const doc of docs.values()) {
      if (doc.type !== 'revision' || doc._deleted) continue;
      this.knownRevisions.add(doc._id);
      const rev = docToRevision(doc as RevisionDoc);
      incomingByIdentity.set(identity(rev.unitId, rev.period, rev.contentHash), rev);
      if (index.idOf(rev.unitId, rev.period, rev.contentHash) !== undefined) continue;
      const key = keyOf(rev.unitId, rev.period);
      toAdd.set(key, [...(toAdd.get(key) ?? []), rev]);
    }

    // Heads: agreed ones move where this laptop did not change them; conflicted ones are reported.
    const localHeads = new Map(snap.heads.map((h) => [keyOf(h.unitId, h.period), h]));
    const moves = new Map<string, { hash: string | null; from: number | null; base: Base; id: string }>();
    const conflicts: {
      id: string;
      unitId: UnitId;
      period: PeriodKey;
      localHash: string | null;
      hashes: (string | null)[];
    }[] = [];
    for (const doc of docs.values()) {
      if (docTypeOfId(doc._id) !== 'head') continue;
      const head = doc as HeadDoc;
      const [, unitId = '', period = ''] = doc._id.split(':');
      const key = keyOf(unitId, period);
      const leaves = await this.leaves(head);
      const verdict = judgeHead(leaves);
      const local = localHeads.get(key);
      const localHash = local ? (index.hashOf(local.revisionId) ?? null) : null;
      if (verdict.kind === 'conflict') {
        conflicts.push({ id: doc._id, unitId, period, localHash, hashes: verdict.contentHashes });
        continue;
      }
      this.conflicted.delete(doc._id);
      const content = headContent(verdict.contentHash);
      const base = { rev: head._rev as string, content };
      const decision = decideIncoming(headContent(localHash), this.state.bases[doc._id], content);
      if (decision === 'same') this.state.bases[doc._id] = base;
      else if (decision === 'keep') again = true;
      else if (
        verdict.contentHash !== null &&
        index.idOf(unitId, period, verdict.contentHash) === undefined &&
        !incomingByIdentity.has(identity(unitId, period, verdict.contentHash))
      ) {
        pending.add(doc._id);
      } else {
        moves.set(key, { hash: verdict.contentHash, from: local?.revisionId ?? null, base, id: doc._id });
      }
    }

    // One transaction per return: its new revisions and, if it moves, its head, with the sync import record.
    const importId = newSyncImportId(this.now());
    let received = 0;
    let headsMoved = 0;
    for (const key of new Set([...toAdd.keys(), ...moves.keys()])) {
      const [unitId = '', period = ''] = key.split('|');
      const move = moves.get(key);
      const outcome = await this.writeReturn(unitId, period, toAdd.get(key) ?? [], move, importId, index);
      received += outcome.added;
      if (outcome.moved && move) {
        headsMoved++;
        this.state.bases[move.id] = move.base;
      } else if (move) {
        pending.add(move.id);
        again = true;
      }
    }

    // Conflicts are described once both versions are stored here (they may have arrived in this very pass).
    for (const c of conflicts) {
      const conflict = await this.describeConflict(c.unitId, c.period, c.localHash, c.hashes);
      if (conflict) this.conflicted.set(c.id, conflict);
      else pending.add(c.id); // a version not yet here: judged again when it arrives
    }

    // Import records and plain records: taken where this laptop did not change them.
    for (const doc of docs.values()) {
      if (doc.type === 'import' && !doc._deleted) {
        if (!(await this.receiveImport(doc as ImportDoc, index))) pending.add(doc._id);
        continue;
      }
      const mapping = plainMapping(docTypeOfId(doc._id) ?? doc.type);
      if (mapping) again = (await this.receivePlain(mapping, doc)) || again;
    }

    for (const id of this.conflicted.keys()) pending.delete(id);
    this.state.seq = changes.last_seq;
    this.state.pending = [...pending];
    return { received, headsMoved, again };
  }

  /** A head document's live leaves: the winner and its conflicting versions, each with its content hash. */
  private async leaves(doc: HeadDoc): Promise<{ rev: string; contentHash: string | null }[]> {
    const out = [{ rev: doc._rev as string, contentHash: doc._deleted ? null : (doc.contentHash ?? null) }];
    for (const rev of doc._conflicts ?? []) {
      const leaf = await this.pouch.get<HeadDoc>(doc._id, { rev });
      out.push({ rev, contentHash: leaf._deleted ? null : (leaf.contentHash ?? null) });
    }
    return out;
  }

  private async describeConflict(
    unitId: UnitId,
    period: PeriodKey,
    localHash: string | null,
    hashes: (string | null)[],
  ): Promise<SyncConflict | null> {
    const held = await this.db.revisions.where('[unitId+period]').equals([unitId, period]).toArray();
    const find = (hash: string | null) =>
      hash === null ? undefined : held.find((r) => r.contentHash === hash);
    const localHashChosen = hashes.includes(localHash) ? localHash : (hashes[0] ?? null);
    const otherHash = hashes.find((h) => h !== localHashChosen) ?? null;
    const local = find(localHashChosen);
    const incoming = find(otherHash);
    if (!local || !incoming) return null;
    return { key: keyOf(unitId, period), unitId, period, local, incoming };
  }

  private async writeReturn(
    unitId: UnitId,
    period: PeriodKey,
    revisions: Omit<ReturnRevision, 'id'>[],
    move: { hash: string | null; from: number | null } | undefined,
    importId: string,
    index: ReturnType<typeof makeIndex>,
  ): Promise<{ added: number; moved: boolean }> {
    const db = this.db;
    const at = this.now();
    return db.transaction('rw', db.revisions, db.heads, db.imports, async () => {
      let added = 0;
      const held = await db.revisions.where('[unitId+period]').equals([unitId, period]).toArray();
      for (const r of held) index.add(r);
      for (const rev of revisions) {
        if (index.idOf(unitId, period, rev.contentHash) !== undefined) continue;
        const record = { ...rev, origin: 'sync' as const, importId };
        const id = (await db.revisions.add(record)) as number;
        index.add({ ...record, id });
        added++;
      }
      if (!move) return { added, moved: false };
      const head = await db.heads.get({ unitId, period });
      // Moved on this laptop since the pass read it: not overwritten, sent as a sibling next pass.
      if ((head?.revisionId ?? null) !== move.from) return { added, moved: false };
      const to = move.hash === null ? null : (index.idOf(unitId, period, move.hash) ?? null);
      if (move.hash !== null && to === null) return { added, moved: false };
      if (to === null) await db.heads.where('[unitId+period]').equals([unitId, period]).delete();
      else await db.heads.put({ unitId, period, revisionId: to, updatedAt: at });
      const record: ImportRecord = (await db.imports.get(importId)) ?? {
        id: importId,
        at,
        kind: 'sync',
        files: [],
        changes: [],
      };
      const fileName = to === null ? undefined : (await db.revisions.get(to))?.fileName;
      if (fileName && !record.files.includes(fileName)) record.files.push(fileName);
      record.changes.push({ unitId, period, from: move.from, to });
      await db.imports.put(record);
      return { added, moved: true };
    });
  }

  private async receiveImport(doc: ImportDoc, index: RevisionIndex): Promise<boolean> {
    const rec = docToImport(doc, index);
    if (!rec) return false;
    const local = await this.db.imports.get(rec.id);
    const localDoc = local ? importToDoc(local, index) : null;
    const decision = decideIncoming(
      localDoc ? docContent(localDoc) : ABSENT,
      this.state.bases[doc._id],
      docContent(doc),
    );
    const base = { rev: doc._rev as string, content: docContent(doc) };
    if (decision === 'apply') await this.db.imports.put(rec);
    if (decision !== 'keep') this.state.bases[doc._id] = base;
    return true;
  }

  /** Returns true when the local record changed meanwhile (it is sent next pass). */
  private async receivePlain(mapping: PlainStoreMapping, doc: SyncDoc): Promise<boolean> {
    const incoming = doc._deleted ? ABSENT : docContent(doc);
    if (!doc._deleted && !mapping.travels(docToPlain(doc))) return false; // a local-only key: never taken in
    if (doc._conflicts?.length) {
      for (const rev of doc._conflicts) {
        const leaf = await this.pouch.get(doc._id, { rev });
        if ((leaf._deleted ? ABSENT : docContent(leaf)) !== incoming) {
          this.otherConflicts.add(doc._id);
          return false;
        }
      }
    }
    this.otherConflicts.delete(doc._id);
    const table = this.db.table(mapping.store);
    // A deleted document keeps only its id: the key comes from the record agreed before, if any.
    const key = doc._deleted ? await this.keyOfDeleted(mapping, doc._id) : mapping.primaryKey(doc);
    const localRecord = key === undefined ? undefined : await table.get(key);
    const local = localRecord ? docContent(plainToDoc(mapping, localRecord)) : ABSENT;
    const decision = decideIncoming(local, this.state.bases[doc._id], incoming);
    if (decision === 'keep') return true;
    if (decision === 'apply') {
      if (doc._deleted) {
        if (key !== undefined) await table.delete(key);
      } else await table.put(docToPlain(doc));
    }
    this.state.bases[doc._id] = { rev: doc._rev as string, content: incoming };
    return false;
  }

  private async keyOfDeleted(mapping: PlainStoreMapping, id: string) {
    const records = (await this.db.table(mapping.store).toArray()) as Record<string, unknown>[];
    const found = records.find((r) => mapping.docId(r) === id);
    return found ? mapping.primaryKey(found) : undefined;
  }

  /**
   * The user's choice for a conflicted head: this laptop's current return or the other laptop's. Both versions
   * stay as revisions; the head document gets the chosen version as a new child and the other versions are
   * closed, so every laptop sees the conflict end. Choosing the same on two laptops gives the same revisions.
   */
  async resolve(key: string, side: MergeSide): Promise<boolean> {
    const conflict = this.conflicts().find((c) => c.key === key);
    if (!conflict) return false;
    const chosen = side === 'local' ? conflict.local : conflict.incoming;
    const id = headDocId(conflict.unitId, conflict.period);
    const doc = await this.pouch.get<HeadDoc>(id, { conflicts: true });
    const leaves = (await this.leaves(doc)).sort((a, b) => (a.rev < b.rev ? -1 : 1));
    const keep = leaves.find((l) => l.contentHash === chosen.contentHash);
    if (!keep) return false;
    const content = headContent(chosen.contentHash);
    const child = await nextRev(keep.rev, content);
    const writes: object[] = [
      { ...headToDoc(conflict, chosen.contentHash), _rev: child.rev, _revisions: child.revisions },
    ];
    for (const leaf of leaves) {
      if (leaf === keep) continue;
      const closed = await nextRev(leaf.rev, ABSENT);
      writes.push({ _id: id, _deleted: true, type: 'head', _rev: closed.rev, _revisions: closed.revisions });
    }
    const db = this.db;
    const at = this.now();
    await db.transaction('rw', db.heads, db.imports, async () => {
      const head = await db.heads.get({ unitId: conflict.unitId, period: conflict.period });
      if (head?.revisionId === chosen.id) return;
      await db.heads.put({
        unitId: conflict.unitId,
        period: conflict.period,
        revisionId: chosen.id as number,
        updatedAt: at,
      });
      await db.imports.add({
        id: newSyncImportId(at),
        at,
        kind: 'sync',
        files: [chosen.fileName],
        changes: [
          {
            unitId: conflict.unitId,
            period: conflict.period,
            from: head?.revisionId ?? null,
            to: chosen.id as number,
          },
        ],
      });
    });
    await this.pouch.bulkDocs(writes, { new_edits: false });
    this.state.bases[id] = { rev: child.rev, content };
    this.state.unpushed = [...new Set([...this.state.unpushed, id])];
    this.conflicted.delete(id);
    await this.saveState();
    return true;
  }
}

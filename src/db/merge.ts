// Merging another laptop's backup: add the returns this app lacks, skip identical ones (same content hash),
// and let the user choose where both hold a different current return. Revisions are identified by unit +
// period + content hash, so merging A into B and B into A give the same set; the whole merge is one transaction.
import { notice } from '../domain/messages';
import type { PeriodKey, UnitId } from '../domain/types';
import type { BackupFile } from './backup';
import type {
  AnjuDatabase,
  BulletinText,
  FileReadRecord,
  ImportRecord,
  LayoutRecord,
  ReturnHead,
  ReturnRevision,
} from './database';
import { storageErrorMessage } from './errors';
import { fileReadsToAdd, type LayoutConflict, type LayoutMerge, mergeLayouts } from './merge-extras';
import {
  applyOfficeMerge,
  isNoopOfficeMerge,
  type OfficeMergePlan,
  type OfficeMergeSummary,
  planOfficeMerge,
} from './merge-office';

export type MergeSide = 'local' | 'incoming';

/** Both apps hold a different current return for the same unit and period: the user decides. */
export interface MergeConflict {
  key: string;
  unitId: UnitId;
  period: PeriodKey;
  local: ReturnRevision;
  incoming: ReturnRevision;
}

export interface MergePlan {
  /** Incoming revisions this app lacks (by unit + period + content hash), in the backup's order. */
  toAdd: ReturnRevision[];
  /** Incoming revisions already held here. */
  skipped: number;
  /** Units/periods where the incoming current return becomes current here without asking. */
  headsFromIncoming: { unitId: UnitId; period: PeriodKey; contentHash: string }[];
  conflicts: MergeConflict[];
  /** Incoming bulletin texts not held here (same period, time and text). */
  bulletinsToAdd: BulletinText[];
  /** Saved header mappings to write, and the headers both computers map differently (this one's kept). */
  layouts: LayoutMerge;
  /** Records of files read that this app lacks. */
  fileReadsToAdd: FileReadRecord[];
  /** The backup's mappings and file records, merged again inside the write (another tab may have added some). */
  incomingLayouts: LayoutRecord[];
  incomingFileReads: FileReadRecord[];
  /** The heads the plan was made against, checked again when applying. */
  localHeadsSnapshot: Map<string, number>;
  /** Annual targets and issued bulletins (see merge-office.ts). */
  office: OfficeMergePlan;
}

export interface MergeSummary {
  importId: string;
  added: number;
  skipped: number;
  headsMoved: number;
  bulletinsAdded: number;
  layoutsMerged: number;
  layoutConflicts: LayoutConflict[];
  fileReadsAdded: number;
  office: OfficeMergeSummary;
}

export type MergeResult = { ok: true; value: MergeSummary } | { ok: false; message: string };

export const keyOf = (unitId: UnitId, period: PeriodKey): string => `${unitId}|${period}`;
const identity = (r: { unitId: UnitId; period: PeriodKey; contentHash: string }) =>
  `${r.unitId}|${r.period}|${r.contentHash}`;

function groupByKey(revs: ReturnRevision[]): Map<string, ReturnRevision[]> {
  const out = new Map<string, ReturnRevision[]>();
  for (const r of revs) {
    const k = keyOf(r.unitId, r.period);
    const list = out.get(k) ?? [];
    list.push(r);
    out.set(k, list);
  }
  return out;
}

/**
 * Which current return wins, without asking, when both sides have one. The same content: no question. When
 * one side's current return is an older (superseded) revision on the other side, the other side is newer.
 * Otherwise it is a real conflict. Symmetric by construction.
 */
export function decideHead(
  localHead: ReturnRevision,
  localRevs: ReturnRevision[],
  incomingHead: ReturnRevision,
  incomingRevs: ReturnRevision[],
): MergeSide | 'same' | 'conflict' {
  if (localHead.contentHash === incomingHead.contentHash) return 'same';
  const incomingKnowsLocal = incomingRevs.some((r) => r.contentHash === localHead.contentHash);
  const localKnowsIncoming = localRevs.some((r) => r.contentHash === incomingHead.contentHash);
  if (incomingKnowsLocal && !localKnowsIncoming) return 'incoming';
  if (localKnowsIncoming && !incomingKnowsLocal) return 'local';
  return 'conflict';
}

/** Compare a backup with this app's data; reads only. */
export async function planMerge(db: AnjuDatabase, backup: BackupFile): Promise<MergePlan> {
  const [localRevs, localHeads, localBulletins, localTargets, localIssued, localLayouts, localReads] =
    await db.transaction(
      'r',
      [db.revisions, db.heads, db.bulletins, db.targets, db.issued, db.layouts, db.fileReads],
      () =>
        Promise.all([
          db.revisions.toArray(),
          db.heads.toArray(),
          db.bulletins.toArray(),
          db.targets.toArray(),
          db.issued.toArray(),
          db.layouts.toArray(),
          db.fileReads.toArray(),
        ]),
    );
  const incoming = backup.data;
  const localIds = new Set(localRevs.map(identity));
  const localById = new Map(localRevs.map((r) => [r.id, r]));
  const incomingById = new Map(incoming.revisions.map((r) => [r.id, r]));
  const localByKey = groupByKey(localRevs);
  const incomingByKey = groupByKey(incoming.revisions);
  const localHeadByKey = new Map(localHeads.map((h) => [keyOf(h.unitId, h.period), h]));

  const seen = new Set<string>();
  const toAdd: ReturnRevision[] = [];
  let skipped = 0;
  for (const r of incoming.revisions) {
    const id = identity(r);
    if (localIds.has(id) || seen.has(id)) {
      skipped++;
      continue;
    }
    seen.add(id);
    toAdd.push(r);
  }

  const headsFromIncoming: MergePlan['headsFromIncoming'] = [];
  const conflicts: MergeConflict[] = [];
  for (const h of incoming.heads) {
    const key = keyOf(h.unitId, h.period);
    const incomingHead = incomingById.get(h.revisionId);
    if (!incomingHead) continue;
    const localHead = localHeadByKey.get(key);
    const localHeadRev = localHead ? localById.get(localHead.revisionId) : undefined;
    if (!localHeadRev) {
      headsFromIncoming.push({ unitId: h.unitId, period: h.period, contentHash: incomingHead.contentHash });
      continue;
    }
    const decision = decideHead(
      localHeadRev,
      localByKey.get(key) ?? [],
      incomingHead,
      incomingByKey.get(key) ?? [],
    );
    if (decision === 'incoming') {
      headsFromIncoming.push({ unitId: h.unitId, period: h.period, contentHash: incomingHead.contentHash });
    } else if (decision === 'conflict') {
      conflicts.push({
        key,
        unitId: h.unitId,
        period: h.period,
        local: localHeadRev,
        incoming: incomingHead,
      });
    }
  }

  const bulletinIds = new Set(localBulletins.map((b) => `${b.period}|${b.savedAt}|${b.text}`));
  const bulletinsToAdd = incoming.bulletins.filter(
    (b) => !bulletinIds.has(`${b.period}|${b.savedAt}|${b.text}`),
  );

  return {
    toAdd,
    skipped,
    headsFromIncoming,
    conflicts,
    bulletinsToAdd,
    layouts: mergeLayouts(localLayouts, incoming.layouts ?? []),
    fileReadsToAdd: fileReadsToAdd(localReads, incoming.fileReads ?? []),
    incomingLayouts: incoming.layouts ?? [],
    incomingFileReads: incoming.fileReads ?? [],
    localHeadsSnapshot: new Map(localHeads.map((h) => [keyOf(h.unitId, h.period), h.revisionId])),
    office: planOfficeMerge(
      { targets: localTargets, issued: localIssued },
      { targets: incoming.targets ?? [], issued: incoming.issued ?? [] },
    ),
  };
}

/** A merge that changes nothing: every incoming return is already here and no current return moves. */
export function isNoopMerge(plan: MergePlan): boolean {
  return (
    plan.toAdd.length === 0 &&
    plan.headsFromIncoming.length === 0 &&
    plan.conflicts.length === 0 &&
    plan.bulletinsToAdd.length === 0 &&
    plan.layouts.put.length === 0 &&
    plan.fileReadsToAdd.length === 0 &&
    isNoopOfficeMerge(plan.office)
  );
}

/**
 * Apply a plan in one transaction. `choices` says, per conflict key, which current return to keep; an
 * unanswered conflict keeps this app's. Both versions stay as revisions either way. Refused (nothing written)
 * if the heads changed since the plan was made.
 */
export async function applyMerge(
  db: AnjuDatabase,
  plan: MergePlan,
  choices: ReadonlyMap<string, MergeSide>,
  fileName: string,
  now = Date.now(),
): Promise<MergeResult> {
  const importId = `merge-${now}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    const summary = await db.transaction(
      'rw',
      [db.revisions, db.heads, db.imports, db.bulletins, db.targets, db.issued, db.layouts, db.fileReads],
      async (): Promise<MergeSummary | null> => {
        const heads = await db.heads.toArray();
        const current = new Map(heads.map((h) => [keyOf(h.unitId, h.period), h.revisionId]));
        if (
          current.size !== plan.localHeadsSnapshot.size ||
          [...current].some(([k, v]) => plan.localHeadsSnapshot.get(k) !== v)
        ) {
          return null;
        }
        // Revisions keep their origin, file and time; only the local id is new.
        const newIds = await db.revisions.bulkAdd(
          plan.toAdd.map(({ id: _id, ...rest }) => rest),
          { allKeys: true },
        );
        const added = plan.toAdd.map((r, i) => ({ ...r, id: newIds[i] as number }));
        const byIdentity = new Map(added.map((r) => [identity(r), r.id]));
        const targets: { unitId: UnitId; period: PeriodKey; contentHash: string }[] = [
          ...plan.headsFromIncoming,
        ];
        for (const c of plan.conflicts) {
          if (choices.get(c.key) === 'incoming') {
            targets.push({ unitId: c.unitId, period: c.period, contentHash: c.incoming.contentHash });
          }
        }
        // Targets this merge did not just add are already here: one query finds them all. (Keeping every step
        // an IndexedDB request also keeps the transaction alive: no long chains of plain awaits.)
        const elsewhere = targets.filter((t) => !byIdentity.has(identity(t)));
        if (elsewhere.length > 0) {
          const held = await db.revisions
            .where('[unitId+period]')
            .anyOf(elsewhere.map((t) => [t.unitId, t.period]))
            .toArray();
          for (const r of held) if (!byIdentity.has(identity(r))) byIdentity.set(identity(r), r.id as number);
        }
        const changes: ImportRecord['changes'] = [];
        const newHeads: ReturnHead[] = [];
        for (const t of targets) {
          const to = byIdentity.get(identity(t));
          if (to === undefined) continue;
          const from = current.get(keyOf(t.unitId, t.period)) ?? null;
          if (from === to) continue;
          changes.push({ unitId: t.unitId, period: t.period, from, to });
          newHeads.push({ unitId: t.unitId, period: t.period, revisionId: to, updatedAt: now });
        }
        await db.heads.bulkPut(newHeads);
        await db.bulletins.bulkAdd(plan.bulletinsToAdd.map(({ id: _id, ...rest }) => rest));
        const layouts = mergeLayouts(await db.layouts.toArray(), plan.incomingLayouts);
        await db.layouts.bulkPut(layouts.put);
        const reads = fileReadsToAdd(await db.fileReads.toArray(), plan.incomingFileReads);
        await db.fileReads.bulkAdd(reads);
        const office = await applyOfficeMerge(db, plan.office, choices, now);
        await db.imports.add({ id: importId, at: now, kind: 'merge', files: [fileName], changes });
        return {
          importId,
          added: added.length,
          skipped: plan.skipped,
          headsMoved: changes.length,
          bulletinsAdded: plan.bulletinsToAdd.length,
          layoutsMerged: layouts.put.length,
          layoutConflicts: layouts.conflicts,
          fileReadsAdded: reads.length,
          office,
        };
      },
    );
    if (!summary) {
      return {
        ok: false,
        message: notice('merge.changedMeanwhile'),
      };
    }
    return { ok: true, value: summary };
  } catch (err) {
    return { ok: false, message: storageErrorMessage(err) };
  }
}

// The office's own records in a merge of another computer's backup: annual targets and issued bulletins.
// Issued bulletins are immutable: a version this computer lacks is added, the same one skipped, and two different
// bulletins issued as the same period and version are a conflict shown to the user, never written over. Targets
// that differ are the user's choice, like two different returns; the one not chosen stays in the history.
import { pickTargets, sameTargets } from '../domain/targets';
import type { UnitId } from '../domain/types';
import type { AnjuDatabase, IssuedBulletinRecord, TargetRecord, TargetState } from './database';
import type { MergeSide } from './merge';
import { stateOf } from './targets-repo';

/** Both computers hold different targets for one unit and year. */
export interface TargetConflict {
  /** The choice's key: `target|${year}|${unitId}`. */
  key: string;
  year: number;
  unitId: UnitId;
  local: TargetRecord;
  incoming: TargetRecord;
}

/** Both computers issued a bulletin as the same period and version, and they differ: shown, never merged. */
export interface IssuedConflict {
  id: string;
  local: IssuedBulletinRecord;
  incoming: IssuedBulletinRecord;
}

export interface OfficeMergePlan {
  /** Targets of units and years this computer has none for. */
  targetsToAdd: TargetRecord[];
  /** Targets already held with the same figures. */
  targetsSame: number;
  targetConflicts: TargetConflict[];
  /** Issued versions this computer lacks. */
  issuedToAdd: IssuedBulletinRecord[];
  issuedSame: number;
  issuedConflicts: IssuedConflict[];
}

export const targetKey = (year: number, unitId: UnitId): string => `target|${year}|${unitId}`;

/** What an issued bulletin says, without where it was stored: two computers' copies of one issue are equal. */
function issuedContent(r: IssuedBulletinRecord): string {
  return JSON.stringify([
    r.period,
    r.version,
    r.issuedAt,
    r.docNumber,
    r.docDate,
    r.text,
    r.sources,
    r.attachments,
  ]);
}

/** Compare the backup's targets and issued bulletins with this computer's. Pure. */
export function planOfficeMerge(
  local: { targets: readonly TargetRecord[]; issued: readonly IssuedBulletinRecord[] },
  incoming: { targets: readonly TargetRecord[]; issued: readonly IssuedBulletinRecord[] },
): OfficeMergePlan {
  const localTargets = new Map(local.targets.map((t) => [targetKey(t.year, t.unitId), t]));
  const plan: OfficeMergePlan = {
    targetsToAdd: [],
    targetsSame: 0,
    targetConflicts: [],
    issuedToAdd: [],
    issuedSame: 0,
    issuedConflicts: [],
  };
  for (const t of incoming.targets) {
    const key = targetKey(t.year, t.unitId);
    const mine = localTargets.get(key);
    if (!mine) plan.targetsToAdd.push(t);
    else if (sameTargets(mine, t)) plan.targetsSame++;
    else plan.targetConflicts.push({ key, year: t.year, unitId: t.unitId, local: mine, incoming: t });
  }
  const localIssued = new Map(local.issued.map((r) => [r.id, r]));
  for (const r of incoming.issued) {
    const mine = localIssued.get(r.id);
    if (!mine) plan.issuedToAdd.push(r);
    else if (issuedContent(mine) === issuedContent(r)) plan.issuedSame++;
    else plan.issuedConflicts.push({ id: r.id, local: mine, incoming: r });
  }
  return plan;
}

/** States from both computers, each once, oldest first. */
function mergedHistory(states: readonly TargetState[]): TargetState[] {
  const seen = new Map<string, TargetState>();
  for (const st of states)
    seen.set(JSON.stringify([st.updatedAt, st.source, pickTargets(st), st.note ?? '']), st);
  return [...seen.values()].sort((a, b) => a.updatedAt - b.updatedAt);
}

export function isNoopOfficeMerge(plan: OfficeMergePlan): boolean {
  return plan.targetsToAdd.length === 0 && plan.targetConflicts.length === 0 && plan.issuedToAdd.length === 0;
}

export interface OfficeMergeSummary {
  targetsAdded: number;
  targetsChanged: number;
  issuedAdded: number;
}

/**
 * Write the office part of a merge inside the merge's transaction (the caller's, over targets and issued).
 * A target conflict answered 'incoming' takes the backup's figures, the local ones kept in the history; one
 * answered 'local' (or not at all) keeps this computer's figures, the backup's kept in the history.
 */
export async function applyOfficeMerge(
  database: AnjuDatabase,
  plan: OfficeMergePlan,
  choices: ReadonlyMap<string, MergeSide>,
  now: number,
): Promise<OfficeMergeSummary> {
  await database.targets.bulkAdd(plan.targetsToAdd.map((t) => ({ ...t })));
  let targetsChanged = 0;
  const updated: TargetRecord[] = [];
  for (const c of plan.targetConflicts) {
    const incoming = choices.get(c.key) === 'incoming';
    const [kept, other] = incoming ? [c.incoming, c.local] : [c.local, c.incoming];
    // Both computers' earlier states and the figures not chosen: the history holds everything either had.
    const history = mergedHistory([
      ...(c.local.history ?? []),
      ...(c.incoming.history ?? []),
      stateOf(other),
    ]);
    const record: TargetRecord = incoming
      ? { ...pickTargets(kept), year: c.year, unitId: c.unitId, source: 'merge', updatedAt: now }
      : { ...c.local };
    if (incoming && kept.note) record.note = kept.note;
    record.history = history;
    updated.push(record);
    if (incoming) targetsChanged++;
  }
  await database.targets.bulkPut(updated);
  // add, never put: an issued version this computer holds is never written over.
  await database.issued.bulkAdd(plan.issuedToAdd.map((r) => ({ ...r })));
  return { targetsAdded: plan.targetsToAdd.length, targetsChanged, issuedAdded: plan.issuedToAdd.length };
}

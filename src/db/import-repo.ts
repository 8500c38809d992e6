// The write path of imports: plan each read return against the store (new, already stored, or a replacement
// with its changed figures), then write each confirmed return in its own transaction (revision + head + import
// record, all or nothing). Nothing is overwritten: a replacement adds a revision and moves the head.

import { returnContent } from '../domain/content';
import { notice } from '../domain/messages';
import { periodLabel } from '../domain/period';
import { sha256Hex } from '../domain/sha256';
import type { ParsedReturn, PeriodKey, UnitId } from '../domain/types';
import { defaultRegister } from '../domain/units';
import type { AnjuDatabase, ImportRecord, ReturnHead, ReturnRevision, RevisionOrigin } from './database';
import { describeStorageError } from './errors';
import { type CandidateExtras, extraTables, revisionExtras, writeExtras } from './import-extras';
import { diffReturnTables, type FigureChange } from './return-diff';

/** A return read from a file, ready to be planned; with what the review or a manual entry adds to it. */
export interface ImportCandidate extends CandidateExtras {
  fileName: string;
  /** SHA-256 (hex) of the file's bytes. */
  fileHash: string;
  ret: ParsedReturn;
}

/**
 * - new: no return yet for the unit and period;
 * - exists: the current return came from the same file or has the same content (已存在, nothing to do);
 * - replace: a different return than the current one (待确认替换: the user must confirm);
 * - duplicate: another file of this batch already brings a different return for the same unit and period.
 */
export type PlanStatus = 'new' | 'exists' | 'replace' | 'duplicate';

export interface PlannedReturn {
  candidate: ImportCandidate;
  contentHash: string;
  status: PlanStatus;
  /** The head revision when the plan was made (null: none); the write checks it has not moved since. */
  expectedHead: number | null;
  current?: ReturnRevision;
  /** For 'replace': the figures that change. */
  changes: FigureChange[];
  /** For 'exists' and 'duplicate': a sentence saying why, in Chinese. */
  reason?: string;
}

export type CommitStatus = 'stored' | 'replaced' | 'skipped' | 'conflict' | 'failed';

export interface CommitOutcome {
  unitId: UnitId;
  period: PeriodKey;
  fileName: string;
  status: CommitStatus;
  revisionId?: number;
  /** For 'skipped', 'conflict' and 'failed': why, in Chinese. */
  message?: string;
}

export interface CommitOptions {
  kind: ImportRecord['kind'];
  origin: RevisionOrigin;
  /** Given for tests; a fresh id otherwise. */
  importId?: string;
  now?: () => number;
}

export interface CommitResult {
  importId: string;
  outcomes: CommitOutcome[];
}

/** SHA-256 of a return's normalised content (see domain/content): equal figures, equal hash. */
export function contentHashOf(ret: ParsedReturn): Promise<string> {
  return sha256Hex(returnContent(ret));
}

export function unitPeriodName(unitId: UnitId, period: PeriodKey): string {
  const unit = defaultRegister.unit(unitId)?.name ?? unitId;
  return `${unit}${periodLabel(period)}`;
}

async function headOf(db: AnjuDatabase, unitId: UnitId, period: PeriodKey): Promise<ReturnHead | undefined> {
  return db.heads.where('[unitId+period]').equals([unitId, period]).first();
}

/** Compare each candidate with the store and with the rest of the batch. Reads only. */
export async function planImport(db: AnjuDatabase, candidates: ImportCandidate[]): Promise<PlannedReturn[]> {
  const out: PlannedReturn[] = [];
  const inBatch = new Map<string, { fileName: string; contentHash: string }>();
  for (const candidate of candidates) {
    const { unitId, period } = candidate.ret;
    const contentHash = await contentHashOf(candidate.ret);
    const key = `${unitId}|${period}`;
    const earlier = inBatch.get(key);
    const name = unitPeriodName(unitId, period);
    if (earlier) {
      const same = earlier.contentHash === contentHash;
      out.push({
        candidate,
        contentHash,
        status: same ? 'exists' : 'duplicate',
        expectedHead: null,
        changes: [],
        reason: same
          ? notice('plan.sameInBatch', { file: earlier.fileName, name })
          : notice('plan.otherInBatch', { file: earlier.fileName, name }),
      });
      continue;
    }
    inBatch.set(key, { fileName: candidate.fileName, contentHash });
    const head = await headOf(db, unitId, period);
    const current = head ? await db.revisions.get(head.revisionId) : undefined;
    if (!head || !current) {
      out.push({ candidate, contentHash, status: 'new', expectedHead: null, changes: [] });
    } else if (current.fileHash === candidate.fileHash || current.contentHash === contentHash) {
      out.push({
        candidate,
        contentHash,
        status: 'exists',
        expectedHead: head.revisionId,
        current,
        changes: [],
        reason:
          current.fileHash === candidate.fileHash
            ? notice('plan.sameFile', { name, file: current.fileName })
            : notice('plan.sameContent', { name, file: current.fileName }),
      });
    } else {
      out.push({
        candidate,
        contentHash,
        status: 'replace',
        expectedHead: head.revisionId,
        current,
        changes: diffReturnTables(current.tables, candidate.ret.tables),
      });
    }
  }
  return out;
}

function newImportId(): string {
  return `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

// After these, the next writes would fail the same way: stop and say the rest was not saved.
const FATAL = new Set(['quota', 'blocked', 'version', 'open', 'closed']);

/**
 * Write the planned returns marked 'new' or 'replace' (only pass a 'replace' the user confirmed), each in its own
 * transaction: the revision, the head and the import record's change, or nothing. A head that moved since the
 * plan (another tab) is not overwritten: the return is reported as a conflict and left for a new check.
 */
export async function commitImport(
  db: AnjuDatabase,
  planned: PlannedReturn[],
  options: CommitOptions,
): Promise<CommitResult> {
  const importId = options.importId ?? newImportId();
  const now = options.now ?? Date.now;
  const outcomes: CommitOutcome[] = [];
  let fatal: string | null = null;
  for (const plan of planned) {
    const { ret, fileName, fileHash } = plan.candidate;
    const base = { unitId: ret.unitId, period: ret.period, fileName };
    if (plan.status !== 'new' && plan.status !== 'replace') {
      outcomes.push({ ...base, status: 'skipped', message: plan.reason ?? notice('commit.exists') });
      continue;
    }
    if (fatal) {
      outcomes.push({ ...base, status: 'failed', message: notice('commit.failed', { reason: fatal }) });
      continue;
    }
    try {
      const tables = [db.revisions, db.heads, db.imports, ...extraTables(db)];
      const outcome = await db.transaction('rw', tables, async () => {
        const head = await headOf(db, ret.unitId, ret.period);
        const current = head ? await db.revisions.get(head.revisionId) : undefined;
        if (current && (current.fileHash === fileHash || current.contentHash === plan.contentHash)) {
          return {
            ...base,
            status: 'skipped',
            message: notice('commit.sameStored', { name: unitPeriodName(ret.unitId, ret.period) }),
          } as const;
        }
        if ((head?.revisionId ?? null) !== plan.expectedHead) {
          return {
            ...base,
            status: 'conflict',
            message: notice('commit.changedSince', { name: unitPeriodName(ret.unitId, ret.period) }),
          } as const;
        }
        const at = now();
        const revisionId = await db.revisions.add({
          unitId: ret.unitId,
          period: ret.period,
          cutoff: ret.cutoff,
          tables: ret.tables,
          fileName,
          fileHash,
          contentHash: plan.contentHash,
          importedAt: at,
          importId,
          origin: options.origin,
          ...revisionExtras(plan.candidate),
        });
        if (typeof revisionId !== 'number') throw new Error('revision id missing');
        await db.heads.put({ unitId: ret.unitId, period: ret.period, revisionId, updatedAt: at });
        const record: ImportRecord = (await db.imports.get(importId)) ?? {
          id: importId,
          at,
          kind: options.kind,
          files: [],
          changes: [],
        };
        if (!record.files.includes(fileName)) record.files.push(fileName);
        record.changes.push({
          unitId: ret.unitId,
          period: ret.period,
          from: head?.revisionId ?? null,
          to: revisionId,
        });
        await db.imports.put(record);
        await writeExtras(db, plan.candidate, { unitId: ret.unitId, period: ret.period, importId, at });
        return { ...base, status: head ? 'replaced' : 'stored', revisionId } as const;
      });
      outcomes.push(outcome);
    } catch (err) {
      const problem = describeStorageError(err);
      if (FATAL.has(problem.code)) fatal = problem.message;
      outcomes.push({ ...base, status: 'failed', message: problem.message });
    }
  }
  return { importId, outcomes };
}

/** How many returns each outcome counts, for the summary line. */
export function countOutcomes(outcomes: CommitOutcome[]): Record<CommitStatus, number> {
  const counts: Record<CommitStatus, number> = { stored: 0, replaced: 0, skipped: 0, conflict: 0, failed: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}

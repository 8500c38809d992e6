// The write path of imports: plan each read return against the store (new, already stored, or a replacement
// with its changed figures), then write the confirmed returns, each all or nothing (revision + head + import
// record's change), a few per transaction, under an import record written first as 'started' so that an import
// cut short is found at the next start. Nothing is overwritten: a replacement adds a revision and moves the head.

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
  /** The content hash, when the reader's worker already computed it (else planImport does). */
  contentHash?: string;
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
  /** For 'failed' and 'conflict': a full store, another tab's change, or another failure of the store. */
  cause?: UnsavedCause;
}

export type UnsavedCause = 'quota' | 'conflict' | 'storage';

export interface CommitOptions {
  kind: ImportRecord['kind'];
  origin: RevisionOrigin;
  /** Given for tests; a fresh id otherwise. */
  importId?: string;
  now?: () => number;
  /** Returns per transaction (RETURNS_PER_TRANSACTION); tests make batches of several chunks with fewer. */
  returnsPerTransaction?: number;
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

const keyOf = (unitId: UnitId, period: PeriodKey) => `${unitId}|${period}`;

/** The heads of these unit–periods, and the revisions they point to, in two reads (not two per return). */
async function currentOf(
  db: AnjuDatabase,
  keys: readonly [UnitId, PeriodKey][],
): Promise<Map<string, { head: ReturnHead; current: ReturnRevision | undefined }>> {
  const out = new Map<string, { head: ReturnHead; current: ReturnRevision | undefined }>();
  if (keys.length === 0) return out;
  const heads = await db.heads.where('[unitId+period]').anyOf(keys).toArray();
  const revisions = await db.revisions.bulkGet(heads.map((h) => h.revisionId));
  heads.forEach((head, i) => {
    out.set(keyOf(head.unitId, head.period), { head, current: revisions[i] });
  });
  return out;
}

/** Compare each candidate with the store and with the rest of the batch. Reads only, in one transaction. */
export async function planImport(db: AnjuDatabase, candidates: ImportCandidate[]): Promise<PlannedReturn[]> {
  // Hashed in the reader's worker where it could be; here only what came without.
  const hashes = await Promise.all(candidates.map((c) => c.contentHash ?? contentHashOf(c.ret)));
  const keys = new Map<string, [UnitId, PeriodKey]>();
  for (const c of candidates) keys.set(keyOf(c.ret.unitId, c.ret.period), [c.ret.unitId, c.ret.period]);
  const stored = await db.transaction('r', db.heads, db.revisions, () => currentOf(db, [...keys.values()]));
  const out: PlannedReturn[] = [];
  const inBatch = new Map<string, { fileName: string; contentHash: string }>();
  candidates.forEach((candidate, index) => {
    const { unitId, period } = candidate.ret;
    const contentHash = hashes[index] as string;
    const key = keyOf(unitId, period);
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
      return;
    }
    inBatch.set(key, { fileName: candidate.fileName, contentHash });
    const { head, current } = stored.get(key) ?? {};
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
  });
  return out;
}

function newImportId(): string {
  return `imp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

// After these, the next writes would fail the same way: stop and say the rest was not saved.
const FATAL = new Set(['quota', 'blocked', 'version', 'open', 'closed']);

/**
 * Returns written per transaction. Each is still all or nothing (its revision, head and change in the import
 * record are in the same transaction as the rest of its chunk); fewer transactions make a batch of fifty
 * several times faster to write. A chunk that fails for another reason than a full or closed store is written
 * again return by return, so one bad return does not take nine good ones with it.
 */
export const RETURNS_PER_TRANSACTION = 50;

/** The name of the Web Lock an import holds while it writes: a 'started' record without it was cut short. */
export function importLockName(importId: string): string {
  return `anju-import:${importId}`;
}

/** Run `work` holding the import's Web Lock where the browser has them (it is released if the tab dies). */
async function holdingLock<T>(importId: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return work();
  return locks.request(importLockName(importId), work);
}

interface Writing {
  index: number;
  plan: PlannedReturn;
}

/**
 * Write the planned returns marked 'new' or 'replace' (only pass a 'replace' the user confirmed). The import
 * record is written first as 'started' with its plan, then the returns in chunks (revision + head + the
 * record's change per return, a chunk per transaction), then the record is marked 'finished'. A head that moved
 * since the plan (another tab) is not overwritten: the return is reported as a conflict and left for a new
 * check. Outcomes come back in the order of `planned`.
 */
export async function commitImport(
  db: AnjuDatabase,
  planned: PlannedReturn[],
  options: CommitOptions,
): Promise<CommitResult> {
  const importId = options.importId ?? newImportId();
  const now = options.now ?? Date.now;
  const outcomes: CommitOutcome[] = new Array(planned.length);
  const base = (plan: PlannedReturn) => ({
    unitId: plan.candidate.ret.unitId,
    period: plan.candidate.ret.period,
    fileName: plan.candidate.fileName,
  });
  const writing: Writing[] = [];
  planned.forEach((plan, index) => {
    if (plan.status === 'new' || plan.status === 'replace') writing.push({ index, plan });
    else
      outcomes[index] = { ...base(plan), status: 'skipped', message: plan.reason ?? notice('commit.exists') };
  });
  if (writing.length === 0) return { importId, outcomes };
  const failAll = (list: readonly Writing[], message: string, cause: UnsavedCause) => {
    for (const { index, plan } of list) outcomes[index] = { ...base(plan), status: 'failed', message, cause };
  };
  const causeOf = (code: string): UnsavedCause => (code === 'quota' ? 'quota' : 'storage');

  // The lock first, then the record: another tab never sees this import 'started' without its lock.
  await holdingLock(importId, async () => {
    try {
      await db.imports.add({
        id: importId,
        at: now(),
        kind: options.kind,
        files: [],
        changes: [],
        state: 'started',
        planned: writing.map(({ plan }) => base(plan)),
      });
    } catch (err) {
      const problem = describeStorageError(err);
      failAll(writing, problem.message, causeOf(problem.code));
      return;
    }
    let fatal: { message: string; cause: UnsavedCause } | null = null;
    const write = async (chunk: readonly Writing[]): Promise<void> => {
      if (fatal) {
        failAll(chunk, notice('commit.failed', { reason: fatal.message }), fatal.cause);
        return;
      }
      try {
        const written = await writeChunk(db, chunk, { importId, now, origin: options.origin });
        for (const [index, outcome] of written) outcomes[index] = outcome;
      } catch (err) {
        const problem = describeStorageError(err);
        if (FATAL.has(problem.code)) {
          fatal = { message: problem.message, cause: causeOf(problem.code) };
          failAll(chunk, problem.message, fatal.cause);
        } else if (chunk.length > 1) {
          for (const one of chunk) await write([one]);
        } else failAll(chunk, problem.message, causeOf(problem.code));
      }
    };
    const perTransaction = options.returnsPerTransaction ?? RETURNS_PER_TRANSACTION;
    for (const chunk of chunksOf(writing, perTransaction)) await write(chunk);
    try {
      await db.transaction('rw', db.imports, async () => {
        const record = await db.imports.get(importId);
        if (!record) return;
        // An import that wrote nothing (every return moved on meanwhile, or failed) leaves no record behind.
        if (record.changes.length === 0) await db.imports.delete(importId);
        else await db.imports.put({ ...record, state: 'finished' });
      });
    } catch {
      // Left 'started': the next start names it as cut short, with what it saved. Nothing is lost.
    }
  });
  return { importId, outcomes };
}

/** Chunks of at most `size` returns, a unit and period at most once in each. */
function chunksOf(writing: readonly Writing[], size: number): Writing[][] {
  const chunks: Writing[][] = [];
  let chunk: Writing[] = [];
  let keys = new Set<string>();
  for (const w of writing) {
    const key = keyOf(w.plan.candidate.ret.unitId, w.plan.candidate.ret.period);
    if (chunk.length >= size || keys.has(key)) {
      chunks.push(chunk);
      chunk = [];
      keys = new Set();
    }
    chunk.push(w);
    keys.add(key);
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/** One transaction: each return of the chunk checked against its head, then written or reported. */
async function writeChunk(
  db: AnjuDatabase,
  chunk: readonly Writing[],
  ctx: { importId: string; now: () => number; origin: RevisionOrigin },
): Promise<Map<number, CommitOutcome>> {
  const tables = [db.revisions, db.heads, db.imports, ...extraTables(db)];
  return db.transaction('rw', tables, async () => {
    const out = new Map<number, CommitOutcome>();
    const stored = await currentOf(
      db,
      chunk.map(({ plan }) => [plan.candidate.ret.unitId, plan.candidate.ret.period]),
    );
    const at = ctx.now();
    const adding: { w: Writing; head: ReturnHead | undefined; revision: ReturnRevision }[] = [];
    for (const w of chunk) {
      const { ret, fileName, fileHash } = w.plan.candidate;
      const outcome = { unitId: ret.unitId, period: ret.period, fileName };
      const { head, current } = stored.get(keyOf(ret.unitId, ret.period)) ?? {};
      const name = unitPeriodName(ret.unitId, ret.period);
      if (current && (current.fileHash === fileHash || current.contentHash === w.plan.contentHash)) {
        out.set(w.index, { ...outcome, status: 'skipped', message: notice('commit.sameStored', { name }) });
      } else if ((head?.revisionId ?? null) !== w.plan.expectedHead) {
        out.set(w.index, {
          ...outcome,
          status: 'conflict',
          message: notice('commit.changedSince', { name }),
          cause: 'conflict',
        });
      } else {
        adding.push({
          w,
          head,
          revision: {
            unitId: ret.unitId,
            period: ret.period,
            cutoff: ret.cutoff,
            tables: ret.tables,
            fileName,
            fileHash,
            contentHash: w.plan.contentHash,
            importedAt: at,
            importId: ctx.importId,
            origin: ctx.origin,
            ...revisionExtras(w.plan.candidate),
          },
        });
      }
    }
    if (adding.length === 0) return out;
    const ids = await db.revisions.bulkAdd(
      adding.map((a) => a.revision),
      { allKeys: true },
    );
    await db.heads.bulkPut(
      adding.map((a, i) => ({
        unitId: a.revision.unitId,
        period: a.revision.period,
        revisionId: ids[i] as number,
        updatedAt: at,
      })),
    );
    const record = await db.imports.get(ctx.importId);
    if (!record) throw new Error('import record missing');
    const files = [...record.files];
    const changes = [...record.changes];
    adding.forEach((a, i) => {
      const revisionId = ids[i];
      if (typeof revisionId !== 'number') throw new Error('revision id missing');
      if (!files.includes(a.revision.fileName)) files.push(a.revision.fileName);
      changes.push({
        unitId: a.revision.unitId,
        period: a.revision.period,
        from: a.head?.revisionId ?? null,
        to: revisionId,
      });
      out.set(a.w.index, {
        unitId: a.revision.unitId,
        period: a.revision.period,
        fileName: a.revision.fileName,
        status: a.head ? 'replaced' : 'stored',
        revisionId,
      });
    });
    await db.imports.put({ ...record, files, changes });
    await writeExtras(
      db,
      adding.map((a) => ({
        extras: a.w.plan.candidate,
        stored: { unitId: a.revision.unitId, period: a.revision.period, importId: ctx.importId, at },
      })),
    );
    return out;
  });
}

/** How many returns each outcome counts, for the summary line. */
export function countOutcomes(outcomes: CommitOutcome[]): Record<CommitStatus, number> {
  const counts: Record<CommitStatus, number> = { stored: 0, replaced: 0, skipped: 0, conflict: 0, failed: 0 };
  for (const o of outcomes) counts[o.status]++;
  return counts;
}

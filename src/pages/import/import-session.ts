// The state of the import page: the files read so far, each planned against the store, and the confirm step
// that writes what may be written (each return in its own transaction) and sums up what happened.
import { useCallback, useRef, useState } from 'react';
import { db } from '../../db/database';
import { storageErrorMessage } from '../../db/errors';
import { recordRefusedReads } from '../../db/file-reads';
import {
  type CommitOutcome,
  commitImport,
  countOutcomes,
  type ImportCandidate,
  type PlannedReturn,
  planImport,
  type UnsavedCause,
  unitPeriodName,
} from '../../db/import-repo';
import { listLayouts, toHeaderLayouts } from '../../db/layouts-repo';
import { readSetting } from '../../db/settings-repo';
import { requestPersistence } from '../../db/storage';
import { notice } from '../../domain/messages';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { type ReadFile, type ReadInput, readFiles } from '../../import/reader-client';
import { candidateExtras, type ReviewDecision, unitOfRead } from './row-extras';

export type FileStatus =
  | 'ok'
  | 'warning'
  | 'error'
  | 'exists'
  | 'replace'
  | 'imported'
  | 'replaced'
  | 'failed';

export const STATUS_LABEL: Record<FileStatus, string> = {
  ok: '可导入',
  warning: '有警告',
  error: '有错误',
  exists: '已存在',
  replace: '待确认替换',
  imported: '已导入',
  replaced: '已替换',
  failed: '未保存',
};

export type RowOrigin = 'file' | 'demo';

export interface FileRow {
  key: number;
  origin: RowOrigin;
  read: ReadFile;
  /** One plan per return of the file (a combined workbook brings several). */
  plans: PlannedReturn[];
  /** The user confirmed the replacement of the stored returns by this file's. */
  confirmed: boolean;
  /** Settled: stored, skipped or refused in an earlier confirm; kept in the list for the record. */
  done: boolean;
  outcomes: CommitOutcome[];
  /** The file itself, kept so that 核对 can open it again (a browser File, or the demo's bytes). */
  input?: ReadInput;
  /** What 核对 decided; `read` is then the file read again with it. */
  review?: ReviewDecision;
}

export function rowStatus(row: FileRow): FileStatus {
  if (!row.read.result.ok || row.plans.some((p) => p.status === 'duplicate')) return 'error';
  if (row.outcomes.length > 0) {
    if (row.outcomes.some((o) => o.status === 'failed' || o.status === 'conflict')) return 'failed';
    if (row.outcomes.some((o) => o.status === 'replaced')) return 'replaced';
    if (row.outcomes.some((o) => o.status === 'stored')) return 'imported';
    return 'exists';
  }
  if (row.plans.some((p) => p.status === 'replace')) return 'replace';
  if (row.plans.length > 0 && row.plans.every((p) => p.status === 'exists')) return 'exists';
  return row.read.result.warnings.length > 0 ? 'warning' : 'ok';
}

export interface ImportSummary {
  stored: number;
  replaced: number;
  skipped: number;
  refused: number;
  unconfirmed: number;
  failed: number;
  /** The returns not saved (农安县2018年1-9月 …) and why (the first failure's cause). */
  unsaved?: { names: string[]; cause: UnsavedCause };
}

export function summaryText(s: ImportSummary): string {
  let text = `已导入 ${s.stored} 份，替换 ${s.replaced} 份，跳过 ${s.skipped} 份（已存在），拒绝 ${s.refused} 个文件`;
  if (s.unconfirmed > 0) text += `；${s.unconfirmed} 份待确认替换，未导入`;
  if (s.failed > 0) {
    const params = {
      count: s.failed,
      names: (s.unsaved?.names ?? []).join('、'),
      saved: s.stored + s.replaced,
    };
    text += `；${notice(`import.unsaved.${s.unsaved?.cause ?? 'storage'}`, params).replace(/。$/, '')}`;
  }
  return `${text}。`;
}

/** What 确认导入 will do with the pending files, next to the button. */
export function confirmHint(toWrite: number, refused: number, waiting: number): string {
  const parts: string[] = [];
  if (toWrite > 0) parts.push(`确认后保存 ${toWrite} 个文件`);
  else if (waiting === 0) parts.push('没有可保存的新数据');
  if (refused > 0) parts.push(`${refused} 个有错误的文件不会保存`);
  if (waiting > 0) parts.push(`${waiting} 个待确认替换的文件需先在下方勾选确认`);
  return `${parts.join('；')}。`;
}

function candidatesOf(rows: FileRow[]): { row: FileRow; candidate: ImportCandidate }[] {
  return rows.flatMap((row) =>
    row.read.result.ok
      ? row.read.result.returns.map((ret, i) => {
          const candidate: ImportCandidate = {
            fileName: row.read.fileName,
            fileHash: row.read.sha256,
            ret,
            ...candidateExtras(row.read, ret, row.review),
          };
          // Hashed in the worker, unless a review re-read the file since (its corrections change the return).
          const contentHash = row.review ? undefined : row.read.contentHashes?.[i];
          if (contentHash) candidate.contentHash = contentHash;
          return { row, candidate };
        })
      : [],
  );
}

/** Plan every pending row against the store and against each other; returns new row objects. */
async function replan(rows: FileRow[]): Promise<FileRow[]> {
  const pairs = candidatesOf(rows);
  const plans = await planImport(
    db,
    pairs.map((p) => p.candidate),
  );
  const byRow = new Map<FileRow, PlannedReturn[]>();
  pairs.forEach((pair, i) => {
    const plan = plans[i];
    if (!plan) return;
    byRow.set(pair.row, [...(byRow.get(pair.row) ?? []), plan]);
  });
  return rows.map((row) => ({ ...row, plans: byRow.get(row) ?? [] }));
}

const writable = (row: FileRow) => {
  const status = rowStatus(row);
  return status === 'ok' || status === 'warning' || (status === 'replace' && row.confirmed);
};

/** A refused read as it is recorded (nothing when the file was read). */
function refusedRead(read: ReadFile) {
  if (read.result.ok) return [];
  const unitId = unitOfRead(read.result);
  return [
    {
      fileName: read.fileName,
      fileHash: read.sha256,
      size: read.size,
      issues: read.result.issues,
      tables: read.result.tables,
      ...(unitId ? { unitId } : {}),
      ...(read.result.period ? { period: read.result.period } : {}),
    },
  ];
}

/**
 * The import's phases as User Timing measures (anju:read, anju:plan, anju:write), seen in the browser's
 * performance panel and by `npm run bench -- browser`, which says where the time of an import goes.
 */
function measure(name: string, start: number): void {
  if (typeof performance !== 'undefined' && typeof performance.measure === 'function')
    performance.measure(`anju:${name}`, { start, end: performance.now() });
}

/** How often the count of files read is shown while they come back (every few milliseconds each). */
const PROGRESS_MS = 100;

export interface ImportSession {
  rows: FileRow[];
  /** The file size limit the files were read under (核对 reads them again under it). */
  maxBytes: number;
  progress: { done: number; total: number } | null;
  busy: 'reading' | 'saving' | null;
  summary: ImportSummary | null;
  error: string | null;
  addFiles: (inputs: ReadInput[], origin?: RowOrigin) => Promise<FileRow[]>;
  /** Put a reviewed file's new read (with its decisions) in place of its row's, and plan it again. */
  applyReview: (key: number, read: ReadFile, review: ReviewDecision) => Promise<void>;
  setConfirmed: (key: number, confirmed: boolean) => void;
  confirm: () => Promise<ImportSummary | null>;
  clearDone: () => void;
}

export function useImportSession(): ImportSession {
  const [rows, setRowsState] = useState<FileRow[]>([]);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [busy, setBusy] = useState<'reading' | 'saving' | null>(null);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [maxBytes, setMaxBytes] = useState(DEFAULT_SETTINGS.maxFileSizeMb * 1024 * 1024);
  // The latest rows, for the async steps (they outlive the render that started them).
  const rowsRef = useRef<FileRow[]>([]);
  const nextKey = useRef(1);
  // Files may be chosen while others are still read: the batches being read, their files read of all, and
  // the planning of finished batches one after the other (each plans against the rows the last one left).
  const reading = useRef(0);
  const counted = useRef({ done: 0, total: 0 });
  const planned = useRef<Promise<unknown>>(Promise.resolve());
  // Files come back every few milliseconds: the count is shown ten times a second, not rendered (and the page
  // laid out and painted) per file.
  const progressShown = useRef(false);
  const showProgress = useCallback(() => {
    if (progressShown.current) return;
    progressShown.current = true;
    setTimeout(() => {
      progressShown.current = false;
      setProgress({ ...counted.current });
    }, PROGRESS_MS);
  }, []);
  const setRows = useCallback((next: FileRow[]) => {
    rowsRef.current = next;
    setRowsState(next);
  }, []);

  const addFiles = useCallback(
    async (inputs: ReadInput[], origin: RowOrigin = 'file') => {
      if (inputs.length === 0) return [];
      if (reading.current === 0) counted.current = { done: 0, total: 0 };
      reading.current++;
      counted.current.total += inputs.length;
      setProgress({ ...counted.current });
      setBusy('reading');
      setError(null);
      setSummary(null);
      try {
        const maxMb = await readSetting(db, 'maxFileSizeMb', DEFAULT_SETTINGS.maxFileSizeMb);
        const seconds = await readSetting(db, 'readTimeoutSeconds', DEFAULT_SETTINGS.readTimeoutSeconds);
        // Each unit's saved 表头对照: the reader applies them to that unit's files only.
        const layouts = toHeaderLayouts(await listLayouts(db));
        setMaxBytes(maxMb * 1024 * 1024);
        let seen = 0;
        const readStart = performance.now();
        const read = await readFiles(inputs, {
          maxBytes: maxMb * 1024 * 1024,
          timeoutMs: seconds * 1000,
          onProgress: (done) => {
            counted.current.done += done - seen;
            seen = done;
            showProgress();
          },
          layouts,
        });
        setProgress({ ...counted.current });
        measure('read', readStart);
        const added: FileRow[] = read.map((file, i) => ({
          key: nextKey.current++,
          origin,
          read: file,
          plans: [],
          confirmed: false,
          done: false,
          outcomes: [],
          ...(inputs[i] ? { input: inputs[i] } : {}),
        }));
        // A refused file is kept on record when read: 导入记录 and the completeness grid know of it after a reload.
        await recordRefusedReads(
          db,
          added.flatMap((r) => refusedRead(r.read)),
        );
        const plan = planned.current.then(async () => {
          const settled = rowsRef.current.filter((r) => r.done);
          const planStart = performance.now();
          const pending = await replan([...rowsRef.current.filter((r) => !r.done), ...added]);
          measure('plan', planStart);
          setRows([...settled, ...pending]);
          const addedKeys = new Set(added.map((r) => r.key));
          return pending.filter((r) => addedKeys.has(r.key));
        });
        planned.current = plan.catch(() => undefined);
        return await plan;
      } catch (err) {
        setError(storageErrorMessage(err));
        return [];
      } finally {
        reading.current--;
        if (reading.current === 0) setBusy(null);
      }
    },
    [setRows, showProgress],
  );

  const applyReview = useCallback(
    async (key: number, read: ReadFile, review: ReviewDecision) => {
      setError(null);
      try {
        const next = rowsRef.current.map((r) =>
          r.key === key ? { ...r, read, review, confirmed: false } : r,
        );
        const settled = next.filter((r) => r.done);
        setRows([...settled, ...(await replan(next.filter((r) => !r.done)))]);
      } catch (err) {
        setError(storageErrorMessage(err));
      }
    },
    [setRows],
  );

  const setConfirmed = useCallback(
    (key: number, confirmed: boolean) => {
      setRows(rowsRef.current.map((r) => (r.key === key ? { ...r, confirmed } : r)));
    },
    [setRows],
  );

  const confirm = useCallback(async () => {
    const pending = rowsRef.current.filter((r) => !r.done);
    // Not while files are still read: the batch would be stored without them (the button waits too).
    if (pending.length === 0 || reading.current > 0) return null;
    setBusy('saving');
    setError(null);
    try {
      const outcomesByRow = new Map<FileRow, CommitOutcome[]>();
      for (const origin of ['file', 'demo'] as const) {
        const batch = pending.filter((r) => r.origin === origin && writable(r));
        const plans = batch.flatMap((r) =>
          r.plans.filter((p) => p.status === 'new' || p.status === 'replace'),
        );
        if (plans.length === 0) continue;
        const writeStart = performance.now();
        const { outcomes } = await commitImport(db, plans, {
          kind: origin === 'demo' ? 'demo' : 'import',
          origin,
        });
        measure('write', writeStart);
        let i = 0;
        for (const row of batch) {
          const n = row.plans.filter((p) => p.status === 'new' || p.status === 'replace').length;
          outcomesByRow.set(row, outcomes.slice(i, i + n));
          i += n;
        }
      }
      const all = [...outcomesByRow.values()].flat();
      const counts = countOutcomes(all);
      const unconfirmed = pending.filter((r) => rowStatus(r) === 'replace' && !r.confirmed);
      const result: ImportSummary = {
        stored: counts.stored,
        replaced: counts.replaced,
        skipped:
          counts.skipped +
          pending
            .filter((r) => r.read.result.ok)
            .flatMap((r) => r.plans)
            .filter((p) => p.status === 'exists').length,
        refused: pending.filter((r) => rowStatus(r) === 'error').length,
        unconfirmed: unconfirmed.reduce(
          (n, r) => n + r.plans.filter((p) => p.status === 'replace').length,
          0,
        ),
        failed: counts.failed + counts.conflict,
      };
      const unsaved = all.filter((o) => o.status === 'failed' || o.status === 'conflict');
      if (unsaved.length > 0) {
        result.unsaved = {
          names: unsaved.map((o) => unitPeriodName(o.unitId, o.period)),
          cause: unsaved.find((o) => o.cause === 'quota')?.cause ?? unsaved[0]?.cause ?? 'storage',
        };
      }
      setRows(
        rowsRef.current.map((r) => {
          if (r.done || unconfirmed.includes(r)) return r;
          if (!pending.includes(r)) return r;
          return { ...r, done: true, outcomes: outcomesByRow.get(r) ?? [] };
        }),
      );
      setSummary(result);
      if (result.stored + result.replaced > 0) void requestPersistence();
      return result;
    } catch (err) {
      setError(storageErrorMessage(err));
      return null;
    } finally {
      setBusy(null);
    }
  }, [setRows]);

  const clearDone = useCallback(() => {
    setRows(rowsRef.current.filter((r) => !r.done));
    setSummary(null);
    setProgress(null);
  }, [setRows]);

  return {
    rows,
    maxBytes,
    progress,
    busy,
    summary,
    error,
    addFiles,
    applyReview,
    setConfirmed,
    confirm,
    clearDone,
  };
}

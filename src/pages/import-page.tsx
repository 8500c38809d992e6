// 导入: drop the month's returns, see every problem, store what is good.
import { lazy, memo, Suspense, useEffect, useState } from 'react';
import { storageErrorMessage } from '../db/errors';
import { notice } from '../domain/messages';
import { warmReaders } from '../import/reader-client';
import { entryHref } from '../ui/links';
import { IssuedPeriodsNotice } from './bulletin/issued-periods-notice';
import { BackupReminderNotice } from './history/backup-reminder';
import { Completeness } from './import/completeness';
import { DEMO_FILE_COUNT } from './import/demo-count';
import { DropZone } from './import/drop-zone';
import { FirstSteps } from './import/first-steps';
import { confirmHint, type FileRow, rowStatus, summaryText, useImportSession } from './import/import-session';
import { ProblemListButton } from './import/problem-list-button';
import { usePeriod } from './period-context';
import { SyncConflictsGate } from './sync/sync-conflicts-gate';
import './import/import.css';

// The file list loads with the first files (and is fetched ahead on the same intent that starts the readers).
const loadFileList = () => import('./import/file-list');
// Memoised, as are the page's other parts below: while files are read the count changes every frame, and
// while they are saved each transaction's live queries re-render the page; the fifty rows need not follow.
const FileList = lazy(() => loadFileList().then((m) => ({ default: memo(m.FileList) })));
const PageNotices = memo(function PageNotices() {
  return (
    <>
      <FirstSteps />
      <BackupReminderNotice />
      <SyncConflictsGate />
      <IssuedPeriodsNotice />
    </>
  );
});
const PeriodCompleteness = memo(Completeness);

/** The user is about to add files: start the readers and fetch the file list. */
function prepareForFiles(): void {
  warmReaders();
  void loadFileList();
}

// 核对 loads with its grid and its worker client only when a file is reviewed.
const ReviewDialog = lazy(() => import('./review/review-dialog').then((m) => ({ default: m.ReviewDialog })));

export function ImportPage() {
  const session = useImportSession();
  const { period } = usePeriod();
  const [demoError, setDemoError] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState<FileRow | null>(null);
  // The readers (the reader worker is ~150 kB gzip) start when the user shows they are about to add files — the
  // pointer or the focus reaches the picker, or files are dragged onto the page — not on every visit to 导入:
  // they load while the user picks files, and a first visit stays small.
  useEffect(() => {
    window.addEventListener('dragenter', prepareForFiles, { once: true });
    return () => window.removeEventListener('dragenter', prepareForFiles);
  }, []);
  const pending = session.rows.filter((r) => !r.done);
  // Confirm settles every pending file (stores, skips or refuses it) except a replacement not yet confirmed.
  const settleable = pending.filter((r) => rowStatus(r) !== 'replace' || r.confirmed);

  const loadDemo = async () => {
    setDemoError(null);
    // The list of demo URLs loads on the click (precached: it works offline).
    const demo = await import('./import/demo-data').catch(() => null);
    if (!demo) {
      setDemoError(notice('demo.failed'));
      return;
    }
    const { DemoFetchError, loadDemoFiles } = demo;
    try {
      const rows = await session.addFiles(await loadDemoFiles(), 'demo');
      // Nothing to decide (no replacement, no refused file): store at once, as one import.
      if (rows.every((r) => rowStatus(r) !== 'replace' && rowStatus(r) !== 'error')) await session.confirm();
    } catch (err) {
      setDemoError(err instanceof DemoFetchError ? err.message : storageErrorMessage(err));
    }
  };

  const toWrite = settleable.filter((r) => ['ok', 'warning', 'replace'].includes(rowStatus(r))).length;
  const refused = pending.filter((r) => rowStatus(r) === 'error').length;
  const waiting = pending.length - settleable.length;

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">导入月报</h1>
      <PageNotices />
      {/* Files may be added while others are read (a slow file never holds the picker); not while saving. */}
      <DropZone
        onFiles={(files) => void session.addFiles(files)}
        onIntent={prepareForFiles}
        disabled={session.busy === 'saving'}
      >
        <button type="button" disabled={session.busy === 'saving'} onClick={() => void loadDemo()}>
          载入示例数据
        </button>
        <a className="button" href={entryHref()}>
          手工录入
        </a>
        <span className="muted">
          示例数据：全省 50 个单位 2018年1-8月、1-9月的月报（{DEMO_FILE_COUNT} 个文件）。
        </span>
      </DropZone>
      {/* The bar only while reading; the count stays as the record of the last read. */}
      {session.progress &&
        (session.busy === 'reading' ? (
          <div className="read-progress">
            <label htmlFor="read-progress">
              已读取 {session.progress.done} / {session.progress.total} 个文件
            </label>
            <progress id="read-progress" value={session.progress.done} max={session.progress.total} />
          </div>
        ) : (
          <p className="read-progress">
            已读取 {session.progress.done} / {session.progress.total} 个文件
          </p>
        ))}
      {(session.error || demoError) && (
        <p className="notice bad" role="alert">
          {session.error ?? demoError}
        </p>
      )}
      {session.rows.length > 0 && (
        <>
          <h2>本次文件（{session.rows.length} 个）</h2>
          {session.summary && (
            <p
              className={session.summary.failed > 0 ? 'notice bad' : 'notice ok'}
              role="status"
              data-testid="import-summary"
            >
              {summaryText(session.summary)}
            </p>
          )}
          <div className="toolbar">
            {/* Once every file is settled there is nothing to confirm: the button goes until new files come. */}
            {pending.length > 0 && (
              <>
                <button
                  type="button"
                  className="primary"
                  disabled={session.busy !== null || settleable.length === 0}
                  onClick={() => void session.confirm()}
                >
                  确认导入
                </button>
                <span className="muted" data-testid="confirm-hint">
                  {confirmHint(toWrite, refused, waiting)}
                </span>
              </>
            )}
            {session.rows.some((r) => r.done) && (
              <button type="button" disabled={session.busy !== null} onClick={session.clearDone}>
                清除已处理的文件
              </button>
            )}
          </div>
          {session.busy === 'saving' && (
            <p className="loading" role="status">
              正在保存…
            </p>
          )}
          <Suspense fallback={<p className="loading">正在显示文件…</p>}>
            <FileList rows={session.rows} onConfirm={session.setConfirmed} onReview={setReviewing} />
          </Suspense>
          {reviewing?.input && (
            <Suspense fallback={<p className="loading">正在打开核对…</p>}>
              <ReviewDialog
                target={{
                  read: reviewing.read,
                  input: reviewing.input,
                  maxBytes: session.maxBytes,
                  ...(reviewing.review ? { review: reviewing.review } : {}),
                }}
                onClose={() => setReviewing(null)}
                onApply={(read, decision) => {
                  const key = reviewing.key;
                  setReviewing(null);
                  void session.applyReview(key, read, decision);
                }}
              />
            </Suspense>
          )}
        </>
      )}
      <h2>报送完整性</h2>
      {period && (
        <div className="toolbar">
          <ProblemListButton period={period} />
        </div>
      )}
      {/* Not live while saving: it would re-read the period after every one of the returns being written. */}
      {session.busy === 'saving' ? (
        <p className="loading">正在保存，完成后显示…</p>
      ) : (
        <PeriodCompleteness period={period} />
      )}
    </section>
  );
}

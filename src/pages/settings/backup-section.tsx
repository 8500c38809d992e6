// 设置 → 备份与恢复: export, restore, merge another laptop's backup, the import record with undo, wipe local data.
import { type ChangeEvent, useState } from 'react';
import {
  type BackupFile,
  countDatabase,
  type DatabaseCounts,
  exportBackup,
  isEmptyDatabase,
  readBackup,
  replaceWithBackup,
  restoreBackup,
} from '../../db/backup';
import { db } from '../../db/database';
import { applyMerge, type MergePlan, type MergeSide, planMerge } from '../../db/merge';
import type { LayoutConflict } from '../../db/merge-extras';
import { useDbAction } from '../../db/use-db-action';
import { reviewText } from '../../domain/messages';
import { ActionNotice } from '../../ui/action-notice';
import { saveBytes } from '../../ui/download';
import { BackupReminderNotice } from '../history/backup-reminder';
import { fileBytes } from '../history/download';
import { ImportList } from '../history/import-list';
import { unitName } from '../history/labels';
import { MergeReview, officeMergeText } from '../history/merge-review';
import { WipeData } from '../history/wipe-data';
import '../history/history.css';

function countsText(c: DatabaseCounts): string {
  const office = [
    c.targets > 0 ? `${c.targets} 条年度目标` : '',
    c.issued > 0 ? `${c.issued} 份已签发通报` : '',
  ].filter(Boolean);
  return [`${c.returns} 份月报、${c.revisions} 个版本、${c.bulletins} 份通报文字`, ...office].join('、');
}

/** The headers both computers map differently: this one's mapping was kept, and the user is told which. */
function layoutConflictText(conflicts: readonly LayoutConflict[]): string {
  if (conflicts.length === 0) return '';
  const headers = conflicts.map((c) => `${unitName(c.layoutId.split('|')[0] ?? '')}“${c.header}”`).join('、');
  return reviewText('merge.layoutConflicts', { count: conflicts.length, headers });
}

export function BackupSection() {
  const [gzip, setGzip] = useState(false);
  const { busy, message, setMessage, run } = useDbAction();
  const [pendingRestore, setPendingRestore] = useState<{
    backup: BackupFile;
    fileName: string;
    local: DatabaseCounts;
  } | null>(null);
  const [merge, setMerge] = useState<{ plan: MergePlan; fileName: string } | null>(null);

  const doExport = () =>
    run(async () => {
      const { fileName, bytes, backup } = await exportBackup(db, gzip);
      saveBytes(bytes, fileName, gzip ? 'application/gzip' : 'application/json');
      const d = backup.data;
      setMessage({
        ok: true,
        text: `已导出备份“${fileName}”（${d.heads.length} 份月报、${d.revisions.length} 个版本）。请保存到其他位置（如U盘）。`,
      });
    });

  async function readChosen(
    event: ChangeEvent<HTMLInputElement>,
  ): Promise<{ backup: BackupFile; fileName: string } | null> {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return null;
    setMessage(null);
    setPendingRestore(null);
    setMerge(null);
    const read = await readBackup(await fileBytes(file), file.name);
    if (!read.ok) {
      setMessage({ ok: false, text: read.message });
      return null;
    }
    return { backup: read.value, fileName: file.name };
  }

  const startMerge = (backup: BackupFile, fileName: string) =>
    run(async () => {
      setPendingRestore(null);
      setMerge({ plan: await planMerge(db, backup), fileName });
    });

  const onRestoreFile = (event: ChangeEvent<HTMLInputElement>) =>
    run(async () => {
      const chosen = await readChosen(event);
      if (!chosen) return;
      const local = await countDatabase(db);
      if (!isEmptyDatabase(local)) {
        setPendingRestore({ ...chosen, local });
        return;
      }
      const result = await restoreBackup(db, chosen.backup);
      setMessage(
        result.ok
          ? { ok: true, text: `已从“${chosen.fileName}”恢复：${countsText(result.value)}。` }
          : { ok: false, text: result.message },
      );
    });

  const onMergeFile = (event: ChangeEvent<HTMLInputElement>) =>
    run(async () => {
      const chosen = await readChosen(event);
      if (chosen) await startMerge(chosen.backup, chosen.fileName);
    });

  const clearThenRestore = () =>
    run(async () => {
      if (!pendingRestore) return;
      const ok = window.confirm(
        `清空本机数据（${countsText(pendingRestore.local)}）后用“${pendingRestore.fileName}”恢复？本机现有数据将被删除，无法撤销。`,
      );
      if (!ok) return;
      const result = await replaceWithBackup(db, pendingRestore.backup);
      setPendingRestore(null);
      setMessage(
        result.ok
          ? {
              ok: true,
              text: `已清空本机数据并从“${pendingRestore.fileName}”恢复：${countsText(result.value)}。`,
            }
          : { ok: false, text: result.message },
      );
    });

  const confirmMerge = (choices: Map<string, MergeSide>) =>
    run(async () => {
      if (!merge) return;
      const result = await applyMerge(db, merge.plan, choices, merge.fileName);
      setMerge(null);
      setMessage(
        result.ok
          ? {
              ok: true,
              text: `已合并“${merge.fileName}”：新增 ${result.value.added} 个版本，跳过相同的 ${result.value.skipped} 份，${result.value.headsMoved} 份月报更新为当前版本。可在下方导入记录中撤销。${officeMergeText(result.value.office)}${layoutConflictText(result.value.layoutConflicts)}`,
            }
          : { ok: false, text: result.message },
      );
    });

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">备份与恢复</h2>
      <p className="muted">
        所有数据只保存在本浏览器中。请定期导出备份并保存到其他位置；换电脑或重装系统时用备份恢复。
      </p>
      <BackupReminderNotice showLink={false} />
      <ActionNotice message={message} />

      {/* One line of actions: save a backup, or bring one in (restore into an empty store, or merge). */}
      <div className="toolbar">
        <button type="button" className="button primary" disabled={busy} onClick={doExport}>
          导出备份
        </button>
        <label>
          <input type="checkbox" checked={gzip} onChange={(e) => setGzip(e.currentTarget.checked)} />{' '}
          压缩（.json.gz）
        </label>
        <span className="toolbar-gap" aria-hidden="true" />
        <label className="button file-button">
          从备份恢复…
          <input
            type="file"
            accept=".json,.gz,application/json,application/gzip"
            disabled={busy}
            onChange={onRestoreFile}
          />
        </label>
        <label className="button file-button">
          合并其他电脑的备份…
          <input
            type="file"
            accept=".json,.gz,application/json,application/gzip"
            disabled={busy}
            onChange={onMergeFile}
          />
        </label>
      </div>
      {pendingRestore && (
        <div className="notice warn" role="alertdialog" aria-labelledby="restore-choice-text">
          <p id="restore-choice-text">
            本机已有数据（{countsText(pendingRestore.local)}
            ），不能直接恢复。可以把备份合并进来（两边的月报都保留），或清空本机数据后再恢复。
          </p>
          <div className="toolbar">
            <button
              type="button"
              className="button primary"
              disabled={busy}
              onClick={() => startMerge(pendingRestore.backup, pendingRestore.fileName)}
            >
              改为合并
            </button>
            <button type="button" className="button" disabled={busy} onClick={clearThenRestore}>
              清空本机后恢复…
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setPendingRestore(null)}>
              取消
            </button>
          </div>
        </div>
      )}

      {merge && (
        <MergeReview
          plan={merge.plan}
          fileName={merge.fileName}
          busy={busy}
          onConfirm={confirmMerge}
          onCancel={() => setMerge(null)}
        />
      )}

      <ImportList />
      <WipeData onBackup={doExport} />
    </section>
  );
}

// 导入记录's refused files: every file read and refused that has not been resolved since (by a good file of the
// same unit and period, or by 核对), kept across reloads, each with its reasons — the files still to chase.
import { db } from '../../db/database';
import { deleteFileRead, useRefusedReads } from '../../db/file-reads';
import { useDbAction } from '../../db/use-db-action';
import { reviewText } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import { ActionNotice } from '../../ui/action-notice';
import { issueText } from '../import/file-list';
import { DeleteButton } from './delete-button';
import { timeText, unitName } from './labels';

export function RefusedFiles() {
  const reads = useRefusedReads();
  const action = useDbAction();
  if (reads === undefined) return <p className="loading">正在读取…</p>;
  return (
    <section aria-labelledby="refused-files-title">
      <h4 id="refused-files-title">未导入的文件（{reads.length} 个）</h4>
      <ActionNotice message={action.message} />
      {reads.length === 0 ? (
        <p className="muted">没有未导入的文件。</p>
      ) : (
        <table className="data" aria-label="未导入的文件">
          <thead>
            <tr>
              <th scope="col">读取时间</th>
              <th scope="col">文件</th>
              <th scope="col">单位</th>
              <th scope="col">报告期</th>
              <th scope="col">原因</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {reads.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">{timeText(r.at)}</td>
                <th scope="row">{r.fileName}</th>
                <td>{r.unitId ? unitName(r.unitId) : '—'}</td>
                <td className="nowrap">{r.period ? periodLabel(r.period) : '—'}</td>
                <td>
                  <details>
                    <summary>{r.issues.length} 个问题</summary>
                    <ul>
                      {r.issues.map((issue, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a kept record's issues never change
                        <li key={i}>{issueText(issue)}</li>
                      ))}
                    </ul>
                  </details>
                </td>
                <td>
                  <DeleteButton
                    action={action}
                    label="删除记录"
                    ariaLabel={`删除记录：${r.fileName}`}
                    confirmText={reviewText('refused.deleteConfirm', { fileName: r.fileName })}
                    doneText={reviewText('refused.deleted', { fileName: r.fileName })}
                    onDelete={() => deleteFileRead(db, r.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

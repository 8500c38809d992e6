// 导入记录: recent imports, merges and restores, each undoable as a whole (撤销), with the result said in words.
import { db } from '../../db/database';
import { undoImport } from '../../db/history';
import { useRecentImports } from '../../db/hooks';
import { resultMessage, useDbAction } from '../../db/use-db-action';
import { ActionNotice } from '../../ui/action-notice';
import { IMPORT_KIND_LABEL, timeText, unitPeriodText } from './labels';
import { RefusedFiles } from './refused-files';

export function ImportList({ limit = 20 }: { limit?: number }) {
  const imports = useRecentImports(limit);
  const action = useDbAction();
  const busy = action.busy;

  async function undo(id: string, label: string) {
    if (
      !window.confirm(
        `撤销这次${label}？它保存的月报将回到之前的版本（之前没有的将被移除）。版本记录会保留，可再次恢复。`,
      )
    ) {
      return;
    }
    await action.run(async () =>
      resultMessage(
        await undoImport(db, id),
        (undo) => `已撤销，${undo.changes.length} 份月报已回到之前的状态。`,
      ),
    );
  }

  return (
    <section aria-labelledby="import-list-title">
      <h3 id="import-list-title">导入记录</h3>
      <ActionNotice message={action.message} />
      {imports === undefined ? (
        <p className="loading">正在读取…</p>
      ) : imports.length === 0 ? (
        <p className="muted">还没有导入记录。</p>
      ) : (
        <table className="data" aria-label="最近的导入记录">
          <thead>
            <tr>
              <th scope="col">时间</th>
              <th scope="col">类型</th>
              <th scope="col">文件</th>
              <th scope="col">更改的月报</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((rec) => {
              const label = IMPORT_KIND_LABEL[rec.kind] ?? rec.kind;
              const units = rec.changes.map((c) => unitPeriodText(c.unitId, c.period));
              return (
                <tr key={rec.id}>
                  <td>{timeText(rec.at)}</td>
                  <td>{label}</td>
                  <td>
                    {rec.files.length > 3
                      ? `${rec.files.slice(0, 3).join('、')} 等 ${rec.files.length} 个`
                      : rec.files.join('、') || '—'}
                  </td>
                  <td title={units.join('、')}>
                    {rec.changes.length} 份
                    {units.length > 0 && units.length <= 3 ? `（${units.join('、')}）` : ''}
                  </td>
                  <td>
                    {rec.undone ? (
                      <span className="flag info">已撤销</span>
                    ) : rec.changes.length === 0 ? (
                      <span className="muted">无更改</span>
                    ) : (
                      <button
                        type="button"
                        className="button"
                        disabled={busy}
                        aria-label={`撤销 ${timeText(rec.at)} 的${label}`}
                        onClick={() => undo(rec.id, label)}
                      >
                        撤销
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <RefusedFiles />
    </section>
  );
}

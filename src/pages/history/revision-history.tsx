// A unit's return history for a period: every stored version (when, which file, what changed) and 恢复此版本.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '../../db/database';
import { listRevisions, restoreRevision } from '../../db/history';
import { periodLabel } from '../../domain/period';
import type { PeriodKey, UnitId } from '../../domain/types';
import { IMPORT_KIND_LABEL, timeText, unitName } from './labels';

const ORIGIN_LABEL: Record<string, string> = {
  file: '导入文件',
  demo: '示例数据',
  merge: '合并备份',
  restore: '备份恢复',
};

export function RevisionHistory({ unitId, period }: { unitId: UnitId; period: PeriodKey }) {
  const entries = useLiveQuery(() => listRevisions(db, unitId, period), [unitId, period]);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const titleId = `revision-history-${unitId}-${period}`;

  async function restore(id: number, when: string) {
    const result = await restoreRevision(db, id);
    setMessage(
      result.ok
        ? { ok: true, text: `已恢复 ${when} 的版本为当前版本（可在“设置 → 备份与恢复 → 导入记录”中撤销）。` }
        : { ok: false, text: result.message },
    );
  }

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>
        版本记录：{unitName(unitId)} {periodLabel(period)}
      </h2>
      {message && (
        <p className={`notice ${message.ok ? 'ok' : 'bad'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {entries === undefined ? (
        <p className="loading">正在读取…</p>
      ) : entries.length === 0 ? (
        <p className="muted">该单位本期没有保存的月报。</p>
      ) : (
        <ol className="revision-list">
          {entries.map((e) => {
            const when = timeText(e.revision.importedAt);
            return (
              <li key={e.revision.id}>
                <p>
                  <strong>{when}</strong>{' '}
                  {ORIGIN_LABEL[e.revision.origin] ?? IMPORT_KIND_LABEL[e.revision.origin]}：
                  {e.revision.fileName}{' '}
                  {e.isCurrent ? (
                    <span className="flag ok">当前版本</span>
                  ) : (
                    <button
                      type="button"
                      className="button"
                      aria-label={`恢复此版本（${when}，${e.revision.fileName}）`}
                      onClick={() => e.revision.id !== undefined && restore(e.revision.id, when)}
                    >
                      恢复此版本
                    </button>
                  )}
                </p>
                {e.isFirst ? (
                  <p className="muted">首次导入。</p>
                ) : e.changes.length === 0 ? (
                  <p className="muted">与上一版本相比数字没有变化。</p>
                ) : (
                  <table className="data" aria-label={`${when} 版本与上一版本相比的变化`}>
                    <thead>
                      <tr>
                        <th scope="col">表</th>
                        <th scope="col">行</th>
                        <th scope="col">项目</th>
                        <th scope="col">上一版本</th>
                        <th scope="col">本版本</th>
                      </tr>
                    </thead>
                    <tbody>
                      {e.changes.map((c, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: a change list is fixed for a revision
                        <tr key={i}>
                          <td>{c.tableTitle}</td>
                          <td>{c.row ?? '—'}</td>
                          <td>{c.label}</td>
                          <td>{c.before}</td>
                          <td>{c.after}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

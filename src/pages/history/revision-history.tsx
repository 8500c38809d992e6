// A unit's return history for a period: every stored version (when, which file, what changed) and 恢复此版本.
import { db } from '../../db/database';
import { restoreRevision } from '../../db/history';
import { useRevisionList } from '../../db/hooks';
import { resultMessage, useDbAction } from '../../db/use-db-action';
import { periodLabel } from '../../domain/period';
import type { PeriodKey, UnitId } from '../../domain/types';
import { ActionNotice } from '../../ui/action-notice';
import { HandMade } from './hand-made';
import { IMPORT_KIND_LABEL, timeText, unitName } from './labels';

const ORIGIN_LABEL: Record<string, string> = {
  file: '导入文件',
  demo: '示例数据',
  merge: '合并备份',
  restore: '备份恢复',
  manual: '手工录入',
  sync: '同步',
};

export function RevisionHistory({ unitId, period }: { unitId: UnitId; period: PeriodKey }) {
  const entries = useRevisionList(unitId, period);
  const action = useDbAction();
  const titleId = `revision-history-${unitId}-${period}`;

  const restore = (id: number, when: string) =>
    action.run(async () =>
      resultMessage(
        await restoreRevision(db, id),
        () => `已恢复 ${when} 的版本为当前版本（可在“设置 → 备份与恢复 → 导入记录”中撤销）。`,
      ),
    );

  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId}>
        版本记录：{unitName(unitId)} {periodLabel(period)}
      </h2>
      <ActionNotice message={action.message} />
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
                <HandMade revision={e.revision} />
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

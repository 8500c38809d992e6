// 清除本机数据: a confirmation naming what will be lost, with a backup offered first; then delete and reload.
import { useState } from 'react';
import { countDatabase, type DatabaseCounts, wipeDatabase } from '../../db/backup';
import { db } from '../../db/database';
import { useDbAction } from '../../db/use-db-action';
import { ActionNotice } from '../../ui/action-notice';

export function WipeData({ onBackup }: { onBackup: () => Promise<void> }) {
  const [counts, setCounts] = useState<DatabaseCounts | null>(null);
  const action = useDbAction();

  const ask = () =>
    action.run(async () => {
      action.setMessage(null);
      setCounts(await countDatabase(db));
      return null;
    });

  const wipe = () =>
    action.run(async () => {
      await wipeDatabase(db);
      window.location.reload();
      return null;
    });

  return (
    <section aria-labelledby="wipe-title">
      <h3 id="wipe-title">清除本机数据</h3>
      {counts === null ? (
        <button type="button" className="button" onClick={ask}>
          清除本机数据…
        </button>
      ) : (
        <div className="notice bad" role="alertdialog" aria-labelledby="wipe-confirm-text">
          <p id="wipe-confirm-text">
            将从本浏览器永久删除：{counts.returns} 份月报、{counts.revisions} 个版本、设置（{counts.settings}{' '}
            项）、通报文字（
            {counts.bulletins} 份）、年度目标（{counts.targets} 条）、已签发通报（{counts.issued}{' '}
            份）和导入记录（
            {counts.imports} 条）。删除后无法撤销，除非有备份。
          </p>
          <div className="toolbar">
            <button type="button" className="button" onClick={onBackup}>
              先导出备份
            </button>
            <button type="button" className="button primary" onClick={wipe}>
              确认清除
            </button>
            <button type="button" className="button" onClick={() => setCounts(null)}>
              取消
            </button>
          </div>
        </div>
      )}
      <ActionNotice message={action.message} />
    </section>
  );
}

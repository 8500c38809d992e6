// 设置 → 表头对照: every saved header mapping (a unit's header texts → the fields they mean, per table), when it
// was saved and from which file's 核对, with 删除. A unit's next file is read with its mapping automatically.
import { db } from '../../db/database';
import { deleteLayout, useLayouts } from '../../db/layouts-repo';
import { useDbAction } from '../../db/use-db-action';
import { reviewText } from '../../domain/messages';
import { tableDef } from '../../domain/tables';
import type { TableKey } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { ActionNotice } from '../../ui/action-notice';
import { DeleteButton } from '../history/delete-button';
import { timeText, unitName } from '../history/labels';

/** Register order, then table order. */
function order(unitId: string, table: TableKey): number {
  const u = defaultRegister.units.findIndex((x) => x.id === unitId);
  return (u < 0 ? 999 : u) * 10 + tableDef(table).number;
}

export function LayoutsSection() {
  const layouts = useLayouts();
  const action = useDbAction();
  const sorted = [...(layouts ?? [])].sort((a, b) => order(a.unitId, a.table) - order(b.unitId, b.table));
  return (
    <section aria-labelledby="layouts-title">
      <h2 id="layouts-title">表头对照</h2>
      <p className="muted">
        在导入页“核对”一个文件并确认列的对照后，对照按单位保存在这里；该单位以后的文件表头相同时自动按它读取（导入列表显示“按已保存的表头对照读取”）。对照只用于它所属的单位。
      </p>
      <ActionNotice message={action.message} />
      {layouts === undefined ? (
        <p className="loading">正在读取…</p>
      ) : sorted.length === 0 ? (
        <p className="muted">还没有保存的表头对照。</p>
      ) : (
        <table className="data" aria-label="已保存的表头对照">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">表</th>
              <th scope="col">表头 → 对应内容</th>
              <th scope="col">保存时间</th>
              <th scope="col">来自文件</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((l) => {
              const def = tableDef(l.table);
              const table = `表${def.number}（${def.shortName}）`;
              const unit = unitName(l.unitId);
              return (
                <tr key={l.id}>
                  <th scope="row">{unit}</th>
                  <td className="nowrap">{table}</td>
                  <td>
                    <ul className="layout-headers">
                      {Object.entries(l.headers).map(([header, field]) => (
                        <li key={header}>
                          “{header}” →{' '}
                          {field === null
                            ? '不导入此列'
                            : (def.fields.find((f) => f.key === field)?.header ?? field)}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="nowrap">{timeText(l.savedAt)}</td>
                  <td>{l.fileName}</td>
                  <td>
                    <DeleteButton
                      action={action}
                      label="删除"
                      ariaLabel={`删除${unit}${table}的表头对照`}
                      confirmText={reviewText('layout.deleteConfirm', { unit, table })}
                      doneText={reviewText('layout.deleted', { unit, table })}
                      onDelete={() => deleteLayout(db, l.id)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

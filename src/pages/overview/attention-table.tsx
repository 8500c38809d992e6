// 需要关注: a row per unit standing in any warning list, its flags in words, sortable by the number of flags;
// then the units with nothing stored for the period and those with a return still to resolve.
import { useId, useState } from 'react';
import type { Attention, AttentionRow } from '../../domain/calc/attention';
import { comparePinyin } from '../../domain/calc/sort';
import { overviewText } from '../../domain/messages';
import { unitHref } from '../../ui/links';

type Order = 'flags-desc' | 'flags-asc' | 'name';

function sorted(rows: readonly AttentionRow[], order: Order): AttentionRow[] {
  // rows come most flags first, then register order: the ascending order keeps register order within a count.
  if (order === 'flags-desc') return [...rows];
  if (order === 'flags-asc') {
    const index = new Map(rows.map((r, i) => [r, i]));
    return [...rows].sort(
      (a, b) => a.flags.length - b.flags.length || (index.get(a) ?? 0) - (index.get(b) ?? 0),
    );
  }
  return [...rows].sort((a, b) => comparePinyin(a.name, b.name));
}

export function AttentionTable({ attention }: { attention: Attention }) {
  const [order, setOrder] = useState<Order>('flags-desc');
  const captionId = useId();
  const rows = sorted(attention.rows, order);
  const flagsSort = order === 'flags-desc' ? 'descending' : order === 'flags-asc' ? 'ascending' : 'none';
  const nextFlagsOrder: Order = order === 'flags-desc' ? 'flags-asc' : 'flags-desc';
  return (
    <>
      {rows.length === 0 ? (
        <p className="notice ok" data-testid="attention-none">
          {overviewText('attention.noneListed')}
        </p>
      ) : (
        <table className="data ov-attention" data-testid="attention-table" aria-describedby={captionId}>
          <caption id={captionId} className="muted">
            {overviewText('attention.caption', { count: rows.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={order === 'name' ? 'ascending' : 'none'}>
                <button type="button" className="ov-sort" onClick={() => setOrder('name')}>
                  市县{order === 'name' ? ' ▲' : ''}
                </button>
              </th>
              <th scope="col">所属</th>
              <th scope="col">需关注的事项</th>
              <th scope="col" className="num" aria-sort={flagsSort}>
                <button type="button" className="ov-sort" onClick={() => setOrder(nextFlagsOrder)}>
                  事项数{order === 'flags-desc' ? ' ▼' : order === 'flags-asc' ? ' ▲' : ''}
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitId} data-unit={row.unitId}>
                <th scope="row">
                  <a href={unitHref(row.unitId)}>{row.name}</a>
                </th>
                <td>{row.groupName}</td>
                <td data-flags={row.flags.map((f) => f.flag).join(' ')}>
                  {row.flags.map((f) => f.text).join('；')}
                </td>
                <td className="num">{row.flags.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {attention.missing.length > 0 ? (
        <div className="notice warn" data-testid="attention-missing">
          <strong>{overviewText('attention.missingTitle', { count: attention.missing.length })}</strong>
          <ul className="ov-inline-list">
            {attention.missing.map((m) => (
              <li key={m.unitId}>
                <a href={unitHref(m.unitId)}>{m.name}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {attention.unresolved.length > 0 ? (
        <div className="notice warn" data-testid="attention-unresolved">
          <strong>{overviewText('attention.unresolvedTitle', { count: attention.unresolved.length })}</strong>
          <ul>
            {attention.unresolved.map((u) => (
              <li key={u.unitId}>
                <a href={unitHref(u.unitId)}>{u.name}</a>：{u.text}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

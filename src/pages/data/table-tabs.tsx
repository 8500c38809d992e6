// The five attachments as navigation links (#/data/<tableKey>): each is its own address, so it can be
// bookmarked and opened from the bulletin.
import { TABLES } from '../../domain/tables';
import type { TableKey } from '../../domain/types';
import { dataHref } from '../../ui/links';

export function TableTabs({ current }: { current: TableKey }) {
  return (
    <nav aria-label="附件" className="table-tabs">
      <ul>
        {TABLES.map((t) => (
          <li key={t.key}>
            <a href={dataHref(t.key)} aria-current={t.key === current ? 'page' : undefined}>
              附件{t.number} {t.shortName}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

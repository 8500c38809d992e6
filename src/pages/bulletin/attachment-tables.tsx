// The five attachments as HTML tables, for the page's preview and for printing (each on its own page).
import type { AttachmentModel } from '../../domain/bulletin/attachments';
import { cellText } from '../../domain/bulletin/attachments';

/** Rows keyed by position: the rows are rebuilt whole from the analysis, never reordered in place. */
function rowKeys(model: AttachmentModel) {
  return model.rows.map((row, position) => ({ row, key: `${model.key}-${position}` }));
}

function AttachmentTable({ model }: { model: AttachmentModel }) {
  const titleId = `attachment-${model.number}-title`;
  return (
    <section className="attachment" aria-labelledby={titleId}>
      <p className="attachment-label">{model.label}</p>
      <h2 id={titleId} className="attachment-title">
        {model.title}
      </h2>
      <p className="attachment-unit">{model.unitLine}</p>
      <table className="data attachment-table">
        <thead>
          {model.headerRows.map((cells, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: header rows are fixed by the table definition
            <tr key={r}>
              {cells.map((h) => (
                <th key={h.col} scope="col" colSpan={h.colSpan} rowSpan={h.rowSpan}>
                  {h.text}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {rowKeys(model).map(({ row, key }) => (
            <tr
              key={key}
              className={row.role === 'province' ? 'total' : row.role === 'group' ? 'subtotal' : undefined}
            >
              {row.cells.map((cell, c) => {
                const kind = model.columns[c]?.kind;
                const numeric = kind === 'count' || kind === 'money' || kind === 'rate';
                const text = cellText(cell);
                return c === 1 ? (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed by the model
                  <th key={c} scope="row">
                    {text}
                  </th>
                ) : (
                  // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed by the model
                  <td key={c} className={numeric ? 'num' : undefined}>
                    {kind === 'rate' && text !== '' ? `${text}%` : text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {model.footnote && <p className="attachment-note">{model.footnote}</p>}
    </section>
  );
}

export function AttachmentTables({ models }: { models: readonly AttachmentModel[] }) {
  return (
    <div className="attachments">
      {models.map((m) => (
        <AttachmentTable key={m.key} model={m} />
      ))}
    </div>
  );
}

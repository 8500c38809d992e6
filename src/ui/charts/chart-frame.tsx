// The frame every chart sits in: title, units, a 查看数据表 toggle showing its data as a table, CSV, PNG and SVG
// downloads, and a legend in words (colour never carries meaning alone).
import { type ReactNode, useId, useRef, useState } from 'react';
import { saveFigureAs } from '../svg-export';
import { type CsvCell, downloadCsv, toCsv } from './csv';
import './charts.css';

export interface ChartColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
  numeric?: boolean;
}

export interface LegendItem {
  colour: string;
  label: string;
}

interface ChartFrameProps<Row> {
  title: string;
  /** A sentence under the title: what is drawn, in which unit. */
  description?: ReactNode;
  columns: readonly ChartColumn<Row>[];
  rows: readonly Row[];
  /** File name without extension, for the CSV, PNG and SVG downloads. */
  csvName: string;
  legend?: readonly LegendItem[];
  testId: string;
  children: ReactNode;
}

export function ChartFrame<Row>({
  title,
  description,
  columns,
  rows,
  csvName,
  legend,
  testId,
  children,
}: ChartFrameProps<Row>) {
  const [showTable, setShowTable] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  const headers = columns.map((c) => c.header);
  const cells = () => rows.map((row) => columns.map((c) => c.value(row)));
  // The picture carries the title and the legend in words, so it stands alone on a slide.
  const saveFigure = async (format: 'png' | 'svg') => {
    setSaveProblem(null);
    const container = body.current;
    if (!container) return;
    setSaveProblem(await saveFigureAs(format, container, csvName, { title, legend: legend ?? [] }));
  };
  return (
    <figure className="chart" aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {description ? <p className="muted chart-description">{description}</p> : null}
      <div className="toolbar">
        <button
          type="button"
          aria-pressed={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? '隐藏数据表' : '查看数据表'}
        </button>
        <button type="button" onClick={() => downloadCsv(`${csvName}.csv`, toCsv(headers, cells()))}>
          下载CSV
        </button>
        <button type="button" onClick={() => saveFigure('png')}>
          下载PNG图片
        </button>
        <button type="button" onClick={() => saveFigure('svg')}>
          下载SVG图片
        </button>
      </div>
      {saveProblem ? (
        <p className="notice bad" role="alert">
          {saveProblem}
        </p>
      ) : null}
      {legend && legend.length > 0 ? (
        <ul className="chart-legend" aria-label="图例">
          {legend.map((item) => (
            <li key={item.label}>
              <span className="chart-swatch" style={{ background: item.colour }} aria-hidden="true" />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-body" ref={body}>
        {children}
      </div>
      <div id={tableId} hidden={!showTable}>
        {showTable ? (
          <table className="data">
            <caption className="muted">{title}（数据表）</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.header} scope="col" className={c.numeric ? 'num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells().map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are a fixed snapshot in display order
                <tr key={i}>
                  {r.map((v, j) => (
                    <td key={columns[j]?.header} className={columns[j]?.numeric ? 'num' : undefined}>
                      {v ?? '—'}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </figure>
  );
}

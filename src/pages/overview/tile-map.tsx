// The schematic tile map: one equal tile per unit at its place (domain/tile-map), coloured by the measure the user
// picks with the thresholds as classes, a symbol and a legend in words, the 市州 outlines and names. Each tile is
// a link to the unit's page (click or Enter), reached by Tab in reading order; hovering or focusing it shows the
// unit's figures beside the map. Saved as PNG or SVG like the charts; 打印地图 prints it alone on one A4
// landscape page.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PeriodAnalysis } from '../../domain/calc';
import {
  MAP_MEASURES,
  type MapClass,
  type MapMeasure,
  mapLegend,
  mapValues,
} from '../../domain/calc/map-classes';
import { overviewText } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import { outlineGroups, TILE_MAP, tilesInReadingOrder } from '../../domain/tile-map';
import type { UnitId } from '../../domain/types';
import { defaultRegister } from '../../domain/units';
import { unitHref } from '../../ui/links';
import { saveFigureAs } from '../../ui/svg-export';
import { MEASURE_LABEL } from './labels';

const CELL_W = 68;
const CELL_H = 62;
const GAP = 4;
const PAD = 8;

/** The fill of each tone, the same on screen, in print and in the saved files (the legend's swatches too). */
export const TONE_FILL: Record<MapClass['tone'], string> = {
  ok: '#aceebb',
  info: '#b6e3ff',
  warn: '#ffe58f',
  bad: '#ffaba8',
  none: '#eaeef2',
  missing: '#ffffff',
};

const x = (col: number) => PAD + col * CELL_W;
const y = (row: number) => PAD + row * CELL_H;

interface UnitFigures {
  measure: MapMeasure;
  value: string;
  label: string;
}

function useMapData(analysis: PeriodAnalysis, measure: MapMeasure) {
  return useMemo(() => {
    const t = analysis.thresholds;
    const legends = new Map(MAP_MEASURES.map((m) => [m, mapLegend(m, t)]));
    // Every measure of every unit, for the details shown on hover or focus.
    const byUnit = new Map<UnitId, UnitFigures[]>();
    for (const m of MAP_MEASURES) {
      const classes = new Map((legends.get(m) ?? []).map((c) => [c.key, c]));
      for (const v of mapValues(analysis, m, defaultRegister)) {
        const list = byUnit.get(v.unitId) ?? [];
        list.push({ measure: m, value: v.value, label: classes.get(v.classKey)?.label ?? '' });
        byUnit.set(v.unitId, list);
      }
    }
    const legend = legends.get(measure) ?? [];
    const classOf = new Map(legend.map((c) => [c.key, c]));
    const values = new Map(
      mapValues(analysis, measure, defaultRegister).map((v) => [
        v.unitId,
        { ...v, cls: classOf.get(v.classKey) },
      ]),
    );
    return { legend, values, byUnit };
  }, [analysis, measure]);
}

export function TileMap({ analysis }: { analysis: PeriodAnalysis }) {
  const [measure, setMeasure] = useState<MapMeasure>('startRate');
  const [active, setActive] = useState<UnitId | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const drawing = useRef<HTMLDivElement>(null);
  const ids = { title: useId(), select: useId(), detail: useId() };
  const { legend, values, byUnit } = useMapData(analysis, measure);
  const groups = useMemo(() => outlineGroups(defaultRegister), []);
  const tiles = useMemo(() => tilesInReadingOrder(), []);
  const width = TILE_MAP.columns * CELL_W + 2 * PAD;
  const height = TILE_MAP.rows * CELL_H + 2 * PAD;
  const title = `${periodLabel(analysis.period)}各市县${MEASURE_LABEL[measure]}分布图`;

  // 打印地图 prints the map alone: the body says so for the print rules until the dialog closes.
  useEffect(() => {
    const done = () => document.body.classList.remove('printing-map');
    window.addEventListener('afterprint', done);
    return () => {
      window.removeEventListener('afterprint', done);
      done();
    };
  }, []);
  const printMap = () => {
    document.body.classList.add('printing-map');
    window.print();
  };

  const save = async (format: 'png' | 'svg') => {
    setProblem(null);
    const container = drawing.current;
    if (!container) return;
    const options = {
      title,
      legend: legend.map((c) => ({ colour: TONE_FILL[c.tone], label: `${c.symbol} ${c.label}` })),
    };
    const baseName = `概览地图-${MEASURE_LABEL[measure]}-${periodLabel(analysis.period)}`;
    setProblem(await saveFigureAs(format, container, baseName, options));
  };

  const activeUnit = active ? defaultRegister.unit(active) : undefined;
  return (
    <section className="ov-map-section ov-deferred" aria-labelledby={ids.title} data-testid="tile-map">
      <h2 id={ids.title}>市县分布图</h2>
      <div className="toolbar">
        <label htmlFor={ids.select}>着色指标</label>
        <select id={ids.select} value={measure} onChange={(e) => setMeasure(e.target.value as MapMeasure)}>
          {MAP_MEASURES.map((m) => (
            <option key={m} value={m}>
              {MEASURE_LABEL[m]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => save('png')}>
          下载PNG图片
        </button>
        <button type="button" onClick={() => save('svg')}>
          下载SVG图片
        </button>
        <button type="button" onClick={printMap}>
          打印地图
        </button>
      </div>
      {problem ? (
        <p className="notice bad" role="alert">
          {problem}
        </p>
      ) : null}
      <p className="ov-map-print-title">{title}</p>
      <div className="ov-map-layout">
        <div className="ov-map-drawing" ref={drawing}>
          <svg
            className="ov-map"
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
            aria-label={`${title}（每个方块是一个单位，按实际相对位置排列，粗线为市州界）`}
          >
            <g>
              {groups.map((g) =>
                g.label ? (
                  <text
                    key={`label-${g.id}`}
                    className="ov-map-group-label"
                    x={x(g.label.col) + CELL_W / 2}
                    y={y(g.label.row) + CELL_H / 2}
                    textAnchor="middle"
                    dominantBaseline="central"
                  >
                    {g.label.text}
                  </text>
                ) : null,
              )}
            </g>
            {tiles.map((tile) => {
              const unit = defaultRegister.unit(tile.unitId);
              const v = values.get(tile.unitId);
              const cls = v?.cls;
              const name = unit?.name ?? tile.unitId;
              const groupName = unit ? defaultRegister.groupName(defaultRegister.groupOf(unit)) : '';
              return (
                <a
                  key={tile.unitId}
                  href={unitHref(tile.unitId)}
                  className={`ov-tile tone-${cls?.tone ?? 'missing'}`}
                  data-unit={tile.unitId}
                  data-class={v?.classKey}
                  aria-label={`${name}（${groupName}）：${MEASURE_LABEL[measure]}${v?.value ?? '—'}，${cls?.label ?? ''}`}
                  onMouseEnter={() => setActive(tile.unitId)}
                  onFocus={() => setActive(tile.unitId)}
                >
                  <rect
                    x={x(tile.col) + GAP / 2}
                    y={y(tile.row) + GAP / 2}
                    width={CELL_W - GAP}
                    height={CELL_H - GAP}
                    rx={4}
                    fill={TONE_FILL[cls?.tone ?? 'missing']}
                  />
                  <text
                    className="ov-tile-name"
                    x={x(tile.col) + CELL_W / 2}
                    y={y(tile.row) + 21}
                    textAnchor="middle"
                  >
                    {tile.label ?? name}
                  </text>
                  <text
                    className="ov-tile-value"
                    x={x(tile.col) + CELL_W / 2}
                    y={y(tile.row) + 37}
                    textAnchor="middle"
                  >
                    {v?.value ?? '—'}
                    <tspan className="ov-tile-symbol" x={x(tile.col) + CELL_W / 2} dy={14}>
                      {cls?.symbol ?? ''}
                    </tspan>
                  </text>
                </a>
              );
            })}
            <g>
              {groups.map((g) => (
                <path
                  key={`outline-${g.id}`}
                  className="ov-map-outline"
                  d={g.segments.map(([x1, y1, x2, y2]) => `M${x(x1)} ${y(y1)}L${x(x2)} ${y(y2)}`).join('')}
                />
              ))}
            </g>
          </svg>
        </div>
        <div className="ov-map-side">
          <ul className="ov-legend" aria-label={`图例：${MEASURE_LABEL[measure]}`} data-testid="map-legend">
            {legend.map((c) => (
              <li key={c.key} data-class={c.key}>
                <span className="ov-swatch" style={{ background: TONE_FILL[c.tone] }} aria-hidden="true">
                  {c.symbol}
                </span>
                {c.label}
                <span className="muted">
                  （{[...values.values()].filter((v) => v.classKey === c.key).length}个）
                </span>
              </li>
            ))}
          </ul>
          <div id={ids.detail} className="ov-map-detail" data-testid="map-detail">
            {activeUnit ? (
              <>
                <h3>
                  <a href={unitHref(activeUnit.id)}>{activeUnit.name}</a>
                </h3>
                <p className="muted">{defaultRegister.groupName(defaultRegister.groupOf(activeUnit))}</p>
                <dl>
                  {(byUnit.get(activeUnit.id) ?? []).map((f) => (
                    <div key={f.measure} className={f.measure === measure ? 'ov-detail-current' : undefined}>
                      <dt>{MEASURE_LABEL[f.measure]}</dt>
                      <dd>
                        {f.value}
                        <span className="muted">（{f.label}）</span>
                      </dd>
                    </div>
                  ))}
                </dl>
              </>
            ) : (
              <p className="muted">{overviewText('map.hint')}</p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

// The headline cards: one per table, its figure with the change since the previous period and since the same
// period last year, a trend line over the year, and the way to the matching table on 数据.
import type { AllocationFlag, StartFlag } from '../../domain/calc';
import type { Card, Comparison, FigureView } from '../../domain/calc/overview';
import { overviewText } from '../../domain/messages';
import { periodLabel } from '../../domain/period';
import type { Thresholds } from '../../domain/settings';
import { tableDef } from '../../domain/tables';
import { formatDelta, formatFigure } from '../../ui/figure-format';
import { dataHref } from '../../ui/links';
import { Flag } from '../data/flag';
import { allocationFlagText, startFlagText } from '../data/flags';
import { FIGURE_LABEL } from './labels';
import { Sparkline } from './sparkline';

/** Why a change is '—' (said on hover), or that it stands on different units (said on the card). */
function changeNote(c: Comparison, view: FigureView): { text: string; shown: boolean } | null {
  if (c.period === null) return { text: overviewText('change.january'), shown: false };
  if (c.delta === null) return { text: overviewText('change.none'), shown: false };
  if (c.unitsDiffer && c.before && view.now)
    return {
      text: overviewText('change.unitsDiffer', { now: view.now.units, before: c.before.units }),
      shown: true,
    };
  return null;
}

function Change({
  label,
  kind,
  comparison,
  view,
}: {
  label: string;
  kind: 'month' | 'year';
  comparison: Comparison;
  view: FigureView;
}) {
  const note = changeNote(comparison, view);
  const against = comparison.period ? `与${periodLabel(comparison.period)}相比` : '';
  const title = [against, note?.text].filter(Boolean).join('；');
  return (
    <div className="ov-change" data-testid={`change-${view.key}-${kind}`}>
      <dt>{label}</dt>
      <dd title={title || undefined}>
        {formatDelta(view.kind, comparison.delta)}
        {note?.shown ? <span className="ov-change-note">（{note.text}）</span> : null}
      </dd>
    </div>
  );
}

function Figure({ view, headline }: { view: FigureView; headline: boolean }) {
  const value = formatFigure(view.kind, view.now?.value ?? null);
  return (
    <div className={headline ? 'ov-figure ov-headline' : 'ov-figure'} data-testid={`figure-${view.key}`}>
      <div className="ov-figure-main">
        <span className="ov-figure-label">{FIGURE_LABEL[view.key]}</span>
        <span className="ov-figure-value" data-testid={`value-${view.key}`}>
          {value}
        </span>
      </div>
      <dl className="ov-changes">
        <Change label="较上月" kind="month" comparison={view.month} view={view} />
        <Change label="较上年同期" kind="year" comparison={view.year} view={view} />
      </dl>
    </div>
  );
}

/** The headline rate against its lines, in words (the flag the 数据 table shows for 全省合计). */
function Standing({ card, flags, thresholds }: { card: Card; flags: CardFlags; thresholds: Thresholds }) {
  if (card.table === 'start') {
    return (
      <p className="ov-standing">
        目标{thresholds.startTarget}%，预警线{thresholds.startWarning}%：
        <Flag flag={startFlagText(flags.start, thresholds)} />
      </p>
    );
  }
  if (card.table === 'publicRental') {
    return (
      <p className="ov-standing">
        目标{thresholds.allocationTarget}%，低于{thresholds.allocationLow}%需关注：
        <Flag flag={allocationFlagText(flags.allocation, thresholds)} />
      </p>
    );
  }
  return null;
}

export interface CardFlags {
  start: StartFlag;
  allocation: AllocationFlag;
}

export function OverviewCards({
  cards,
  flags,
  thresholds,
}: {
  cards: readonly Card[];
  flags: CardFlags;
  thresholds: Thresholds;
}) {
  return (
    <div className="ov-cards">
      {cards.map((card) => {
        const def = tableDef(card.table);
        const [headline, ...rest] = card.figures;
        const titleId = `ov-card-${card.table}`;
        return (
          <article
            key={card.table}
            className="ov-card"
            aria-labelledby={titleId}
            data-testid={`card-${card.table}`}
          >
            <h3 id={titleId}>
              <a href={dataHref(card.table)}>{def.shortName}</a>
            </h3>
            {headline ? <Figure view={headline} headline /> : null}
            <Standing card={card} flags={flags} thresholds={thresholds} />
            {headline ? (
              <Sparkline trend={card.trend} kind={headline.kind} label={FIGURE_LABEL[headline.key]} />
            ) : null}
            {rest.map((view) => (
              <Figure key={view.key} view={view} headline={false} />
            ))}
            <p className="ov-card-link no-print">
              <a href={dataHref(card.table)}>
                查看附件{def.number} {def.shortName} →
              </a>
            </p>
          </article>
        );
      })}
    </div>
  );
}

// The tile map's colour classes: for the measure the user picks, each unit's class (from the same flags and
// thresholds as the tables and the bulletin) and its figure, and the legend in words. A class has a tone for
// its colour and a symbol, so a tile never says anything by colour alone.
import { overviewText } from '../messages';
import type { Thresholds } from '../settings';
import type { UnitId } from '../types';
import type { UnitRegister } from '../units';
import { formatRate, formatYi } from './format';
import type { PeriodAnalysis } from './types';

export type MapMeasure = 'startRate' | 'allocationRate' | 'expropriationRate' | 'carryOver' | 'disbursed';

export const MAP_MEASURES: readonly MapMeasure[] = [
  'startRate',
  'allocationRate',
  'expropriationRate',
  'carryOver',
  'disbursed',
];

/** ok / warn / bad follow the thresholds; info is between; none: the figure does not apply; missing: not reported. */
export type MapTone = 'ok' | 'info' | 'warn' | 'bad' | 'none' | 'missing';

export const TONE_SYMBOL: Record<MapTone, string> = {
  ok: '✓',
  info: '·',
  warn: '△',
  bad: '✕',
  none: '○',
  missing: '?',
};

export interface MapClass {
  key: string;
  tone: MapTone;
  label: string;
  symbol: string;
}

export interface MapValue {
  unitId: UnitId;
  classKey: string;
  /** The unit's figure for the measure, formatted ('86.0%', '12.34亿元', '3个'); '—' when it has none. */
  value: string;
}

function cls(key: string, tone: MapTone, label: string): MapClass {
  return { key, tone, label, symbol: TONE_SYMBOL[tone] };
}

const MISSING = 'missing';

/** The classes of a measure under the thresholds, in legend order (best first, then none, then missing). */
export function mapLegend(measure: MapMeasure, t: Thresholds): MapClass[] {
  const missing = cls(MISSING, 'missing', overviewText('map.missing'));
  switch (measure) {
    case 'startRate':
      return [
        cls('reached', 'ok', overviewText('map.start.reached', { target: t.startTarget })),
        cls(
          'lagging',
          'warn',
          overviewText('map.start.lagging', { warning: t.startWarning, target: t.startTarget }),
        ),
        cls('below', 'bad', overviewText('map.start.below', { warning: t.startWarning })),
        cls('none', 'none', overviewText('map.start.none')),
        missing,
      ];
    case 'allocationRate':
      return [
        cls('target', 'ok', overviewText('map.allocation.target', { target: t.allocationTarget })),
        cls(
          'middle',
          'warn',
          overviewText('map.allocation.middle', { low: t.allocationLow, target: t.allocationTarget }),
        ),
        cls('low', 'bad', overviewText('map.allocation.low', { low: t.allocationLow })),
        cls('none', 'none', overviewText('map.allocation.none')),
        missing,
      ];
    case 'expropriationRate':
      return [
        cls('ahead', 'ok', overviewText('map.expropriation.ahead', { ahead: t.expropriationAhead })),
        cls(
          'middle',
          'info',
          overviewText('map.expropriation.middle', {
            behind: t.expropriationBehind,
            ahead: t.expropriationAhead,
          }),
        ),
        cls('behind', 'bad', overviewText('map.expropriation.behind', { behind: t.expropriationBehind })),
        cls('none', 'none', overviewText('map.expropriation.none')),
        missing,
      ];
    case 'carryOver':
      return [
        cls('zero', 'ok', overviewText('map.carryOver.zero')),
        // With a threshold of 1 every unit with a project has many: there is no class between.
        ...(t.carryOverMany > 1
          ? [cls('some', 'info', overviewText('map.carryOver.some', { below: t.carryOverMany }))]
          : []),
        cls('many', 'bad', overviewText('map.carryOver.many', { many: t.carryOverMany })),
        missing,
      ];
    case 'disbursed':
      return [
        cls('disbursed', 'ok', overviewText('map.loan.disbursed')),
        cls('creditOnly', 'warn', overviewText('map.loan.creditOnly')),
        cls('needNoCredit', 'bad', overviewText('map.loan.needNoCredit')),
        cls('none', 'none', overviewText('map.loan.none')),
        missing,
      ];
  }
}

/** Each reporting unit's class and figure for the measure (units without the table: missing). */
function reportedValues(analysis: PeriodAnalysis, measure: MapMeasure): MapValue[] {
  const t = analysis.thresholds;
  switch (measure) {
    case 'startRate':
      return analysis.start.units.map((r) => ({
        unitId: r.id,
        classKey: r.flag,
        value: formatRate(r.rate, 1),
      }));
    case 'allocationRate':
      return analysis.publicRental.units.map((r) => ({
        unitId: r.id,
        classKey: r.flag,
        value: formatRate(r.rate, 1),
      }));
    case 'expropriationRate':
      return analysis.expropriation.units.map((r) => ({
        unitId: r.id,
        classKey: r.flag,
        value: formatRate(r.rate, 1),
      }));
    case 'carryOver':
      return analysis.carryOver.units.map((r) => ({
        unitId: r.id,
        classKey: r.count === 0 ? 'zero' : r.count >= t.carryOverMany ? 'many' : 'some',
        value: `${r.count}个`,
      }));
    case 'disbursed':
      return analysis.loan.units.map((r) => ({
        unitId: r.id,
        // The warning list first: a need without credit is named even when earlier years' credit is drawn.
        classKey:
          !r.hasCredit && r.need !== null && r.need > 0
            ? 'needNoCredit'
            : r.total.disbursed > 0
              ? 'disbursed'
              : r.hasCredit
                ? 'creditOnly'
                : 'none',
        value: `${formatYi(r.total.disbursed)}亿元`,
      }));
  }
}

/** Every unit of the register with its class and figure for the measure, register order. */
export function mapValues(analysis: PeriodAnalysis, measure: MapMeasure, register: UnitRegister): MapValue[] {
  const reported = new Map(reportedValues(analysis, measure).map((v) => [v.unitId, v]));
  return register.units.map((u) => reported.get(u.id) ?? { unitId: u.id, classKey: MISSING, value: '—' });
}

import { describe, expect, it } from 'vitest';
import type { FigureKind } from '../domain/calc/overview';
import type { Rate } from '../domain/calc/types';
import { formatDelta, formatFigure } from './figure-format';

const n = (value: number): Rate => ({ num: value, den: 1 });

describe('formatFigure', () => {
  it.each<[FigureKind, Rate | null, string]>([
    ['rate', { num: 81948, den: 95270 }, '86.02%'],
    ['rate', { num: 0, den: 400 }, '0.00%'],
    ['rate', null, '—'],
    ['dwellings', n(81948), '81,948套'],
    ['yuan', n(31_004_000_000), '310.04亿元'],
    ['households', n(38344), '38,344户'],
    ['projects', n(78), '78个'],
  ])('%s %j → %s', (kind, value, text) => {
    expect(formatFigure(kind, value)).toBe(text);
  });
});

describe('formatDelta', () => {
  it.each<[FigureKind, Rate | null, string]>([
    ['yuan', n(122_000_000), '+1.22亿元'],
    ['yuan', n(-122_000_000), '-1.22亿元'],
    ['yuan', n(0), '0.00亿元'],
    ['dwellings', n(-5), '-5套'],
    ['dwellings', n(12000), '+12,000套'],
    ['projects', n(0), '0个'],
    // 3.1 percentage points: 0.031 as a fraction.
    ['rate', { num: 31, den: 1000 }, '+3.10个百分点'],
    ['rate', { num: -1, den: 3 }, '-33.33个百分点'],
    // Unknown (no previous period stored): a dash, never 0.
    ['rate', null, '—'],
    ['yuan', null, '—'],
    ['households', null, '—'],
  ])('%s %j → %s', (kind, delta, text) => {
    expect(formatDelta(kind, delta)).toBe(text);
  });
});

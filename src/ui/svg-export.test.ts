import { describe, expect, it } from 'vitest';
import { escapeXml, estimateTextWidth, type FigurePart, figureDocument, layoutLegend } from './svg-export';

const bar = (x: number, y: number, width: number, height: number): FigurePart => ({
  x,
  y,
  width,
  height,
  markup: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="1" height="1"/></svg>`,
});

function numberAttr(markup: string, name: string): number {
  const m = new RegExp(`<svg[^>]* ${name}="([\\d.]+)"`).exec(markup);
  if (!m?.[1]) throw new Error(`no ${name}`);
  return Number(m[1]);
}

describe('escapeXml', () => {
  it.each([
    ['a<b>&"c\'', 'a&lt;b&gt;&amp;&quot;c&apos;'],
    ['开工率（%）', '开工率（%）'],
    ['&amp;', '&amp;amp;'],
  ])('%s', (text, escaped) => expect(escapeXml(text)).toBe(escaped));
});

describe('estimateTextWidth', () => {
  it.each([
    ['开工率', 10, 30],
    ['100%', 10, 24],
    ['目标100%', 10, 44],
    ['（）', 12, 24],
    ['', 12, 0],
  ])('%s at %i px is %i px', (text, size, width) => expect(estimateTextWidth(text, size)).toBeCloseTo(width));
});

describe('layoutLegend', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ colour: '#000', label: `图例项${'长'.repeat(i)}` }));
  it.each([80, 200, 400, 1000, 5000])('at a width of %i every item starts inside it, in order', (width) => {
    const { placed, height } = layoutLegend(items, width);
    expect(placed.map((p) => p.item)).toEqual(items);
    for (const p of placed) expect(p.x === 0 || p.x < width).toBe(true);
    // Rows only ever go down, and an item wraps only when it would pass the width.
    for (let i = 1; i < placed.length; i++) {
      const [a, b] = [placed[i - 1], placed[i]];
      if (!a || !b) throw new Error('missing');
      expect(b.y === a.y ? b.x > a.x : b.y > a.y && b.x === 0).toBe(true);
    }
    const rows = new Set(placed.map((p) => p.y)).size;
    expect(height).toBe(rows * 21);
  });
  it('no items take no room', () => expect(layoutLegend([], 300)).toEqual({ placed: [], height: 0 }));
});

describe('figureDocument', () => {
  it.each([
    ['one part', [bar(0, 0, 300, 200)], 300, 200],
    ['three side by side', [bar(0, 40, 100, 120), bar(110, 40, 100, 120), bar(220, 40, 100, 120)], 320, 120],
    ['two stacked, offset', [bar(20, 10, 200, 100), bar(20, 130, 260, 100)], 260, 220],
  ])(
    '%s: the drawing keeps its size, padded, and every part is placed from the top-left of all',
    (_, parts, w, h) => {
      const doc = figureDocument(parts);
      expect(doc.width).toBe(w + 32);
      expect(doc.height).toBe(h + 32);
      expect(numberAttr(doc.markup, 'width')).toBe(doc.width);
      expect(numberAttr(doc.markup, 'height')).toBe(doc.height);
      const left = Math.min(...parts.map((p) => p.x));
      const top = Math.min(...parts.map((p) => p.y));
      const translations = [...doc.markup.matchAll(/<g transform="translate\(([\d.]+),([\d.]+)\)">/g)].map(
        (m) => [Number(m[1]), Number(m[2])],
      );
      expect(translations).toEqual(parts.map((p) => [16 + p.x - left, 16 + p.y - top]));
    },
  );

  it('writes the title above and the legend below, escaped, on a white background by default', () => {
    const doc = figureDocument([bar(0, 0, 400, 300)], {
      title: '各市县棚户区改造开工率',
      legend: [
        { colour: '#1a7f37', label: '达到目标（≥100%）' },
        { colour: '#cf222e', label: '低于预警线（<60%）' },
      ],
    });
    expect(doc.markup.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(doc.markup).toContain('fill="#ffffff"');
    expect(doc.markup).toContain('>各市县棚户区改造开工率</text>');
    expect(doc.markup).toContain('>低于预警线（&lt;60%）</text>');
    expect(doc.markup).toContain('fill="#cf222e"');
    // Title (30) and one legend row (10 + 21) add to the height; the drawing moves down by the title.
    expect(doc.height).toBe(300 + 32 + 30 + 31);
    expect(doc.markup).toContain('<g transform="translate(16,46)">');
    const titleAt = doc.markup.indexOf('开工率</text>');
    const drawingAt = doc.markup.indexOf('<g transform');
    const legendAt = doc.markup.indexOf('达到目标');
    expect(titleAt).toBeLessThan(drawingAt);
    expect(drawingAt).toBeLessThan(legendAt);
  });

  it('a title wider than the drawing widens the figure', () => {
    const title = '一个很长很长很长很长很长很长很长很长的标题';
    const doc = figureDocument([bar(0, 0, 100, 50)], { title });
    expect(doc.width).toBe(Math.ceil(estimateTextWidth(title, 18)) + 32);
  });

  it('captions are written as text at their place, with their font', () => {
    const doc = figureDocument([
      bar(0, 30, 200, 100),
      {
        x: 0,
        y: 0,
        width: 120,
        height: 24,
        caption: { text: '全省累计开工（套）', fontSize: 16, fontWeight: '700', colour: 'rgb(31, 35, 40)' },
      },
    ]);
    expect(doc.markup).toMatch(
      /<text x="16" y="28" dominant-baseline="central" font-size="16" font-weight="700" fill="rgb\(31, 35, 40\)">全省累计开工（套）<\/text>/,
    );
    expect(doc.height).toBe(130 + 32);
  });

  it('a background can be chosen', () => {
    expect(figureDocument([bar(0, 0, 10, 10)], { background: 'none' }).markup).toContain(
      '<rect x="0" y="0" width="42" height="42" fill="none"/>',
    );
  });
});

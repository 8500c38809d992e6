// Save what a figure draws (the <svg> elements inside an element of the page) as one standalone SVG or PNG
// file for a slide or a report: styles inlined, a white background, the title and a legend in words added.
import { maxOf, minOf } from '../domain/iterate';
import { notice } from '../domain/messages';
import { downloadBlob } from './download';

export interface FigureLegendItem {
  colour: string;
  label: string;
}

export interface FigureOptions {
  /** Written above the drawing (the chart's heading). */
  title?: string;
  /** Written under the drawing, a swatch and its words per item (colour never carries meaning alone). */
  legend?: readonly FigureLegendItem[];
  /** Fill behind everything; a slide or a Word page wants white, not transparent. */
  background?: string;
}

/** One drawing placed in the figure, at its place on the screen relative to the others. */
export interface FigurePart {
  x: number;
  y: number;
  width: number;
  height: number;
  /** A serialized standalone <svg> element, or text to write (a caption found in the page). */
  markup?: string;
  caption?: { text: string; fontSize: number; fontWeight: string; colour: string };
}

export interface FigureDocument {
  markup: string;
  width: number;
  height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAD = 16;
const TITLE_SIZE = 18;
const LEGEND_SIZE = 13;
const SWATCH = 12;
const FONT_FAMILY =
  '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

/** Text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A width estimate for laying out added text: a CJK or full-width character is square, others about half. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? fontSize : fontSize * 0.6;
  return width;
}

/** Legend items in rows that fit `width`: each item's x, y (baseline row top) and its swatch colour. */
export function layoutLegend(
  items: readonly FigureLegendItem[],
  width: number,
): { placed: { x: number; y: number; item: FigureLegendItem }[]; height: number } {
  const rowHeight = LEGEND_SIZE + 8;
  const placed: { x: number; y: number; item: FigureLegendItem }[] = [];
  let x = 0;
  let y = 0;
  for (const item of items) {
    const itemWidth = SWATCH + 6 + estimateTextWidth(item.label, LEGEND_SIZE) + 20;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    placed.push({ x, y, item });
    x += itemWidth;
  }
  return { placed, height: items.length === 0 ? 0 : y + rowHeight };
}

/**
 * The standalone SVG document of a figure: the parts at their places (the top-left of all parts is the
 * origin), the title above and the legend below, on a background, with a padding all round.
 */
export function figureDocument(parts: readonly FigurePart[], options: FigureOptions = {}): FigureDocument {
  const left = minOf(
    parts.map((p) => p.x),
    0,
  );
  const top = minOf(
    parts.map((p) => p.y),
    0,
  );
  const drawingWidth =
    maxOf(
      parts.map((p) => p.x + p.width),
      0,
    ) - left;
  const drawingHeight =
    maxOf(
      parts.map((p) => p.y + p.height),
      0,
    ) - top;
  const titleHeight = options.title ? TITLE_SIZE + 12 : 0;
  const titleWidth = options.title ? estimateTextWidth(options.title, TITLE_SIZE) : 0;
  const innerWidth = Math.ceil(Math.max(drawingWidth, titleWidth, 1));
  const legend = layoutLegend(options.legend ?? [], innerWidth);
  const legendGap = legend.height > 0 ? 10 : 0;
  const width = innerWidth + 2 * PAD;
  const height = Math.ceil(PAD + titleHeight + drawingHeight + legendGap + legend.height + PAD);
  const originY = PAD + titleHeight;
  const out: string[] = [
    `<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${escapeXml(options.background ?? '#ffffff')}"/>`,
  ];
  if (options.title) {
    out.push(
      `<text x="${PAD}" y="${PAD + TITLE_SIZE}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#1f2328">${escapeXml(options.title)}</text>`,
    );
  }
  for (const part of parts) {
    const x = round(PAD + part.x - left);
    const y = round(originY + part.y - top);
    if (part.markup) {
      out.push(`<g transform="translate(${x},${y})">${part.markup}</g>`);
    } else if (part.caption) {
      const c = part.caption;
      out.push(
        `<text x="${x}" y="${round(y + part.height / 2)}" dominant-baseline="central" font-size="${c.fontSize}" font-weight="${escapeXml(c.fontWeight)}" fill="${escapeXml(c.colour)}">${escapeXml(c.text)}</text>`,
      );
    }
  }
  const legendTop = originY + drawingHeight + legendGap;
  for (const { x, y, item } of legend.placed) {
    const rowTop = legendTop + y;
    out.push(
      `<rect x="${round(PAD + x)}" y="${round(rowTop + 2)}" width="${SWATCH}" height="${SWATCH}" rx="2" fill="${escapeXml(item.colour)}"/>`,
      `<text x="${round(PAD + x + SWATCH + 6)}" y="${round(rowTop + 2 + SWATCH / 2)}" dominant-baseline="central" font-size="${LEGEND_SIZE}" fill="#1f2328">${escapeXml(item.label)}</text>`,
    );
  }
  out.push('</svg>');
  return { markup: `<?xml version="1.0" encoding="UTF-8"?>\n${out.join('\n')}\n`, width, height };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

// Presentation the page gives through CSS (classes, inheritance) that a file opened alone would lose.
const PAINT_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
] as const;
const TEXT_PROPERTIES = [
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

function inlineStyles(source: Element, target: Element): void {
  const style = getComputedStyle(source);
  if (style.display === 'none' || style.visibility === 'hidden') {
    target.setAttribute('display', 'none');
    return;
  }
  const text = source instanceof SVGTextElement || source instanceof SVGTSpanElement;
  const declarations = [...PAINT_PROPERTIES, ...(text ? TEXT_PROPERTIES : [])]
    .map((name) => [name, style.getPropertyValue(name)] as const)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}:${value}`);
  if (declarations.length > 0) target.setAttribute('style', declarations.join(';'));
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) {
    const s = sourceChildren[i];
    const t = targetChildren[i];
    if (s && t) inlineStyles(s, t);
  }
}

/** One <svg> of the page as standalone markup of its drawn size, with the styles the page gave it. */
export function standaloneSvg(svg: SVGSVGElement): string {
  const rect = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(round(rect.width)));
  clone.setAttribute('height', String(round(rect.height)));
  if (!clone.hasAttribute('viewBox')) {
    clone.setAttribute('viewBox', `0 0 ${round(rect.width)} ${round(rect.height)}`);
  }
  clone.removeAttribute('class');
  clone.style.removeProperty('width');
  clone.style.removeProperty('height');
  return new XMLSerializer().serializeToString(clone);
}

/**
 * The figure inside `container`: every outermost visible <svg>, and each element marked `data-svg-caption`
 * (a sub-chart's heading written in HTML) as text, all at their places on the screen.
 */
export function figureFromPage(container: Element, options: FigureOptions = {}): FigureDocument | null {
  const origin = container.getBoundingClientRect();
  const parts: FigurePart[] = [];
  for (const svg of container.querySelectorAll('svg')) {
    if (svg.parentElement?.closest('svg')) continue;
    const r = svg.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    parts.push({
      x: r.left - origin.left,
      y: r.top - origin.top,
      width: r.width,
      height: r.height,
      markup: standaloneSvg(svg),
    });
  }
  for (const el of container.querySelectorAll('[data-svg-caption]')) {
    const r = el.getBoundingClientRect();
    const text = el.textContent?.trim() ?? '';
    if (r.width === 0 || text === '') continue;
    const style = getComputedStyle(el);
    parts.push({
      x: r.left - origin.left,
      y: r.top - origin.top,
      width: r.width,
      height: r.height,
      caption: {
        text,
        fontSize: Number.parseFloat(style.fontSize) || 14,
        fontWeight: style.fontWeight,
        colour: style.color,
      },
    });
  }
  return parts.length === 0 ? null : figureDocument(parts, options);
}

/** The figure rasterised at `scale` (2: sharp on a slide) as a PNG, on a canvas of its own. */
export async function figurePng(figure: FigureDocument, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([figure.markup], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(figure.width * scale);
    canvas.height = Math.round(figure.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, figure.width, figure.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('canvas gave no PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offer the figure inside `container` as `<baseName>.svg`; false when nothing is drawn there. */
export function saveFigureSvg(container: Element, baseName: string, options: FigureOptions = {}): boolean {
  const figure = figureFromPage(container, options);
  if (!figure) return false;
  downloadBlob(new Blob([figure.markup], { type: 'image/svg+xml' }), `${baseName}.svg`);
  return true;
}

/** Offer the figure inside `container` as `<baseName>.png`; false when nothing is drawn there. */
export async function saveFigurePng(
  container: Element,
  baseName: string,
  options: FigureOptions = {},
): Promise<boolean> {
  const figure = figureFromPage(container, options);
  if (!figure) return false;
  downloadBlob(await figurePng(figure), `${baseName}.png`);
  return true;
}

/**
 * Save the figure inside `container` as `<baseName>.png` or `.svg`, for a button: null when saved, else the
 * Chinese sentence to show (nothing drawn there, or the browser could not draw it).
 */
export async function saveFigureAs(
  format: 'png' | 'svg',
  container: Element,
  baseName: string,
  options: FigureOptions = {},
): Promise<string | null> {
  try {
    const saved =
      format === 'svg'
        ? saveFigureSvg(container, baseName, options)
        : await saveFigurePng(container, baseName, options);
    return saved ? null : notice('figure.empty');
  } catch {
    return notice('figure.failed');
  }
}

// The words of a PDF with their boxes, page by page, as poppler's pdftotext places them (points, origin at the
// top left): how tests check what a printed page or a rendered document holds, and where. Node only.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfLayout {
  pages: { width: number; height: number }[];
  words: PdfWord[];
}

/** Whether pdftotext (poppler-utils) is installed. */
export const HAS_PDFTOTEXT = existsSync('/usr/bin/pdftotext');

export function pdfWords(pdfPath: string): PdfLayout {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: { width: number; height: number }[] = [];
  const words: PdfWord[] = [];
  for (const block of html.split('<page ').slice(1)) {
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(block);
    pages.push({ width: Number(size?.[1]), height: Number(size?.[2]) });
    for (const m of block.matchAll(
      /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
    )) {
      words.push({
        page: pages.length,
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
        text: (m[5] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
      });
    }
  }
  return { pages, words };
}

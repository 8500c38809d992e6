// Where a table header may break between lines, the way Chinese typesetting allows it: a bracketed unit
// （亿元） stays whole, a closing mark （）、，：；。%) never starts a line, an opening one never ends it, and a
// run of Latin letters or digits (1-9, GB) stays together. The Word and Excel writers break headers here
// themselves, so no program's own wrapping can leave a lone ） on a line.
import { maxOf } from '../iterate';

const CLOSING = '）)〕】》”’]、，。：；！？,.:;!?%％';
const PAIRS: Record<string, string> = {
  '（': '）',
  '(': ')',
  '〔': '〕',
  '【': '】',
  '《': '》',
  '“': '”',
  '‘': '’',
  '[': ']',
};

/** Width in ems: a CJK or full-width character is one, a Latin letter, digit or half-width mark half. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += isWide(ch) ? 1 : 0.5;
  return ems;
}

function isWide(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return code >= 0x2e80 || (code >= 0x2010 && code <= 0x201f) || code === 0x3000;
}

function isLatin(ch: string): boolean {
  return /[A-Za-z0-9\-+/·.#&_]/.test(ch);
}

/**
 * The text cut into the pieces a line may break between: a bracket group with what it encloses, a Latin
 * run, or a single character, each with the closing marks that follow it. Joined, they give the text back.
 */
export function breakSegments(text: string): string[] {
  const chars = [...text];
  const segments: string[] = [];
  // Closing marks at the very start have nothing to stay with but what follows them.
  let pending = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i] ?? '';
    let piece = ch;
    i++;
    const close = PAIRS[ch];
    if (close !== undefined) {
      // The group runs to its matching closing mark (nested groups included); unmatched, to the end.
      let depth = 1;
      while (i < chars.length && depth > 0) {
        const c = chars[i] ?? '';
        if (c === ch) depth++;
        else if (c === close) depth--;
        piece += c;
        i++;
      }
    } else if (isLatin(ch)) {
      while (i < chars.length && isLatin(chars[i] ?? '')) piece += chars[i++];
    }
    while (i < chars.length && CLOSING.includes(chars[i] ?? '')) piece += chars[i++];
    if (segments.length === 0 && [...piece].every((c) => CLOSING.includes(c)) && i < chars.length) {
      pending += piece;
      continue;
    }
    segments.push(pending + piece);
    pending = '';
  }
  if (pending !== '') segments.push(pending);
  return segments;
}

/** The widest piece that cannot be broken, in ems: a column narrower than this must break inside it. */
export function minLineEms(text: string): number {
  return maxOf([0, ...breakSegments(text).map(textEms)], 0);
}

/**
 * The text broken into lines of at most `capacityEms` (greedy, as a typesetter fills a line), only between
 * pieces. A piece wider than the capacity gets a line of its own.
 */
export function wrapLines(text: string, capacityEms: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const piece of breakSegments(text)) {
    const w = textEms(piece);
    if (line !== '' && width + w > capacityEms + 1e-9) {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += piece;
    width += w;
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * As few lines as wrapLines gives at `capacityEms`, but as even as they can be (其中：/本月新/增授信, not
 * 其中：本/月新增授/信): the narrowest width that still needs no more lines.
 */
export function balancedLines(text: string, capacityEms: number): string[] {
  const greedy = wrapLines(text, capacityEms);
  for (let width = minLineEms(text); width < capacityEms; width += 0.5) {
    const lines = wrapLines(text, width);
    if (lines.length <= greedy.length) return lines;
  }
  return greedy;
}

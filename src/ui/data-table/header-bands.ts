// Two-row table headers: a band (e.g. a bank) over its consecutive columns (授信 | 发放), as the official
// returns merge a group cell over its columns; a column outside any band spans both rows.

export type TopCell = { kind: 'leaf'; index: number } | { kind: 'band'; label: string; span: number };

export interface HeaderBands {
  /** The first header row: leaf columns (spanning two rows) and bands, in column order. */
  top: TopCell[];
  /** The second header row: indexes of the columns under a band, in column order. */
  bottom: number[];
}

/** The two header rows, or null when no column is in a band (a one-row header). */
export function headerBands(bands: readonly (string | undefined)[]): HeaderBands | null {
  if (!bands.some((b) => b)) return null;
  const top: TopCell[] = [];
  const bottom: number[] = [];
  bands.forEach((band, index) => {
    if (!band) {
      top.push({ kind: 'leaf', index });
      return;
    }
    const last = top.at(-1);
    // Only a directly preceding cell of the same band is extended: a band split by another column repeats.
    if (last?.kind === 'band' && last.label === band && bands[index - 1] === band) last.span++;
    else top.push({ kind: 'band', label: band, span: 1 });
    bottom.push(index);
  });
  return { top, bottom };
}

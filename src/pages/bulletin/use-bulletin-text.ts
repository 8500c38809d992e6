// The bulletin text of a period: generated from the analysis (with its cutoff and the 成文日期), or the user's
// edited text when the latest saved record is an edit; and the unsaved drafts and 成文日期 choices of every
// period, kept by the page so that switching period and back finds them again, never in another period.
import { useCallback, useMemo, useState } from 'react';
import { type BulletinState, useBulletinState } from '../../db/bulletin-repo';
import { useRefusedUnits } from '../../db/file-reads';
import { useSetting } from '../../db/settings-repo';
import { BULLETIN_TEXT_KEY, DEFAULT_BULLETIN_TEXT, withDefaultTexts } from '../../domain/bulletin/defaults';
import {
  type Bulletin,
  type BulletinParagraph,
  bulletinToText,
  generateBulletin,
  parseBulletinText,
} from '../../domain/bulletin/generate';
import { isoToday, withDocDate } from '../../domain/bulletin/issue';
import type { PeriodAnalysis } from '../../domain/calc';
import { defaultCutoff } from '../../domain/period';
import type { BulletinTextSettings } from '../../domain/settings';
import type { ParsedReturn, PeriodKey, UnitId } from '../../domain/types';

export interface PeriodDrafts {
  /** The unsaved text being edited for a period, if any. */
  draft: (period: PeriodKey) => string | undefined;
  setDraft: (period: PeriodKey, text: string) => void;
  stopEditing: (period: PeriodKey) => void;
  /** The 成文日期 chosen for a period; the day of generating until one is chosen. */
  docDate: (period: PeriodKey) => string;
  setDocDate: (period: PeriodKey, iso: string) => void;
}

/** Drafts and 成文日期 by period, for the page to hold across period switches. */
export function usePeriodDrafts(): PeriodDrafts {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [dates, setDates] = useState<Record<string, string>>({});
  const stopEditing = useCallback(
    (period: PeriodKey) =>
      setDrafts((all) => {
        const { [period]: _, ...rest } = all;
        return rest;
      }),
    [],
  );
  return {
    draft: (period) => drafts[period],
    setDraft: (period, text) => setDrafts((all) => ({ ...all, [period]: text })),
    stopEditing,
    docDate: (period) => dates[period] ?? isoToday(),
    setDocDate: (period, iso) => setDates((all) => ({ ...all, [period]: iso })),
  };
}

export interface BulletinText {
  /** The fixed-text settings as stored (the 版头 and 版记 texts among them). */
  texts: Partial<BulletinTextSettings>;
  generated: Bulletin;
  generatedText: string;
  /** The text records of the period (edits and 重新生成 marks), oldest first, and the edit shown if any. */
  state: BulletinState;
  /** What the page shows and exports: the edited or generated text, its date line the 成文日期. */
  paragraphs: BulletinParagraph[];
  /** Units whose file was refused this period: the text says their return is being checked. */
  refusedUnits: readonly UnitId[];
}

/** The latest cutoff among the period's returns (the bulletin's 截止 date), or the month's end. */
function cutoffOf(
  period: PeriodKey,
  returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>,
): string {
  const cutoffs = (returnsByPeriod.get(period) ?? []).map((r) => r.cutoff).sort();
  return cutoffs.at(-1) ?? defaultCutoff(period);
}

export function useBulletinText(
  period: PeriodKey,
  analysis: PeriodAnalysis,
  returnsByPeriod: ReadonlyMap<PeriodKey, readonly ParsedReturn[]>,
  docDate: string,
): BulletinText | null {
  const storedTexts = useSetting<Partial<BulletinTextSettings>>(BULLETIN_TEXT_KEY, DEFAULT_BULLETIN_TEXT);
  const state = useBulletinState(period);
  const refusedUnits = useRefusedUnits(period);
  const cutoff = useMemo(() => cutoffOf(period, returnsByPeriod), [period, returnsByPeriod]);
  const generated = useMemo(
    () =>
      generateBulletin(analysis, withDefaultTexts(storedTexts), {
        cutoff,
        docDate,
        refusedUnits: refusedUnits ?? [],
      }),
    [analysis, storedTexts, cutoff, docDate, refusedUnits],
  );
  const generatedText = useMemo(() => bulletinToText(generated), [generated]);
  const edited = state?.edited ?? null;
  const paragraphs = useMemo(
    () => (edited ? withDocDate(parseBulletinText(edited.text), docDate) : generated.paragraphs),
    [edited, generated, docDate],
  );
  if (!state || !refusedUnits) return null;
  return { texts: storedTexts, generated, generatedText, state, paragraphs, refusedUnits };
}

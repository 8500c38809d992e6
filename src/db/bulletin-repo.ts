// Bulletin texts kept per period: every save appends a record, nothing is overwritten. The latest record
// decides what the page shows: an 'edited' text is the user's; a 'generated' one marks a 重新生成, after which
// the page shows the text generated from the current data again (earlier edits stay as revisions).
import { useLiveQuery } from 'dexie-react-hooks';
import type { PeriodKey } from '../domain/types';
import { type AnjuDatabase, type BulletinText, db } from './database';

/** Every saved text of a period, oldest first. */
export async function listBulletinRevisions(
  database: AnjuDatabase,
  period: PeriodKey,
): Promise<BulletinText[]> {
  return database.bulletins
    .where('[period+savedAt]')
    .between([period, -Infinity], [period, Infinity])
    .toArray();
}

/** The user's edited text for a period, or null when the page should show the generated text. */
export async function getEditedBulletin(
  database: AnjuDatabase,
  period: PeriodKey,
): Promise<BulletinText | null> {
  const revisions = await listBulletinRevisions(database, period);
  const latest = revisions.at(-1);
  return latest?.kind === 'edited' ? latest : null;
}

/** Keep an edited text as the period's current bulletin. */
export async function saveEditedBulletin(
  database: AnjuDatabase,
  period: PeriodKey,
  text: string,
  now = Date.now(),
): Promise<number> {
  return (await database.bulletins.add({ period, text, savedAt: now, kind: 'edited' })) as number;
}

/**
 * 重新生成: record the freshly generated text as the latest revision, so the page goes back to the generated
 * text; the edits before it stay in the history.
 */
export async function recordRegenerated(
  database: AnjuDatabase,
  period: PeriodKey,
  generatedText: string,
  now = Date.now(),
): Promise<number> {
  return (await database.bulletins.add({
    period,
    text: generatedText,
    savedAt: now,
    kind: 'generated',
  })) as number;
}

export interface BulletinState {
  edited: BulletinText | null;
  revisions: BulletinText[];
}

/** Live: the period's edited text (if any) and its history. Undefined while loading. */
export function useBulletinState(period: PeriodKey | null): BulletinState | undefined {
  return useLiveQuery(async () => {
    if (!period) return { edited: null, revisions: [] };
    const revisions = await listBulletinRevisions(db, period);
    const latest = revisions.at(-1);
    return { edited: latest?.kind === 'edited' ? latest : null, revisions };
  }, [period]);
}

// Merging the stores that come with imports: saved header mappings (表头对照) and the records of files read.
//
// A mapping is a set of header texts → fields. Merged, a unit's two mappings become their union: a header
// known on one computer only is added, so neither computer's mapping is lost. Where both map the same header
// text to different fields, this computer's choice is kept and the difference is returned to be shown (the
// user's mapping here is never silently replaced; the other one stays in the backup file). File records are a
// log: those missing here are added, those held are kept as they are.
import type { FileReadRecord, LayoutRecord } from './database';

/** A header both computers map, to different fields. */
export interface LayoutConflict {
  layoutId: string;
  header: string;
  kept: string | null;
  incoming: string | null;
}

export interface LayoutMerge {
  /** Layouts to write (new here, or this computer's with headers added). */
  put: LayoutRecord[];
  conflicts: LayoutConflict[];
}

export function mergeLayouts(local: readonly LayoutRecord[], incoming: readonly LayoutRecord[]): LayoutMerge {
  const byId = new Map(local.map((l) => [l.id, l]));
  const put: LayoutRecord[] = [];
  const conflicts: LayoutConflict[] = [];
  for (const other of incoming) {
    const mine = byId.get(other.id);
    if (!mine) {
      put.push(other);
      continue;
    }
    const headers = { ...mine.headers };
    let added = false;
    for (const [header, field] of Object.entries(other.headers)) {
      if (!Object.hasOwn(mine.headers, header)) {
        headers[header] = field;
        added = true;
      } else if (mine.headers[header] !== field) {
        conflicts.push({ layoutId: mine.id, header, kept: mine.headers[header] ?? null, incoming: field });
      }
    }
    if (added) put.push({ ...mine, headers, savedAt: Math.max(mine.savedAt, other.savedAt) });
  }
  return { put, conflicts };
}

/** Incoming file records this computer does not hold (by id). */
export function fileReadsToAdd(
  local: readonly FileReadRecord[],
  incoming: readonly FileReadRecord[],
): FileReadRecord[] {
  const held = new Set(local.map((r) => r.id));
  return incoming.filter((r) => !held.has(r.id));
}

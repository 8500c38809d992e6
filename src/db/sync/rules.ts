// The decisions of the sync bridge, pure: whether a local record goes out, whether a document comes in, and the
// revision id a change gets. A record's "content" is the canonical text of its document, ABSENT when it has none.
// The base is what this laptop and its sync copy last agreed on; comparing with it tells who changed what.

import { sha256Hex } from '../../domain/sha256';

/** The content of a record that does not exist (a deleted document, a head with no current return). */
export const ABSENT = '∅';

export interface Base {
  rev: string;
  content: string;
}

/** Send the local record when it differs from what was last agreed (a change made on this laptop). */
export function shouldSend(local: string, base: Base | undefined): boolean {
  if (!base) return local !== ABSENT;
  return base.content !== local;
}

/**
 * - same: the laptop already holds what the document says;
 * - apply: the laptop has not changed the record since they last agreed, so the document's version is taken;
 * - keep: the laptop changed it meanwhile: it is sent as a sibling version (CouchDB then marks a conflict),
 *   never overwritten.
 */
export type Incoming = 'same' | 'apply' | 'keep';

export function decideIncoming(local: string, base: Base | undefined, incoming: string): Incoming {
  if (local === incoming) return 'same';
  if (base ? base.content === local : local === ABSENT) return 'apply';
  return 'keep';
}

/** A CouchDB revision: `N-hash`, with the ids of its path (new one first) as `_revisions` takes them. */
export interface NextRev {
  rev: string;
  revisions: { start: number; ids: string[] };
}

/**
 * The revision of a change, derived from its parent and its content: two laptops that make the same change to
 * the same version give the same revision, so agreeing is never reported as a conflict.
 */
export async function nextRev(parent: string | null, content: string): Promise<NextRev> {
  const [genText, parentHash] = parent ? (parent.split('-', 2) as [string, string]) : ['0', ''];
  const gen = Number(genText) + 1;
  const hash = (await sha256Hex(`${parent ?? ''}\n${content}`)).slice(0, 32);
  return {
    rev: `${gen}-${hash}`,
    revisions: { start: gen, ids: parent ? [hash, parentHash] : [hash] },
  };
}

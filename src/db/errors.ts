// Storage failures (Dexie / IndexedDB / quota) turned into one clear Chinese message with what to do next.
// Pages never show a raw DOMException (nor its English text); they show storageErrorMessage(err).

import { notice } from '../domain/messages';

/** What went wrong with the browser's storage, in the user's words. */
export interface StorageProblem {
  /** A stable code for tests and logs. */
  code: 'quota' | 'blocked' | 'version' | 'open' | 'closed' | 'aborted' | 'constraint' | 'unknown';
  /** The Chinese sentence: what happened and what to do. */
  message: string;
}

const BLOCKED: StorageProblem = { code: 'blocked', message: notice('storage.blocked') };

// Dexie wraps the browser's DOMException: the useful name may be on the error or on its `inner` cause.
function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let cur: unknown = err;
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const e = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    cur = e.inner ?? e.cause;
  }
  return names;
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err)
    return String((err as { message: unknown }).message);
  return String(err);
}

/** Classify a storage error and say, in Chinese, what happened and what the user can do. */
export function describeStorageError(err: unknown): StorageProblem {
  const names = errorNames(err);
  const text = errorText(err);
  const has = (...wanted: string[]) => names.some((n) => wanted.includes(n));
  if (has('QuotaExceededError') || /quota/i.test(text)) {
    return { code: 'quota', message: notice('storage.quota') };
  }
  if (has('BlockedError', 'UpgradeError') || /blocked/i.test(text)) return BLOCKED;
  if (has('VersionError')) {
    return { code: 'version', message: notice('storage.version') };
  }
  if (has('DatabaseClosedError')) {
    return { code: 'closed', message: notice('storage.closed') };
  }
  if (has('OpenFailedError', 'InvalidStateError', 'MissingAPIError', 'SecurityError', 'UnknownError')) {
    return { code: 'open', message: notice('storage.open') };
  }
  if (has('AbortError', 'TransactionInactiveError', 'PrematureCommitError')) {
    return { code: 'aborted', message: notice('storage.aborted') };
  }
  if (has('ConstraintError')) {
    return { code: 'constraint', message: notice('storage.constraint') };
  }
  return { code: 'unknown', message: notice('storage.unknown') };
}

/** The Chinese message alone, for notices. */
export function storageErrorMessage(err: unknown): string {
  return describeStorageError(err).message;
}

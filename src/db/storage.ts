// The browser's storage for this site: ask once for persistent storage (so the browser does not evict the data
// under pressure), and report whether it was granted and how much space is used and free.

export interface StorageInfo {
  /** null: the browser cannot tell (no StorageManager). */
  persisted: boolean | null;
  /** Bytes used by this site, when known. */
  usage: number | null;
  /** Bytes this site may use in all, when known. */
  quota: number | null;
}

function manager(): StorageManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/** Ask for persistent storage unless already granted; returns whether the data is now persistent. */
export async function requestPersistence(): Promise<boolean | null> {
  const sm = manager();
  if (!sm?.persist || !sm.persisted) return null;
  try {
    if (await sm.persisted()) return true;
    return await sm.persist();
  } catch {
    return null;
  }
}

export async function getStorageInfo(): Promise<StorageInfo> {
  const sm = manager();
  if (!sm) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([
    sm.persisted ? sm.persisted().catch(() => null) : Promise.resolve(null),
    sm.estimate ? sm.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/** Bytes as megabytes with one decimal: 12.3 MB. */
export function formatMb(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

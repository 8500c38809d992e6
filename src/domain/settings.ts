// User settings with their defaults: the thresholds every flag and bulletin list follows, and the bulletin's
// fixed texts. Stored by db/settings-repo; missing keys fall back to these defaults.

/** Percent thresholds (100 = 100%) and counts that decide every flag and list. */
export interface Thresholds {
  /** Start rate target: units at or above it have 达到100%. */
  startTarget: number;
  /** Start rate warning line: units below it are named with their rate. */
  startWarning: number;
  /** Expropriation completion rate at or above which a unit is ahead (进展较快). */
  expropriationAhead: number;
  /** Expropriation completion rate below which a unit is behind (进度缓慢). */
  expropriationBehind: number;
  /** Units with at least this many unfinished carry-over projects are named. */
  carryOverMany: number;
  /** Public rental allocation target (分配率达100%). */
  allocationTarget: number;
  /** Public rental allocation rate below which a unit is named (低于80%). */
  allocationLow: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  startTarget: 100,
  startWarning: 60,
  expropriationAhead: 80,
  expropriationBehind: 40,
  carryOverMany: 10,
  allocationTarget: 100,
  allocationLow: 80,
};

/**
 * The thresholds in force: the stored ones over the defaults. A value saved by an older version may lack a
 * threshold added since, and a stored value that is not a finite number is no threshold: the default fills both.
 */
export function withDefaultThresholds(stored: unknown): Thresholds {
  const out: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (typeof stored !== 'object' || stored === null) return out;
  for (const key of Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[]) {
    const value = (stored as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) out[key] = value;
  }
  return out;
}

// ---- The official document's furniture (issue 12, docs): 版头 and 版记 texts, see bulletin/furniture.ts. ----
export interface DocumentFurnitureSettings {
  /** 发文机关标志, printed red at the head of the Word file. */
  issuerMark: string;
  /** 抄送机关 of the 版记, names separated by commas. */
  copyTo: string;
  /** 印发机关 of the 版记 (the 印发日期 is the 成文日期). */
  printedBy: string;
}

/** The bulletin's fixed parts, kept by the user; defaults are the 2018-10-10 text (see bulletin/defaults.ts). */
export interface BulletinTextSettings extends DocumentFurnitureSettings {
  title: string;
  addressees: string;
  /** The paragraph before 一、进展情况; {months} becomes e.g. 1-9月. */
  intro: string;
  /** The whole 二、下步工作要求 part, as plain text paragraphs. */
  requirements: string;
  issuer: string;
  /**
   * Unused, kept so older stored settings still fit: the 成文日期 is chosen per bulletin on 通报 (defaulting to
   * the day of generating) and kept in the issued record.
   */
  issueDate: string;
}

export interface AppSettings {
  thresholds: Thresholds;
  /** Files larger than this are refused before reading. */
  maxFileSizeMb: number;
  /** A file still not read after this many seconds is refused as 读取超时 (its reader is stopped). */
  readTimeoutSeconds: number;
}

export const DEFAULT_SETTINGS: AppSettings = {
  thresholds: DEFAULT_THRESHOLDS,
  maxFileSizeMb: 20,
  readTimeoutSeconds: 20,
};

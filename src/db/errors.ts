// Storage failures (Dexie / IndexedDB / quota) turned into one clear Chinese message with what to do next.
// Pages never show a raw DOMException; they show storageErrorMessage(err).

/** What went wrong with the browser's storage, in the user's words. */
export interface StorageProblem {
  /** A stable code for tests and logs. */
  code: 'quota' | 'blocked' | 'version' | 'open' | 'closed' | 'aborted' | 'constraint' | 'unknown';
  /** The Chinese sentence: what happened and what to do. */
  message: string;
}

const BLOCKED: StorageProblem = {
  code: 'blocked',
  message: '本应用已在另一个浏览器标签页中打开，数据库无法升级。请关闭其他标签页中的本应用，然后刷新本页。',
};

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
    return {
      code: 'quota',
      message:
        '本机存储空间已满，本次数据没有保存（已保存的数据不受影响）。请在“设置 → 本机存储”查看用量，导出备份后清理不用的数据，或释放磁盘空间后重试。',
    };
  }
  if (has('BlockedError', 'UpgradeError') || /blocked/i.test(text)) return BLOCKED;
  if (has('VersionError')) {
    return {
      code: 'version',
      message:
        '本机数据由更新版本的本应用保存，当前页面版本较旧，无法打开。请刷新页面（或关闭后重新打开）以使用最新版本。',
    };
  }
  if (has('DatabaseClosedError')) {
    return {
      code: 'closed',
      message: '本机数据库已关闭（可能在另一个标签页中升级或被删除）。请刷新本页后重试。',
    };
  }
  if (has('OpenFailedError', 'InvalidStateError', 'MissingAPIError', 'SecurityError', 'UnknownError')) {
    return {
      code: 'open',
      message:
        '无法打开本机数据库。请确认浏览器未处于无痕（隐私）模式且允许本站存储数据，然后刷新本页；若仍失败，请重启浏览器。',
    };
  }
  if (has('AbortError', 'TransactionInactiveError', 'PrematureCommitError')) {
    return {
      code: 'aborted',
      message: '保存被中断，本次没有写入任何数据。请重试；若反复出现，请刷新本页。',
    };
  }
  if (has('ConstraintError')) {
    return {
      code: 'constraint',
      message: '要保存的记录与已有记录冲突，本次没有写入任何数据。请刷新本页后重试。',
    };
  }
  return {
    code: 'unknown',
    message: `保存数据时出错，本次没有写入任何数据。请刷新本页后重试。（${text}）`,
  };
}

/** The Chinese message alone, for notices. */
export function storageErrorMessage(err: unknown): string {
  return describeStorageError(err).message;
}

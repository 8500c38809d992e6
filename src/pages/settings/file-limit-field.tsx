// 设置 → 本机存储: the limits of 导入 — the largest file it reads (default 20 MB; larger files are refused before
// reading) and the time one file may take (default 20 s; past it the reading is stopped: 读取超时).
import { useEffect, useId, useState } from 'react';
import { saveSetting, useSetting } from '../../db/settings-repo';
import { notice } from '../../domain/messages';
import { type AppSettings, DEFAULT_SETTINGS } from '../../domain/settings';

interface Limit {
  key: keyof Pick<AppSettings, 'maxFileSizeMb' | 'readTimeoutSeconds'>;
  label: string;
  unit: string;
  min: number;
  max: number;
  saved: (value: number) => string;
}

/** One limit: a number field with 保存, 恢复默认, and a sentence saying what was saved or what is allowed. */
function LimitField({ limit }: { limit: Limit }) {
  const id = useId();
  const fallback = DEFAULT_SETTINGS[limit.key];
  const saved = useSetting<number>(limit.key, fallback);
  const [text, setText] = useState(String(saved));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setText(String(saved)), [saved]);

  const save = async () => {
    const value = Number(text.trim());
    if (!Number.isFinite(value) || value < limit.min || value > limit.max) {
      setMessage({
        ok: false,
        text: notice('settings.limitRange', { min: limit.min, max: limit.max, unit: limit.unit }),
      });
      return;
    }
    await saveSetting(limit.key, value);
    setMessage({ ok: true, text: limit.saved(value) });
  };

  return (
    <div className="toolbar">
      <label htmlFor={id}>{limit.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={limit.min}
        max={limit.max}
        step="any"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: '6rem' }}
      />
      {/* Two limits side by side: each 保存 says which it saves. */}
      <button type="button" aria-label={`保存${limit.label}`} onClick={() => void save()}>
        保存
      </button>
      {saved !== fallback && (
        <button type="button" onClick={() => void saveSetting(limit.key, fallback)}>
          恢复默认（{fallback} {limit.unit}）
        </button>
      )}
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'flag bad'}>
          {message.text}
        </span>
      )}
    </div>
  );
}

const FILE_SIZE: Limit = {
  key: 'maxFileSizeMb',
  label: '导入文件大小上限（MB）',
  unit: 'MB',
  min: 1,
  max: 200,
  saved: (mb) => notice('settings.fileLimitSaved', { mb }),
};

const READ_TIME: Limit = {
  key: 'readTimeoutSeconds',
  label: '单个文件读取时限（秒）',
  unit: '秒',
  min: 1,
  max: 600,
  saved: (seconds) => notice('settings.readTimeoutSaved', { seconds }),
};

export function FileLimitField() {
  return <LimitField limit={FILE_SIZE} />;
}

export function ReadTimeoutField() {
  return <LimitField limit={READ_TIME} />;
}

// 设置 → 本机存储: the largest file 导入 will read; larger files are refused before reading (default 20 MB).
import { useEffect, useId, useState } from 'react';
import { saveSetting, useSetting } from '../../db/settings-repo';
import { DEFAULT_SETTINGS } from '../../domain/settings';

const MIN_MB = 1;
const MAX_MB = 200;

export function FileLimitField() {
  const id = useId();
  const saved = useSetting<number>('maxFileSizeMb', DEFAULT_SETTINGS.maxFileSizeMb);
  const [text, setText] = useState(String(saved));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setText(String(saved)), [saved]);

  const save = async () => {
    const value = Number(text.trim());
    if (!Number.isFinite(value) || value < MIN_MB || value > MAX_MB) {
      setMessage({ ok: false, text: `请填写 ${MIN_MB} 到 ${MAX_MB} 之间的数字（单位 MB）。` });
      return;
    }
    await saveSetting('maxFileSizeMb', value);
    setMessage({ ok: true, text: `已保存：大于 ${value} MB 的文件将不读取，直接拒绝。` });
  };

  return (
    <div className="toolbar">
      <label htmlFor={id}>导入文件大小上限（MB）</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={MIN_MB}
        max={MAX_MB}
        step="any"
        value={text}
        onChange={(e) => setText(e.target.value)}
        style={{ width: '6rem' }}
      />
      <button type="button" onClick={() => void save()}>
        保存
      </button>
      {saved !== DEFAULT_SETTINGS.maxFileSizeMb && (
        <button
          type="button"
          onClick={() => void saveSetting('maxFileSizeMb', DEFAULT_SETTINGS.maxFileSizeMb)}
        >
          恢复默认（{DEFAULT_SETTINGS.maxFileSizeMb} MB）
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

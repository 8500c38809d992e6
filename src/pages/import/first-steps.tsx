// The three steps of a month's work (导入 → 数据/图表 → 通报), open on a first visit and folded to one line once
// the store holds returns; the user's own open/closed choice is remembered on this computer.
import { useState } from 'react';
import { usePeriod } from '../period-context';

// Sentences kept as strings: JSX would put a space wherever the formatter breaks a line of Chinese text.
const TEXT = {
  importStep:
    '：把各市县报来的 Excel 月报拖到下方框内，或点击“选择文件…”，可一次选择多个文件。每个单元格都会检查，有问题的文件会指明工作表、单元格和原因，不会保存。想先看看效果，可点击“载入示例数据”。',
  dataStep: '页查看五个附件的全省合计、各市县排名和预警标记，点击市县名称可看该市县的各期数据；在',
  chartsStep: '页查看开工率、贷款和公租房分配情况。',
  bulletinStep: '页生成所选报告期的通报，可修改后导出 Word 文档和汇总表。',
  backup: '所有数据只保存在本机浏览器中，不会上传；请定期在',
};

const STORAGE_KEY = 'anju.firstSteps.open';

function storedChoice(): boolean | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === null ? null : value === '1';
  } catch {
    return null;
  }
}

export function FirstSteps() {
  const { periods, loading } = usePeriod();
  const [choice, setChoice] = useState<boolean | null>(storedChoice);
  if (loading) return null;
  const open = choice ?? periods.length === 0;
  return (
    <details
      className="first-steps"
      open={open}
      onToggle={(e) => {
        const next = e.currentTarget.open;
        if (next === open) return;
        setChoice(next);
        try {
          localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
        } catch {
          // Private mode: the choice lasts for this page only.
        }
      }}
    >
      <summary>使用步骤：导入月报 → 核对数据和图表 → 生成通报</summary>
      <ol>
        <li>
          <strong>导入月报</strong>
          {TEXT.importStep}
        </li>
        <li>
          <strong>核对数据和图表</strong>：在 <a href="#/data">数据</a> {TEXT.dataStep}{' '}
          <a href="#/charts">图表</a> {TEXT.chartsStep}
        </li>
        <li>
          <strong>生成通报</strong>：在 <a href="#/bulletin">通报</a> {TEXT.bulletinStep}
        </li>
      </ol>
      <p className="muted">
        {TEXT.backup} <a href="#/settings">设置</a> 页导出备份。
      </p>
    </details>
  );
}

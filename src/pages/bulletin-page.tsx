// 通报: the bulletin generated from the selected period's data, editable (kept per period, 重新生成 after a
// confirmation keeps the edit as a revision that can be viewed and restored), and the exports: 导出通报 (which
// says whether it carries the edited or the generated text), 导出汇总表, 下载空白模板, 打印.
// An unsaved draft belongs to its period: switching period and back finds it again, never in another period.
import { useEffect, useId, useMemo, useState } from 'react';
import { recordRegenerated, saveEditedBulletin, useBulletinState } from '../db/bulletin-repo';
import { db } from '../db/database';
import { useRefusedUnits } from '../db/file-reads';
import { useAllCurrentReturns } from '../db/hooks';
import { useSetting } from '../db/settings-repo';
import { buildAttachments, type RowOrder } from '../domain/bulletin/attachments';
import { BULLETIN_TEXT_KEY, DEFAULT_BULLETIN_TEXT, withDefaultTexts } from '../domain/bulletin/defaults';
import { documentFurniture } from '../domain/bulletin/furniture';
import { bulletinToText, generateBulletin, parseBulletinText } from '../domain/bulletin/generate';
import { knownBanks } from '../domain/known-banks';
import { defaultCutoff, makePeriod, periodLabel, periodParts } from '../domain/period';
import type { BulletinTextSettings } from '../domain/settings';
import { defaultRegister, type Unit } from '../domain/units';
import { AttachmentTables } from './bulletin/attachment-tables';
import { BulletinDocument } from './bulletin/bulletin-document';
import {
  downloadAllTemplates,
  downloadBulletinDocx,
  downloadSummaryWorkbook,
  downloadTemplate,
} from './bulletin/export-actions';
import { usePeriod } from './period-context';
import { useAnalysis } from './use-analysis';
import './bulletin/bulletin.css';

const ALL_UNITS = 'all';

/** The month after a period: templates are usually sent out for the coming month's return. */
function nextMonth(period: string): string {
  const { year, month } = periodParts(period);
  return month === 12 ? makePeriod(year + 1, 1) : makePeriod(year, month + 1);
}

function formatSavedAt(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function BulletinPage() {
  const { period } = usePeriod();
  const analysisState = useAnalysis();
  const storedTexts = useSetting<Partial<BulletinTextSettings>>(BULLETIN_TEXT_KEY, DEFAULT_BULLETIN_TEXT);
  const state = useBulletinState(period);
  // Units whose file was refused: the text says their return is being checked, never that they did not report.
  const refusedUnits = useRefusedUnits(period);
  const allReturns = useAllCurrentReturns();
  const ids = {
    order: useId(),
    unit: useId(),
    templatePeriod: useId(),
    editor: useId(),
    confirm: useId(),
    attachments: useId(),
  };

  // Unsaved drafts by period: a period with a draft is being edited.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [viewing, setViewing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [order, setOrder] = useState<RowOrder>('grouped');
  const [templateUnit, setTemplateUnit] = useState<string>(ALL_UNITS);
  const [templateNext, setTemplateNext] = useState(false);
  const [showAttachments, setShowAttachments] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'bad'; text: string } | null>(null);

  // A confirmation, a message or a past version on screen belongs to the period it was made in.
  useEffect(() => {
    if (period === undefined) return;
    setConfirming(false);
    setMessage(null);
    setViewing(null);
  }, [period]);

  const analysis = analysisState.status === 'ready' ? analysisState.analysis : null;

  const cutoff = useMemo(() => {
    if (analysisState.status !== 'ready') return null;
    const cutoffs = (analysisState.returnsByPeriod.get(analysisState.period) ?? [])
      .map((r) => r.cutoff)
      .sort();
    return cutoffs.at(-1) ?? defaultCutoff(analysisState.period);
  }, [analysisState]);

  const generated = useMemo(
    () =>
      analysis && cutoff && refusedUnits
        ? generateBulletin(analysis, withDefaultTexts(storedTexts), { cutoff, refusedUnits })
        : null,
    [analysis, cutoff, storedTexts, refusedUnits],
  );
  const generatedText = useMemo(() => (generated ? bulletinToText(generated) : ''), [generated]);
  const edited = state?.edited ?? null;
  const paragraphs = useMemo(
    () => (edited ? parseBulletinText(edited.text) : (generated?.paragraphs ?? [])),
    [edited, generated],
  );
  const attachments = useMemo(() => (analysis ? buildAttachments(analysis, order) : []), [analysis, order]);

  if (analysisState.status === 'loading') {
    return (
      <section aria-labelledby="bulletin-title">
        <h1 id="bulletin-title">通报</h1>
        <p className="loading">正在加载…</p>
      </section>
    );
  }
  if (!period || !analysis || !generated) {
    return (
      <section aria-labelledby="bulletin-title">
        <h1 id="bulletin-title">通报</h1>
        <p className="notice">
          还没有任何月报数据。请先到 <a href="#/import">导入</a> 页面导入各市县的月报，再生成通报。
        </p>
      </section>
    );
  }

  const draft = drafts[period];
  const editing = draft !== undefined;
  const setDraft = (text: string) => setDrafts((all) => ({ ...all, [period]: text }));
  const stopEditing = () =>
    setDrafts((all) => {
      const { [period]: _, ...rest } = all;
      return rest;
    });

  const run = async (label: string, action: () => Promise<void>, note = '') => {
    setBusy(label);
    setMessage(null);
    try {
      await action();
      setMessage({ kind: 'ok', text: `${label}：文件已生成${note}，请查看浏览器的下载。` });
    } catch (err) {
      setMessage({ kind: 'bad', text: `${label}失败：${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(null);
    }
  };

  const startEditing = () => {
    setDraft(edited?.text ?? generatedText);
    setMessage(null);
  };
  const saveDraft = async () => {
    if (draft === undefined) return;
    try {
      await saveEditedBulletin(db, period, draft);
      stopEditing();
      setMessage({ kind: 'ok', text: '修改已保存。' });
    } catch (err) {
      setMessage({ kind: 'bad', text: `保存失败：${err instanceof Error ? err.message : String(err)}` });
    }
  };
  const regenerate = async () => {
    try {
      await recordRegenerated(db, period, generatedText);
      setConfirming(false);
      stopEditing();
      setMessage({ kind: 'ok', text: '已按当前数据重新生成通报，之前的修改保留在历史版本中。' });
    } catch (err) {
      setMessage({ kind: 'bad', text: `重新生成失败：${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const restore = async (text: string, savedAt: number) => {
    try {
      await saveEditedBulletin(db, period, text);
      stopEditing();
      setViewing(null);
      setMessage({ kind: 'ok', text: `已恢复 ${formatSavedAt(savedAt)} 的版本，正文现在显示该版本的文字。` });
    } catch (err) {
      setMessage({ kind: 'bad', text: `恢复失败：${err instanceof Error ? err.message : String(err)}` });
    }
  };

  const refusedSet = new Set(refusedUnits ?? []);
  const nameOf = (id: string) => defaultRegister.unit(id)?.name ?? id;
  const missing = analysis.missingUnits.filter((id) => !refusedSet.has(id)).map(nameOf);
  const refusedNames = analysis.missingUnits.filter((id) => refusedSet.has(id)).map(nameOf);
  const revisions = state?.revisions ?? [];
  const viewed = revisions.find((r) => r.id === viewing);

  return (
    <section className="bulletin-page" aria-labelledby="bulletin-title">
      <h1 id="bulletin-title">通报 · {periodLabel(period)}</h1>

      <div className="bulletin-notices">
        {refusedNames.length > 0 && (
          <p className="notice warn" role="note">
            <strong>提醒：</strong>以下 {refusedNames.length}{' '}
            个单位已报送月报但文件未通过检查、尚未导入（可在导入页“核对”后导入），全省数字暂不含这些单位：
            {refusedNames.join('、')}。
          </p>
        )}
        {missing.length > 0 && (
          <p className="notice warn" role="note">
            <strong>提醒：</strong>以下 {missing.length} 个单位本期尚未报送，全省数字为已报送的{' '}
            {analysis.reportedUnits.length} 个单位的合计（自动生成的通报正文已写明）：{missing.join('、')}。
          </p>
        )}
        {analysis.warnings.length > 0 && (
          <p className="notice warn" role="note">
            <strong>提醒：</strong>本期数据有 {analysis.warnings.length}{' '}
            条核对提示（如本月数与累计数不一致），请到数据页查看。
          </p>
        )}
      </div>

      <div className="toolbar" role="toolbar" aria-label="通报操作">
        <div className="export-group">
          {editing ? (
            <>
              <button type="button" className="primary" onClick={saveDraft}>
                保存修改
              </button>
              <button type="button" onClick={stopEditing}>
                取消修改
              </button>
            </>
          ) : (
            <button type="button" onClick={startEditing}>
              修改文字
            </button>
          )}
          <button type="button" onClick={() => setConfirming(true)} disabled={!edited || editing}>
            重新生成
          </button>
          <button type="button" onClick={() => window.print()} disabled={editing}>
            打印
          </button>
        </div>
        <div className="export-group">
          <button
            type="button"
            className="primary"
            disabled={busy !== null || editing}
            onClick={() =>
              run(
                '导出通报',
                () => downloadBulletinDocx(paragraphs, analysis, order, documentFurniture(storedTexts)),
                edited ? '（正文为修改后的文字）' : '（正文为按本期数据自动生成的文字）',
              )
            }
          >
            导出通报
          </button>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() => run('导出汇总表', () => downloadSummaryWorkbook(analysis, order))}
          >
            导出汇总表
          </button>
          <label htmlFor={ids.order}>附件排列</label>
          <select id={ids.order} value={order} onChange={(e) => setOrder(e.target.value as RowOrder)}>
            <option value="grouped">按市州分组（含全市小计）</option>
            <option value="ranked">按排名</option>
          </select>
        </div>
        <div className="export-group">
          <label htmlFor={ids.unit}>模板单位</label>
          <select id={ids.unit} value={templateUnit} onChange={(e) => setTemplateUnit(e.target.value)}>
            <option value={ALL_UNITS}>全部单位（zip）</option>
            {defaultRegister.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.templatePeriod}>模板报告期</label>
          <select
            id={ids.templatePeriod}
            value={templateNext ? 'next' : 'current'}
            onChange={(e) => setTemplateNext(e.target.value === 'next')}
          >
            <option value="current">{periodLabel(period)}</option>
            <option value="next">{periodLabel(nextMonth(period))}</option>
          </select>
          <button
            type="button"
            disabled={busy !== null}
            onClick={() =>
              run('下载空白模板', async () => {
                const unit = defaultRegister.unit(templateUnit);
                const target = templateNext ? nextMonth(period) : period;
                // Each template names the unit's banks of its latest return up to the template's period.
                const banksOf = (u: Unit) => (allReturns ? knownBanks(allReturns, u.id, target) : []);
                if (unit) await downloadTemplate(unit, target, banksOf(unit));
                else await downloadAllTemplates(defaultRegister.units, target, banksOf);
              })
            }
          >
            下载空白模板
          </button>
        </div>
      </div>

      {confirming && (
        <div className="confirm-panel" role="alertdialog" aria-labelledby={ids.confirm}>
          <p id={ids.confirm}>
            重新生成将按当前数据和阈值重写通报文字。您修改过的文字会保留在“历史版本”中，可以随时找回。确定重新生成吗？
          </p>
          <div className="toolbar">
            <button type="button" className="primary" onClick={regenerate}>
              确定重新生成
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              取消
            </button>
          </div>
        </div>
      )}

      <p className="bulletin-status" role="status">
        {busy
          ? `正在${busy}…`
          : edited
            ? `当前显示的是修改后的文字（保存于 ${formatSavedAt(edited.savedAt)}），数据变化不会自动更新正文。`
            : '当前显示的是按本期数据自动生成的文字。'}
      </p>
      {message && (
        <p className={`notice ${message.kind}`} role={message.kind === 'bad' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}

      {editing ? (
        <div className="bulletin-editor">
          <label htmlFor={ids.editor}>通报文字（每段一行；第一行为标题，最后两行为落款单位和日期）</label>
          <textarea id={ids.editor} value={draft ?? ''} onChange={(e) => setDraft(e.target.value)} />
        </div>
      ) : (
        <BulletinDocument paragraphs={paragraphs} />
      )}

      <div className="toolbar no-print">
        <label>
          <input
            type="checkbox"
            checked={showAttachments}
            onChange={(e) => setShowAttachments(e.target.checked)}
            aria-controls={ids.attachments}
          />{' '}
          显示附件表（打印时总会打印附件）
        </label>
      </div>
      <div id={ids.attachments} className={showAttachments ? undefined : 'attachments hidden-on-screen'}>
        <AttachmentTables models={attachments} />
      </div>

      {revisions.length > 0 && (
        <details className="bulletin-history no-print">
          <summary>历史版本（{revisions.length}）</summary>
          <ol>
            {[...revisions].reverse().map((r) => (
              <li key={r.id}>
                {formatSavedAt(r.savedAt)} · {r.kind === 'edited' ? '手动修改' : '重新生成'} ·{' '}
                <button
                  type="button"
                  aria-pressed={viewing === r.id}
                  onClick={() => setViewing(viewing === r.id ? null : (r.id ?? null))}
                >
                  查看
                </button>{' '}
                <button type="button" onClick={() => restore(r.text, r.savedAt)} disabled={editing}>
                  恢复此版本
                </button>{' '}
                <button type="button" onClick={() => setDraft(r.text)}>
                  以此版本修改
                </button>
              </li>
            ))}
          </ol>
          {viewed && (
            <p className="muted">
              以下是 {formatSavedAt(viewed.savedAt)}（{viewed.kind === 'edited' ? '手动修改' : '重新生成'}
              ）的版本，仅供查看；点“恢复此版本”可将其设为当前正文。{' '}
              <button type="button" onClick={() => setViewing(null)}>
                关闭
              </button>
            </p>
          )}
          {viewed && (
            <BulletinDocument
              paragraphs={parseBulletinText(viewed.text)}
              label={`历史版本 ${formatSavedAt(viewed.savedAt)}（${viewed.kind === 'edited' ? '手动修改' : '重新生成'}）`}
            />
          )}
        </details>
      )}
    </section>
  );
}

// Issue sentences: every code reads as Chinese, names where it is, and keeps its parameters.
import { describe, expect, it } from 'vitest';
import type { IssueCode, IssueParams, NoticeCode, NoticeParams } from './messages';
import {
  describeLocation,
  ISSUE_CODES,
  makeIssue,
  NOTICE_CODES,
  notice,
  SYNC_PHRASE_CODES,
  type SyncPhraseCode,
  type SyncPhraseParams,
  syncPhrase,
} from './messages';

const SAMPLE_PARAMS: { [K in IssueCode]: IssueParams[K] } = {
  'file.tooLarge': { sizeMb: '25', limitMb: '20' },
  'file.empty': {},
  'file.zipBomb': {},
  'file.notSpreadsheet': {},
  'file.unreadable': {},
  'file.encrypted': {},
  'file.html': {},
  'file.wpsEt': {},
  'file.workerFailed': {},
  'file.severalUnits': { name: '德惠市', other: '农安县', otherSheet: '农安表1' },
  'table.none': {},
  'table.duplicate': { table: '表1（棚改开工）', otherSheet: '表1' },
  'table.missing': { table: '表4（结转项目）' },
  'table.empty': { table: '表1（棚改开工）' },
  'column.missing': { table: '表1（棚改开工）', column: '累计开工（套）' },
  'column.duplicate': { column: '累计开工（套）', otherCell: 'C3' },
  'unit.missing': {},
  'unit.unknown': { name: '农安市', suggestions: ['农安县'] },
  'unit.mismatch': { name: '德惠市', other: '农安县' },
  'unit.conflict': { column: '本年授信（审批）额度（亿元）', unit: '亿元', sheetUnit: '万元' },
  'period.missing': {},
  'period.mismatch': { period: '2018年1-8月', other: '2018年1-9月', otherPlace: '其他工作表' },
  'date.invalid': { text: '2018年9月31日' },
  'number.text': { text: '待统计', column: '累计开工（套）' },
  'number.negative': { text: '-5', column: '累计完成征收（户）' },
  'number.fraction': { text: '12.5', column: '累计开工（套）', unit: '套' },
  'number.tooLarge': { text: '1e30', column: '授信' },
  'number.unit': { text: '1200户', column: '累计开工（套）', unit: '户' },
  'number.date': { text: '2018-09-30', column: '累计开工（套）' },
  'number.noResult': { column: '合计（户）' },
  'number.percentFormat': { text: '800%', column: '年度计划（套）' },
  'number.implausible': { text: '800', column: '年度计划（万套）', stored: '8000000套', unit: '万套' },
  'rows.many': { table: '表1（棚改开工）', count: 2 },
  'cell.empty': { column: '贷款银行' },
  'total.mismatch': { column: '授信', declared: '3.5亿元', computed: '3.46亿元' },
  'rate.mismatch': { column: '开工率（%）', declared: '50.2%', computed: '50%' },
  'figure.aboveOther': { column: '累计开工', value: '900套', limitColumn: '年度计划', limit: '800套' },
  'sum.mismatch': {
    column: '合计',
    declared: '351户',
    parts: '累计完成征收与累计完成拆迁之和',
    computed: '350户',
  },
  'month.aboveTotal': { column: '本月开工', month: '50套', total: '40套', totalColumn: '累计开工' },
  'issues.truncated': { count: 12 },
  'file.damaged': { detail: '部件“xl/worksheets/sheet1.xml”的校验值不符（内容已被改动或传输出错）' },
  'file.timeout': { seconds: '20' },
  'number.stored': { text: '0x10' },
  'table.tooManyRows': { table: '表4（结转项目）', count: 145000, limit: 20000 },
  'column.unknown': {
    column: '彶中：本月开工（套）',
    table: '表1（棚改开工）',
    missing: '“其中：本月开工（套）”',
  },
  'column.noHeader': { table: '表1（棚改开工）', missing: '“其中：本月开工（套）”' },
  'column.ambiguous': { column: '已分配', fields: '“累计已分配（套）”或“本年已分配（套）”' },
  'table.unreadable': {
    table: '表5（公租房分配）',
    unknown: 'C3“筹集数”',
    missing: '“累计筹集（套）”',
  },
  'correction.stale': { original: '待统计', text: '500' },
  'correction.noSheet': { sheet: '表1' },
  // ---- Annual targets read from a workbook.
  'targets.none': {},
  'targets.year': { year: 2019, chosen: 2018 },
  'targets.unitTwice': { name: '农安县', otherCell: 'B5' },
};

describe('issue messages', () => {
  it.each(ISSUE_CODES)('%s is a Chinese sentence naming file, sheet and cell', (code) => {
    const issue = makeIssue(
      'error',
      code,
      { file: '农安县.xlsx', sheet: '表1', cell: 'D4' },
      SAMPLE_PARAMS[code] as never,
    );
    expect(issue).toMatchObject({ code, file: '农安县.xlsx', sheet: '表1', cell: 'D4', severity: 'error' });
    expect(issue.message.startsWith('文件“农安县.xlsx”工作表“表1”单元格 D4：')).toBe(true);
    expect(issue.message).toMatch(/[\u4e00-\u9fff].*[。？]$/);
    for (const value of Object.values(SAMPLE_PARAMS[code])) {
      const shown = Array.isArray(value) ? value.join('、') : String(value);
      expect(issue.message).toContain(shown);
    }
  });

  it('leaves out a sheet or cell it does not know', () => {
    expect(describeLocation({ file: 'a.xlsx' })).toBe('文件“a.xlsx”');
    expect(makeIssue('error', 'file.empty', { file: 'a.xlsx' }, {})).not.toHaveProperty('sheet');
  });
});

// One example of the parameters of every notice: the sentence must show each of them.
const NOTICE_SAMPLES: { [K in NoticeCode]: NoticeParams[K] } = {
  'storage.quota': {},
  'storage.blocked': {},
  'storage.version': {},
  'storage.closed': {},
  'storage.open': {},
  'storage.aborted': {},
  'storage.constraint': {},
  'storage.unknown': {},
  'tab.upgraded': {},
  'tab.deleted': {},
  'tab.blocked': {},
  'history.revisionGone': {},
  'history.alreadyCurrent': {},
  'history.importGone': {},
  'history.alreadyUndone': {},
  'history.movedSince': { returns: '农安县（2018-09）' },
  'plan.sameInBatch': { file: 'a.xlsx', name: '农安县2018年1-9月' },
  'plan.otherInBatch': { file: 'a.xlsx', name: '农安县2018年1-9月' },
  'plan.sameFile': { name: '农安县2018年1-9月', file: 'a.xlsx' },
  'plan.sameContent': { name: '农安县2018年1-9月', file: 'a.xlsx' },
  'commit.exists': {},
  'commit.failed': { reason: '本机存储空间已满。' },
  'commit.sameStored': { name: '农安县2018年1-9月' },
  'commit.changedSince': { name: '农安县2018年1-9月' },
  'merge.changedMeanwhile': {},
  'backup.undecodable': { file: 'b.json.gz' },
  'backup.notJson': { file: 'b.json' },
  'backup.format': { file: 'b.json', format: 'anju-progress-backup' },
  'backup.badVersion': { file: 'b.json' },
  'backup.newer': { file: 'b.json', version: 9, supported: 2 },
  'backup.noData': { file: 'b.json' },
  'backup.checksum': { file: 'b.json' },
  'backup.shape': { file: 'b.json', problem: '缺少“heads”数据表' },
  'backup.notEmpty': {},
  'calc.cumulativeFell': {
    unit: '农安县',
    label: '累计开工',
    from: '2018年1-8月',
    to: '2018年1-9月',
    before: '900套',
    now: '800套',
  },
  'calc.increaseMismatch': {
    unit: '农安县',
    label: '本月开工',
    declared: '50套',
    basis: '2018年1-8月与2018年1-9月累计数之差',
    computed: '40套',
  },
  'demo.failed': {},
  'demo.fetch': { file: '农安县-2018年1-9月.xlsx' },
  'export.failed': {},
  'action.failed': {},
  'sync.off': {},
  'sync.expired': {},
  'sync.otherTab': {},
  'sync.signIn.wrong': {},
  'sync.signIn.unreachable': {},
  'sync.signIn.noDatabase': { database: 'anju' },
  'sync.signIn.needed': {},
  'sync.signedIn': { name: 'team-a', roles: '检查组' },
  'sync.address.invalid': {},
  'sync.database.invalid': {},
  'sync.conflicts': { count: 2 },
  'sync.otherConflicts': { count: 3 },
  'sync.resolved': { name: '农安县 2018年1-9月' },
  'sync.stopped': {},
  // ---- Stored returns checked by the reader's rules.
  'backup.record': { file: 'b.json', problem: '第 3 个月报版本的单位代码“999999”不在单位名录中。' },
  'record.notReturn': { n: 3 },
  'record.unit': { n: 3, unitId: '999999' },
  'record.period': { n: 3, unit: '农安县', period: '2018-13' },
  'record.cutoff': { n: 3, where: '农安县2018年1-9月', cutoff: '2018-10-01' },
  'record.table': { n: 3, where: '农安县2018年1-9月', table: '表4（结转项目）', what: '不是列表' },
  'record.figure': {
    n: 3,
    where: '农安县2018年1-9月',
    table: '表1（棚改开工）',
    field: '累计开工',
    value: '-5',
    rule: '应为不小于 0 的整数（套）',
  },
  // Charts saved as pictures (issue 12, docs).
  'figure.failed': {},
  'figure.empty': {},
  'template.countPrompt': { column: '年度计划（套）', unit: '套' },
  'template.countError': { column: '年度计划（套）', unit: '套' },
  'template.moneyPrompt': { column: '本年授信（审批）额度（亿元）' },
  'template.moneyError': { column: '本年授信（审批）额度（亿元）' },
  'template.ratePrompt': { column: '开工率（%）' },
  'template.rateError': { column: '开工率（%）' },
  // ---- Annual targets and issued bulletins.
  'target.differs': {
    unit: '农安县',
    period: '2018年1-9月',
    table: '表1',
    label: '棚改年度计划',
    returned: '1200套',
    year: 2018,
    target: '1000套',
  },
  'targets.noteRequired': {},
  'issue.badDate': {},
  'issue.changedMeanwhile': {},
  'docNumber.template.noNumber': {},
  'docNumber.number.invalid': {},
  'issue.numberTaken': { docNumber: '吉安居办〔2018〕12号', period: '2018年1-9月', version: 1 },
  'bulletin.saved': {},
  'bulletin.regenerated': {},
  'bulletin.restored': { time: '2018-10-09 10:00' },
  'bulletin.exported': { what: '导出汇总表' },
  'bulletin.exportedEdited': { what: '导出通报' },
  'bulletin.exportedGenerated': { what: '导出通报' },
  'bulletin.exportedIssued': { what: '导出通报', version: 1 },
  'bulletin.showsEdited': { time: '2018-10-09 10:00' },
  'bulletin.showsGenerated': {},
  'bulletin.refusedUnits': { count: 1, names: '德惠市' },
  'bulletin.missingUnits': { count: 2, reported: 48, names: '农安县、榆树市' },
  'bulletin.warnings': { count: 3 },
  'bulletin.showsIssued': {
    version: 1,
    docNumber: '吉安居办〔2018〕12号',
    docDate: '2018年10月10日',
    time: '2018-10-10 09:00',
  },
  'bulletin.regenerateConfirm': {},
  'bulletin.reissuing': { version: 2 },
  'issue.confirm': { period: '2018年1-9月', version: 2 },
  'issue.done': { period: '2018年1-9月', version: 1, docNumber: '吉安居办〔2018〕12号' },
  'issue.changes': { units: '德惠市', count: 5 },
  'issue.noChanges': {},
  'issue.kept': { version: 1 },
  'issue.periodsIssued': { periods: '2018年1-9月（吉安居办〔2018〕12号）' },
  'issue.dataIssued': { period: '2018年1-9月', version: 1, docNumber: '吉安居办〔2018〕12号' },
  'merge.issuedConflict': {
    period: '2018年1-9月',
    version: 1,
    local: '吉安居办〔2018〕12号（成文日期2018年10月10日）',
    incoming: '吉安居办〔2018〕15号（成文日期2018年10月11日）',
  },
  'targets.saved': { year: 2018, changed: 3, unchanged: 1 },
  'targets.inputInvalid': { unit: '农安县', label: '棚改年度计划', text: '待定', unitWord: '套' },
  'targets.fileRead': { file: '2018年目标.xlsx', units: 50, year: 2018 },
  'targets.noProposal': { year: 2019 },
  'targets.differsFromReturns': { count: 2 },
  'docNumber.saved': { example: '吉安居办〔2018〕13号' },
  'targets.explain': {},
  'targets.inUse': { year: 2018, units: 50, unreported: '农安县' },
  'targets.fileRefused': {},
  'targets.fromReturns': { year: 2018, units: 50 },
  'targets.nothingToChange': {},
  'docNumber.explain': {},
  'docNumber.invalid': {},
  'settings.limitRange': { min: 1, max: 600, unit: '秒' },
  'import.unsaved.quota': { count: 30, names: '德惠市2018年1-9月、榆树市2018年1-9月', saved: 20 },
  'import.unsaved.conflict': { count: 1, names: '德惠市2018年1-9月', saved: 49 },
  'import.unsaved.storage': { count: 2, names: '德惠市2018年1-9月、榆树市2018年1-9月', saved: 0 },
  'import.interrupted': {
    time: '10月8日 14:32',
    files: 50,
    saved: 20,
    savedNames: '农安县2018年1-9月、德惠市2018年1-9月',
    unsaved: 30,
    unsavedNames: '榆树市2018年1-9月',
  },
  'settings.fileLimitSaved': { mb: 25 },
  'settings.readTimeoutSaved': { seconds: 30 },
};

// One example of every sync phrase: each shows its parameters and has no Latin letters of its own.
const PHRASE_SAMPLES: { [K in SyncPhraseCode]: SyncPhraseParams[K] } = {
  'sync.starting': {},
  'sync.synced': { time: '10:05' },
  'sync.syncing': { count: 12 },
  'sync.offline': { count: 3 },
  'sync.refused': { reason: '本账号的角色不能上传年度目标' },
  'sync.reason.role': { what: '年度目标' },
  'sync.reason.negative': { field: '累计开工' },
  'sync.reason.fraction': { field: '累计开工' },
  'sync.reason.number': { field: '累计开工' },
  'sync.reason.missing': { field: '累计开工' },
  'sync.reason.unit': { unit: '999999' },
  'sync.reason.period': { period: '2018-13' },
  'sync.reason.type': { what: 'other' },
  'sync.reason.malformed': { what: '表头对照' },
  'sync.reason.immutable': {},
  'sync.reason.other': { text: '磁盘已满' },
};

describe('sync phrases', () => {
  it('has an example for every code', () => {
    expect(Object.keys(PHRASE_SAMPLES).sort()).toEqual([...SYNC_PHRASE_CODES].sort());
  });

  it.each(SYNC_PHRASE_CODES)('%s is Chinese and shows its parameters', (code) => {
    const params = PHRASE_SAMPLES[code];
    const text = (syncPhrase as (c: SyncPhraseCode, p?: unknown) => string)(code, params);
    let rest = text;
    for (const value of Object.values(params)) {
      expect(text).toContain(String(value));
      rest = rest.replace(String(value), '');
    }
    if (code !== 'sync.reason.other') expect(rest).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff][^a-zA-Z]*$/u);
  });
});

describe('notices', () => {
  it('has an example for every code', () => {
    expect(Object.keys(NOTICE_SAMPLES).sort()).toEqual([...NOTICE_CODES].sort());
  });

  it.each(NOTICE_CODES)('%s reads as a Chinese sentence showing its parameters', (code) => {
    const params = NOTICE_SAMPLES[code];
    const text = (notice as (c: NoticeCode, p?: unknown) => string)(code, params);
    expect(text).toMatch(/^[^a-zA-Z]*[\u4e00-\u9fff][\s\S]*[。？]$/u);
    for (const value of Object.values(params)) expect(text).toContain(String(value));
  });
});

describe('text from a cell in a sentence', () => {
  it('is cut to its first 80 characters, so a pasted page does not bury the reason', () => {
    const name = `农安县${'x'.repeat(80_000)}`;
    const issue = makeIssue(
      'error',
      'unit.unknown',
      { file: 'a.xlsx', sheet: '表1', cell: 'B4' },
      { name, suggestions: [] },
    );
    expect(issue.message).toContain(`“${name.slice(0, 80)}…”不是已知的填报单位`);
    expect(issue.message.length).toBeLessThan(200);
  });
});

// The server's refusal of a document, in the user's words: validate_doc_update says `anju:<code>:<detail>`
// (see design.ts); a field path such as `start.plan` is named by its table and column (表1 年度计划).
import { syncPhrase } from '../../domain/messages';
import { TABLES } from '../../domain/tables';
import { parseRefusal } from './design';
import type { SyncDocType } from './documents';

const DOC_TYPE_NAME: Record<SyncDocType, string> = {
  revision: '月报',
  head: '当前版本的选择',
  import: '导入记录',
  layout: '表头对照',
  target: '年度目标',
  issued: '已签发的通报',
  setting: '全省设置',
};

const TARGET_FIELD_NAME: Record<string, string> = {
  startPlan: '年度目标 棚改开工计划',
  loanNeed: '年度目标 本年需贷款',
  expropriationPlan: '年度目标 征收计划',
  rentalTask: '年度目标 公租房分配任务',
};

/** 'start.plan' → '表1 年度计划'; 'loan.banks.0.credit' → '表2 本年授信…'; a target field by its name. */
export function fieldName(path: string): string {
  const parts = path.split('.');
  const table = TABLES.find((t) => t.key === parts[0]);
  if (!table) return TARGET_FIELD_NAME[path] ?? path;
  const fieldKey = parts.at(-1) ?? '';
  const field = table.fields.find((f) => f.key === fieldKey);
  if (fieldKey === 'need') return `表${table.number} 本年需贷款`;
  return `表${table.number} ${field?.label ?? fieldKey}`;
}

export function describeRefusal(reason: string): string {
  const { code, detail } = parseRefusal(reason);
  switch (code) {
    case 'role':
      return syncPhrase('sync.reason.role', {
        what: DOC_TYPE_NAME[detail as SyncDocType] ?? detail,
      });
    case 'negative':
    case 'fraction':
    case 'number':
    case 'missing':
      return syncPhrase(`sync.reason.${code}`, { field: fieldName(detail) });
    case 'unit':
      return syncPhrase('sync.reason.unit', { unit: detail });
    case 'period':
      return syncPhrase('sync.reason.period', { period: detail });
    case 'type':
      return syncPhrase('sync.reason.type', { what: detail });
    case 'immutable':
      return syncPhrase('sync.reason.immutable');
    case 'id':
    case 'shape':
    case 'table':
    case 'hash':
    case 'text':
    case 'design':
      return syncPhrase('sync.reason.malformed', { what: detail });
    default:
      return syncPhrase('sync.reason.other', { text: detail || '服务器未说明原因' });
  }
}

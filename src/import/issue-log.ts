// The issues collected while reading one file, each built with its sentence; and the short table name messages use.
import type { IssueCode, IssueParams } from '../domain/messages';
import { makeIssue } from '../domain/messages';
import type { TableDef } from '../domain/tables';
import type { ImportIssue, TableKey } from '../domain/types';

/** What an issue says about its cell beyond the address: the text seen there, its table and field. */
export interface IssueCell {
  text?: string;
  table?: TableKey;
  field?: string;
}

/** Issues collected while reading one file. */
export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];
  constructor(readonly file: string) {}

  error<K extends IssueCode>(
    code: K,
    sheet: string | undefined,
    cell: string | undefined,
    p: IssueParams[K],
    at?: IssueCell,
  ) {
    this.errors.push(withCell(makeIssue('error', code, { file: this.file, sheet, cell }, p), at));
  }

  warn<K extends IssueCode>(
    code: K,
    sheet: string | undefined,
    cell: string | undefined,
    p: IssueParams[K],
    at?: IssueCell,
  ) {
    this.warnings.push(withCell(makeIssue('warning', code, { file: this.file, sheet, cell }, p), at));
  }
}

function withCell(issue: ImportIssue, at: IssueCell | undefined): ImportIssue {
  if (at?.text !== undefined) issue.text = at.text;
  if (at?.table !== undefined) issue.table = at.table;
  if (at?.field !== undefined) issue.field = at.field;
  return issue;
}

/** 表1 style short name of a table, for messages. */
export function tableName(def: TableDef): string {
  return `表${def.number}（${def.shortName}）`;
}

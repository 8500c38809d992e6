// What the CouchDB server is given by `npm run sync:setup`: the database's _security object (roles office and
// team) and a design document whose validate_doc_update refuses malformed documents and writes a role may not
// make. The rules are derived from the table definitions and the unit register, and the function is ES5 text,
// since CouchDB runs it in its own JavaScript engine. Refusals are codes (`anju:<code>:<detail>`) that the app
// turns into Chinese (domain/messages.ts).
import { TABLES } from '../../domain/tables';
import { defaultRegister } from '../../domain/units';
import { SYNC_DOC_TYPES, TEAM_DOC_TYPES } from './documents';

export const DESIGN_DOC_ID = '_design/anju';

/** Members may read and write (subject to validation); only server admins change the design or security. */
export const SECURITY_OBJECT = {
  admins: { names: [] as string[], roles: [] as string[] },
  members: { names: [] as string[], roles: ['office', 'team'] },
};

type FieldRule = { kind: 'count' | 'money' | 'rate' | 'text'; required: boolean };

/** Per table: its figure fields (from the table definitions) and whether it is one row or a list. */
function tableRules(): Record<string, { rows: 'one' | 'many'; fields: Record<string, FieldRule> }> {
  const out: Record<string, { rows: 'one' | 'many'; fields: Record<string, FieldRule> }> = {};
  for (const def of TABLES) {
    const fields: Record<string, FieldRule> = {};
    for (const f of def.fields) {
      if (f.kind === 'count' || f.kind === 'money' || f.kind === 'rate' || f.kind === 'text') {
        fields[f.key] = { kind: f.kind, required: f.required };
      }
    }
    out[def.key] = { rows: def.rows, fields };
  }
  return out;
}

/** The data the validation function checks against. */
export function validationRules() {
  return {
    types: SYNC_DOC_TYPES,
    team: TEAM_DOC_TYPES,
    units: defaultRegister.units.map((u) => u.id),
    tables: tableRules(),
  };
}

// ES5 on purpose (no let, arrows or template strings): CouchDB 3's JavaScript engine may be SpiderMonkey 1.8.5.
const VALIDATE_BODY = `
  var roles = (userCtx && userCtx.roles) || [];
  function has(r) { return roles.indexOf(r) !== -1; }
  function no(code, detail) { throw({ forbidden: 'anju:' + code + ':' + (detail === undefined ? '' : detail) }); }
  if (has('_admin')) return;
  var id = newDoc._id;
  if (id.indexOf('_design/') === 0) no('design', id);
  var prefix = id.split(':')[0];
  var type = prefix === 'rev' ? 'revision' : prefix;
  if (R.types.indexOf(type) === -1) no('type', prefix);
  if (!has('office') && !(has('team') && R.team.indexOf(type) !== -1)) no('role', type);
  if (newDoc._deleted) {
    if (type === 'revision' || type === 'issued') no('immutable', id);
    return;
  }
  if (newDoc.type !== type) no('type', String(newDoc.type));
  function isNum(v) { return typeof v === 'number' && isFinite(v); }
  function figure(v, rule, path) {
    if (v === null || v === undefined) { if (rule.required) no('missing', path); return; }
    if (rule.kind === 'text') { if (typeof v !== 'string') no('text', path); return; }
    if (!isNum(v)) no('number', path);
    if (v < 0) no('negative', path);
    if (rule.kind !== 'rate' && Math.floor(v) !== v) no('fraction', path);
  }
  function count(v, path, optional) { figure(v, { kind: 'count', required: !optional }, path); }
  function record(obj, rules, path) {
    if (typeof obj !== 'object' || obj === null) no('shape', path);
    for (var k in rules) figure(obj[k], rules[k], path + '.' + k);
  }
  function unit(v) { if (typeof v !== 'string' || R.units.indexOf(v) === -1) no('unit', String(v)); }
  function period(v) {
    if (typeof v !== 'string' || !/^[0-9]{4}-(0[1-9]|1[0-2])$/.test(v)) no('period', String(v));
  }
  function hash(v, path) { if (typeof v !== 'string' || !/^[0-9a-f]{64}$/.test(v)) no('hash', path); }
  function text(v, path) { if (typeof v !== 'string') no('text', path); }
  if (type === 'revision') {
    unit(newDoc.unitId); period(newDoc.period); hash(newDoc.contentHash, 'contentHash');
    if (id !== 'rev:' + newDoc.unitId + ':' + newDoc.period + ':' + newDoc.contentHash) no('id', id);
    if (typeof newDoc.tables !== 'object' || newDoc.tables === null) no('shape', 'tables');
    for (var t in newDoc.tables) {
      var def = R.tables[t];
      if (!def) no('table', t);
      var v = newDoc.tables[t];
      if (t === 'loan') {
        if (typeof v !== 'object' || v === null || !(v.banks instanceof Array)) no('shape', 'loan');
        count(v.need, 'loan.need', true);
        for (var b = 0; b < v.banks.length; b++) record(v.banks[b], def.fields, 'loan.banks.' + b);
      } else if (def.rows === 'many') {
        if (!(v instanceof Array)) no('shape', t);
        for (var i = 0; i < v.length; i++) record(v[i], def.fields, t + '.' + i);
      } else {
        record(v, def.fields, t);
      }
    }
    if (oldDoc && !oldDoc._deleted && oldDoc.contentHash !== newDoc.contentHash) no('immutable', id);
  } else if (type === 'head') {
    unit(newDoc.unitId); period(newDoc.period);
    if (newDoc.contentHash !== null) hash(newDoc.contentHash, 'contentHash');
    if (id !== 'head:' + newDoc.unitId + ':' + newDoc.period) no('id', id);
  } else if (type === 'import') {
    text(newDoc.id, 'id');
    if (!(newDoc.changes instanceof Array)) no('shape', 'changes');
    for (var c = 0; c < newDoc.changes.length; c++) {
      unit(newDoc.changes[c].unitId); period(newDoc.changes[c].period);
    }
  } else if (type === 'layout') {
    unit(newDoc.unitId);
    if (!R.tables[newDoc.table]) no('table', String(newDoc.table));
    if (typeof newDoc.headers !== 'object' || newDoc.headers === null) no('shape', 'headers');
  } else if (type === 'target') {
    unit(newDoc.unitId);
    if (!isNum(newDoc.year) || Math.floor(newDoc.year) !== newDoc.year) no('number', 'year');
    count(newDoc.startPlan, 'startPlan', true); count(newDoc.loanNeed, 'loanNeed', true);
    count(newDoc.expropriationPlan, 'expropriationPlan', true); count(newDoc.rentalTask, 'rentalTask', true);
  } else if (type === 'issued') {
    period(newDoc.period); text(newDoc.text, 'text');
    if (oldDoc && !oldDoc._deleted && oldDoc.text !== newDoc.text) no('immutable', id);
  } else if (type === 'setting') {
    text(newDoc.key, 'key');
    if (id !== 'setting:' + newDoc.key) no('id', id);
  }
`;

/** The validate_doc_update source, with the rules written into it. */
export function validateDocUpdateSource(): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {\n  var R = ${JSON.stringify(validationRules())};${VALIDATE_BODY}}`;
}

export function designDocument(): { _id: string; language: 'javascript'; validate_doc_update: string } {
  return { _id: DESIGN_DOC_ID, language: 'javascript', validate_doc_update: validateDocUpdateSource() };
}

/** A refusal of the server's validation, as the app reads it back from `forbidden`. */
export interface Refusal {
  code: string;
  detail: string;
}

/** Read `anju:<code>:<detail>` back; another server's refusal text is kept whole as the detail. */
export function parseRefusal(reason: string): Refusal {
  const m = /^anju:([a-z]+):(.*)$/s.exec(reason);
  return m ? { code: m[1] as string, detail: m[2] as string } : { code: 'other', detail: reason };
}

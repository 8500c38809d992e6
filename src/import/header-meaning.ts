// Recognition of a header by meaning: its words taken apart into qualifiers and a core concept, matched against
// the concepts the table's fields declare.
import type { FieldDef, TableDef } from '../domain/tables';

/** The fields of a table a header may mean (none when it is not understood). */
export function meaningFields(_def: TableDef, _header: string): FieldDef[] {
  return [];
}

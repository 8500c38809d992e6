// Grouping of the data tables: unit rows under their group's subtotal row (全市 / 省直管), groups in the
// register's order, rows within a group in the order given (i.e. as sorted).

export interface RowGroup<R> {
  id: string;
  /** The group's subtotal row (e.g. 长春市全市); the group is shown only if it has rows to show. */
  subtotal: R;
}

export type DisplayRow<R> =
  | { kind: 'subtotal'; groupId: string; row: R }
  | { kind: 'row'; groupId: string | null; row: R };

/** Flat rows, without grouping. */
export function ungrouped<R>(rows: readonly R[]): DisplayRow<R>[] {
  return rows.map((row) => ({ kind: 'row', groupId: null, row }));
}

/**
 * Rows under their group's subtotal, groups in the given order. A row whose group is unknown is kept at
 * the end (never dropped: every row on screen must be counted somewhere).
 */
export function groupRows<R>(
  rows: readonly R[],
  groupOf: (row: R) => string | null,
  groups: readonly RowGroup<R>[],
): DisplayRow<R>[] {
  const byGroup = new Map<string, R[]>();
  const orphans: R[] = [];
  const known = new Set(groups.map((g) => g.id));
  for (const row of rows) {
    const id = groupOf(row);
    if (id === null || !known.has(id)) {
      orphans.push(row);
      continue;
    }
    const list = byGroup.get(id) ?? [];
    list.push(row);
    byGroup.set(id, list);
  }
  const out: DisplayRow<R>[] = [];
  for (const group of groups) {
    const members = byGroup.get(group.id);
    if (!members) continue;
    out.push({ kind: 'subtotal', groupId: group.id, row: group.subtotal });
    for (const row of members) out.push({ kind: 'row', groupId: group.id, row });
  }
  for (const row of orphans) out.push({ kind: 'row', groupId: null, row });
  return out;
}

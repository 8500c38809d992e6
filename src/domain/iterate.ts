// Loops for arrays of any length. `target.push(...items)` and `Math.max(...values)` pass every element as an
// argument: past about 100,000 they overflow the call stack (145,000 projects in 表4 broke every analysis page).

/** Append every item to the target, in order; returns the target. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of the values, or `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty: number): number {
  let out = empty;
  let first = true;
  for (const v of values) {
    if (first || v > out) out = v;
    first = false;
  }
  return out;
}

/** The smallest of the values, or `empty` when there are none. */
export function minOf(values: Iterable<number>, empty: number): number {
  let out = empty;
  let first = true;
  for (const v of values) {
    if (first || v < out) out = v;
    first = false;
  }
  return out;
}

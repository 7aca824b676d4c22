/**
 * The longest common subsequence of two sequences, as the pairs of indices it keeps, in order. Quadratic in time
 * and space, which is what the lines of one section or the words of one line need.
 */
export function lcsPairs<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): [number, number][] {
  const n = a.length;
  const m = b.length;
  // lengths of the LCS of a[i..] and b[j..]
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i]![j] = same(a[i]!, b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (same(a[i]!, b[j]!)) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** An edit script from the LCS: runs of kept items and, between them, what only one side has. */
export type Edit<T> = { kind: 'same'; a: T[]; b: T[] } | { kind: 'change'; a: T[]; b: T[] };

export function editScript<T>(a: readonly T[], b: readonly T[], same?: (x: T, y: T) => boolean): Edit<T>[] {
  const out: Edit<T>[] = [];
  const push = (kind: Edit<T>['kind'], xs: T[], ys: T[]) => {
    if (!xs.length && !ys.length) return;
    const last = out.at(-1);
    if (last && last.kind === kind) {
      last.a.push(...xs);
      last.b.push(...ys);
    } else out.push({ kind, a: [...xs], b: [...ys] });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(a, b, same), [a.length, b.length] as [number, number]]) {
    push('change', a.slice(i, pi), b.slice(j, pj));
    if (pi < a.length) push('same', [a[pi]!], [b[pj]!]);
    i = pi + 1;
    j = pj + 1;
  }
  return out;
}

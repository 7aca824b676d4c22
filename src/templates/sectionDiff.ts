import { editScript, lcsPairs } from '../util/lcs.ts';
import type { PlanLine, PlanSection } from './planSections.ts';
import { type Segment, diffWords } from './wordSegments.ts';

/**
 * Two versions of a filing document compared section by section: the rows of the 新旧対照表 (a heading or a line a
 * row, old and new side by side, changed words marked) and the sections that did not change.
 */

export interface DiffRow {
  /** A section heading rather than a line of its text. */
  heading: boolean;
  before: Segment[];
  after: Segment[];
}

export interface SectionComparison {
  rows: DiffRow[];
  /** The unchanged parts by their numbers, whole subtrees at once, runs of siblings as ranges: ３（１）から３（17）まで. */
  unchanged: string[];
  changedSections: number;
}

/** Runs of this many unchanged lines or more inside a changed section are shown as （略）. */
const ELIDE_AT = 3;

const plain = (text: string): Segment[] => (text ? [{ text, changed: false }] : []);
const marked = (text: string): Segment[] => (text ? [{ text, changed: true }] : []);

type Status = 'same' | 'changed' | 'added' | 'removed';

interface Entry {
  key: string;
  before: PlanSection | null;
  after: PlanSection | null;
  status: Status;
  /** Keys of the enclosing sections, outermost first. */
  ancestors: string[];
}

const sameText = (a: PlanSection, b: PlanSection) =>
  a.heading === b.heading && a.lines.length === b.lines.length && a.lines.every((l, i) => l.text === b.lines[i]!.text);

function ancestorsOf(sections: readonly PlanSection[], section: PlanSection): string[] {
  const out: string[] = [];
  for (let p = section.parent; p !== null; p = sections[p]!.parent) out.unshift(sections[p]!.key);
  return out;
}

/** Both versions' sections in one order: the new document's, with removed sections after their old predecessor. */
function pairSections(before: readonly PlanSection[], after: readonly PlanSection[]): Entry[] {
  const old = new Map(before.map((s) => [s.key, s]));
  const entries: Entry[] = after.map((s) => {
    const b = old.get(s.key) ?? null;
    return { key: s.key, before: b, after: s, status: !b ? 'added' : sameText(b, s) ? 'same' : 'changed', ancestors: ancestorsOf(after, s) };
  });
  const present = new Set(after.map((s) => s.key));
  before.forEach((s, i) => {
    if (present.has(s.key)) return;
    const previous = before.slice(0, i).reverse().find((p) => entries.some((e) => e.key === p.key));
    const at = previous ? entries.findIndex((e) => e.key === previous.key) + 1 : 0;
    // after the predecessor's own subtree, so that the removed section does not land among its children
    let end = at;
    while (end < entries.length && previous && entries[end]!.ancestors.includes(previous.key)) end++;
    entries.splice(end, 0, { key: s.key, before: s, after: null, status: 'removed', ancestors: ancestorsOf(before, s) });
  });
  return entries;
}

/** The lines of a changed section, aligned: kept lines side by side, changed lines paired by their label. */
function lineRows(before: readonly PlanLine[], after: readonly PlanLine[]): DiffRow[] {
  const rows: DiffRow[] = [];
  let kept: DiffRow[] = [];
  const flushKept = () => {
    if (kept.length >= ELIDE_AT) rows.push({ heading: false, before: plain('（略）'), after: plain('（略）') });
    else rows.push(...kept);
    kept = [];
  };
  for (const edit of editScript([...before], [...after], (x, y) => x.text === y.text)) {
    if (edit.kind === 'same') {
      kept.push(...edit.a.map((l) => ({ heading: false, before: plain(l.text), after: plain(l.text) })));
      continue;
    }
    flushKept();
    // changed lines: pair those with the same label (実施状況 with 実施状況), the rest stand alone on their side
    const pairs = lcsPairs(edit.a, edit.b, (x, y) => x.label === y.label);
    let i = 0;
    let j = 0;
    for (const [pi, pj] of [...pairs, [edit.a.length, edit.b.length] as [number, number]]) {
      for (; i < pi; i++) rows.push({ heading: false, before: marked(edit.a[i]!.text), after: [] });
      for (; j < pj; j++) rows.push({ heading: false, before: [], after: marked(edit.b[j]!.text) });
      if (pi < edit.a.length) {
        const words = diffWords(edit.a[pi]!.text, edit.b[pj]!.text);
        rows.push({ heading: false, ...words });
      }
      i = pi + 1;
      j = pj + 1;
    }
  }
  flushKept();
  return rows;
}

function headingRow(entry: Entry): DiffRow {
  const { before, after } = entry;
  if (before && after) return { heading: true, ...(before.heading === after.heading ? { before: plain(before.heading), after: plain(after.heading) } : diffWords(before.heading, after.heading)) };
  if (after) return { heading: true, before: plain('（新設）'), after: marked(after.heading) };
  return { heading: true, before: marked(before!.heading), after: plain('（削除）') };
}

function rowsOf(entry: Entry): DiffRow[] {
  const { before, after } = entry;
  if (entry.status === 'added') return after!.lines.map((l) => ({ heading: false, before: [], after: marked(l.text) }));
  if (entry.status === 'removed') return before!.lines.map((l) => ({ heading: false, before: marked(l.text), after: [] }));
  return lineRows(before!.lines, after!.lines);
}

const standsAlone = (e: Entry) => !/^[0-9０-９（ア-ヲ(]/.test((e.after ?? e.before)!.number);

/** 「３（１）」「３（１）から３（17）まで」: runs of unchanged siblings named by their first and last number. */
function unchangedNames(entries: readonly Entry[]): string[] {
  const subtreeSame = new Map<string, boolean>();
  for (const e of [...entries].reverse()) {
    const children = entries.filter((c) => c.ancestors.at(-1) === e.key);
    subtreeSame.set(e.key, e.status === 'same' && children.every((c) => subtreeSame.get(c.key)));
  }
  const name = (e: Entry) => (e.after ?? e.before)!.path || (e.after ?? e.before)!.heading;
  const out: string[] = [];
  let run: Entry[] = [];
  const flush = () => {
    if (run.length <= 2) out.push(...run.map(name));
    else out.push(`${name(run[0]!)}から${name(run.at(-1)!)}まで`);
    run = [];
  };
  let lastParent: string | undefined;
  for (const e of entries) {
    const parent = e.ancestors.at(-1);
    const listed = subtreeSame.get(e.key) && !(parent !== undefined && subtreeSame.get(parent));
    if (!listed) {
      if (!(parent !== undefined && subtreeSame.get(parent))) flush();
      continue;
    }
    // the front matter and the 別表 are named on their own, never as an end of a range of numbered sections
    if (run.length && (lastParent !== parent || standsAlone(run[0]!) || standsAlone(e))) flush();
    run.push(e);
    lastParent = parent;
  }
  flush();
  return out;
}

export function compareSections(before: readonly PlanSection[], after: readonly PlanSection[]): SectionComparison {
  const entries = pairSections(before, after);
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const shown = new Set<string>();
  const rows: DiffRow[] = [];
  let changedSections = 0;
  for (const entry of entries) {
    if (entry.status === 'same') continue;
    changedSections++;
    for (const key of entry.ancestors) {
      if (shown.has(key)) continue;
      const ancestor = byKey.get(key);
      if (ancestor) rows.push(headingRow(ancestor));
      shown.add(key);
    }
    rows.push(headingRow(entry), ...rowsOf(entry));
    shown.add(entry.key);
  }
  return { rows, unchanged: unchangedNames(entries), changedSections };
}

import { type Edit, editScript } from '../util/lcs.ts';

/** A piece of a text and whether it is part of what changed (underlined in the 新旧対照表). */
export interface Segment {
  text: string;
  changed: boolean;
}

// made when first asked (loading ICU's Japanese dictionary takes about 10 ms; a build never diffs words)
let segmenter: Intl.Segmenter | undefined;

/** Scripts within which ICU's dictionary may cut a word in two (クラ|ウド): their runs are kept whole. */
const KATAKANA = /^[\u30a0-\u30ffー]+$/u;
const LATIN = /^[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+$/u;

/** A check box and its label are one word: ■実施予定 is one choice, up to the space before the next. */
const CHOICE = /^[■□]/u;
const CONTINUES_CHOICE = /^[^\s\u3000■□]/u;

/** The words of a text: Intl.Segmenter's Japanese word boundaries, with katakana and Latin runs never split. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of (segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' })).segment(text)) {
    const last = out.at(-1);
    const joins =
      last !== undefined &&
      ((KATAKANA.test(last) && KATAKANA.test(segment)) || (LATIN.test(last) && LATIN.test(segment)) || (CHOICE.test(last) && CONTINUES_CHOICE.test(segment)));
    if (joins) out[out.length - 1] = last + segment;
    else out.push(segment);
  }
  return out;
}

/** A particle or a mark in common between changes (の, 、) reads as part of the change, not as a gap in its underline. */
const isSlight = (ws: readonly string[]) => /^[\p{Script=Hiragana}\p{P}\p{Zs}・]{1,2}$/u.test(ws.join(''));

function absorbSlightGaps(edits: Edit<string>[]): Edit<string>[] {
  const out: Edit<string>[] = [];
  edits.forEach((edit, i) => {
    const between = edit.kind === 'same' && i > 0 && i < edits.length - 1 && isSlight(edit.a);
    const last = out.at(-1);
    if ((edit.kind === 'change' || between) && last?.kind === 'change') {
      last.a.push(...edit.a);
      last.b.push(...edit.b);
    } else out.push(between ? { kind: 'change', a: [...edit.a], b: [...edit.b] } : { ...edit, a: [...edit.a], b: [...edit.b] });
  });
  return out;
}

function segmentsOf(edits: readonly Edit<string>[], side: 'a' | 'b'): Segment[] {
  const out: Segment[] = [];
  for (const edit of edits) {
    const text = edit[side].join('');
    if (!text) continue;
    const changed = edit.kind === 'change';
    const last = out.at(-1);
    if (last && last.changed === changed) last.text += text;
    else out.push({ text, changed });
  }
  return out;
}

/** What differs between two texts, marked as runs of whole words on each side. */
export function diffWords(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const edits = absorbSlightGaps(editScript(words(before), words(after)));
  return { before: segmentsOf(edits, 'a'), after: segmentsOf(edits, 'b') };
}

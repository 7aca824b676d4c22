/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { SEVERITY_LABELS } from '../../model/enums.ts';
import type { Key } from '../../model/schemaWalk.ts';
import { type Finding, countBySeverity } from '../../validate/finding.ts';
import { fieldWords, findingMessage } from '../../validate/messages.ts';
import { h } from './dom.ts';
import { pathId } from './filingData.ts';
import type { Slot } from './form.ts';

/**
 * Shows the validator's findings: each beside its field (the field marked aria-invalid for an error and
 * described by its messages), a summary list whose entries move the focus to the field, and the counts.
 */

export interface Placed {
  finding: Finding;
  /** The path whose slot holds the message (the finding's own, or the nearest drawn part above it). */
  at: Key[];
  messageId: string;
}

/** The nearest path, from the finding's own upwards, that the form has drawn. */
export function placeOf(segments: readonly Key[], slots: ReadonlyMap<string, Slot>): Key[] {
  for (let n = segments.length; n > 0; n--) {
    const path = segments.slice(0, n);
    if (slots.has(pathId('f', path))) return path;
  }
  return [];
}

export class FindingsView {
  private marked: { control: HTMLElement; describedBy: string[] }[] = [];
  private messages: HTMLElement[] = [];
  placed: Placed[] = [];

  constructor(
    private readonly slots: ReadonlyMap<string, Slot>,
    private readonly summary: HTMLElement,
    private readonly counts: HTMLElement,
  ) {}

  show(findings: readonly Finding[]): void {
    for (const m of this.messages) m.remove();
    for (const { control, describedBy } of this.marked) {
      control.removeAttribute('aria-invalid');
      if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
      else control.removeAttribute('aria-describedby');
    }
    this.messages = [];
    this.marked = [];
    this.placed = [];
    const bySlot = new Map<string, { slot: Slot; ids: string[]; error: boolean }>();
    const seen = new Set<string>();
    findings.forEach((finding, i) => {
      const text = findingMessage(finding, 'ja');
      // one field can fail one rule in two ways (a blank date is neither a date nor in range): say it once
      const once = `${finding.path}\n${text}`;
      if (seen.has(once)) return;
      seen.add(once);
      const at = placeOf(finding.segments, this.slots);
      const key = pathId('f', at);
      const slot = this.slots.get(key);
      const messageId = `finding-${i}`;
      this.placed.push({ finding, at, messageId });
      if (!slot) return;
      const own = at.length === finding.segments.length;
      const where = own ? '' : `${fieldWords(finding.segments)}：`;
      const el = h('p', { class: `finding ${finding.severity}`, id: messageId }, h('span', { class: 'sev' }, SEVERITY_LABELS[finding.severity].ja), `${where}${text}`);
      slot.messages.append(el);
      this.messages.push(el);
      const entry = bySlot.get(key) ?? { slot, ids: [], error: false };
      entry.ids.push(messageId);
      entry.error ||= finding.severity === 'error';
      bySlot.set(key, entry);
    });
    for (const { slot, ids, error } of bySlot.values()) {
      if (!slot.control) continue;
      if (error) slot.control.setAttribute('aria-invalid', 'true');
      slot.control.setAttribute('aria-describedby', [...slot.describedBy, ...ids].join(' '));
      this.marked.push({ control: slot.control, describedBy: slot.describedBy });
    }
    this.showSummary();
    this.showCounts(this.placed.map((p) => p.finding));
  }

  private showCounts(findings: readonly Finding[]) {
    const c = countBySeverity(findings);
    this.counts.replaceChildren(
      h('span', { class: `count error${c.error ? '' : ' zero'}` }, `エラー ${c.error}`),
      h('span', { class: `count warning${c.warning ? '' : ' zero'}` }, `警告 ${c.warning}`),
      h('span', { class: 'count info' }, `情報 ${c.info}`),
    );
    this.counts.setAttribute('aria-label', `エラー${c.error}件、警告${c.warning}件、情報${c.info}件`);
  }

  private showSummary() {
    const list = h('ol', { class: 'finding-list' });
    for (const p of this.placed) {
      const where = fieldWords(p.finding.segments) || '届出全体';
      list.append(
        h(
          'li',
          { class: p.finding.severity },
          h('a', { href: `#${pathId('f', p.at)}`, 'data-jump': p.messageId }, h('span', { class: 'sev' }, SEVERITY_LABELS[p.finding.severity].ja), h('span', { class: 'where' }, where), h('span', { class: 'what' }, findingMessage(p.finding, 'ja'))),
        ),
      );
    }
    if (!this.placed.length) list.append(h('li', { class: 'none' }, '指摘はありません。書類を作成できます。'));
    this.summary.replaceChildren(list);
  }

  /** The placed finding a summary link stands for. */
  byMessageId(id: string): Placed | undefined {
    return this.placed.find((p) => p.messageId === id);
  }
}

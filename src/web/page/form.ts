/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { isChangeOnlyField } from '../../model/changeOnly.ts';
import { type EnumValue, SCOPE_LABELS } from '../../model/enums.ts';
import { normalizeInput } from '../../model/normalizeInput.ts';
import { dependentNeedAt } from '../../validate/dependentNeeds.ts';
import { type FieldInfo, type Key, fieldAt } from '../../model/schemaWalk.ts';
import { formatReference, REQUIREMENTS, type Requirement } from '../../catalog/requirements.ts';
import { type PortClassification, classifyPort } from '../../catalog/classifyPort.ts';
import { PORTS } from '../../catalog/ports.ts';
import { PREFECTURES } from '../../catalog/prefectures.ts';
import { requirementsFor } from '../../catalog/requirementsFor.ts';
import { PORT_CLASS_LABELS } from '../../model/enums.ts';
import { h } from './dom.ts';
import { choiceOf, dateReading, textOf, yesNoOf } from './fieldValues.ts';
import { type Data, getAt, pathId } from './filingData.ts';

/**
 * The form, generated from the schema walk: an object is a group titled with its Japanese title, a list can
 * grow, shrink and be reordered, a choice is a list of its Japanese labels, a date is typed the way people
 * write it and read back as 和暦. Controls are not controlled: the page reads them when the person commits an
 * edit and never rewrites a box that is being typed in.
 */

/** What the page needs to find again for a path: where its messages go and the control to mark. */
export interface Slot {
  messages: HTMLElement;
  control?: HTMLElement;
  /** Ids always in the control's aria-describedby (its hint, a date's reading). */
  describedBy: string[];
}

export interface ControlInfo {
  path: Key[];
  info: FieldInfo;
  /** For a choice among a list's checkboxes: the value it stands for. */
  option?: string;
}

export class FormRenderer {
  readonly slots = new Map<string, Slot>();
  readonly controls = new WeakMap<Element, ControlInfo>();

  constructor(private readonly getData: () => Data) {}

  private get data() {
    return this.getData();
  }

  private slot(path: readonly Key[], slot: Slot) {
    this.slots.set(pathId('f', path), slot);
  }

  /** Drops the slots of a part of the form that is about to be drawn anew. */
  forget(path: readonly Key[]) {
    const id = pathId('f', path);
    for (const key of [...this.slots.keys()]) if (key === id || key.startsWith(`${id}__`)) this.slots.delete(key);
  }

  /** The whole form: one section per top-level part of the filing. */
  renderAll(): HTMLElement {
    const form = h('form', { id: 'filing-form', 'aria-label': '届出の内容', novalidate: true });
    for (const name of fieldAt([])!.fields!) form.append(this.section([name]));
    return form;
  }

  private section(path: Key[]): HTMLElement {
    const info = fieldAt(path)!;
    const id = pathId('f', path);
    if (info.kind !== 'object') {
      const wrap = this.field(path);
      wrap.classList.add('part', 'loose');
      return wrap;
    }
    const messages = h('div', { class: 'messages', id: `${id}-m` });
    // a part the filing may leave out as a whole (代理人): its fields are asked for only once it is given
    const mark = info.optional ? h('span', { class: 'opt' }, '任意') : null;
    const wrap = h('section', { class: 'part', id, 'aria-labelledby': `${id}-h`, tabindex: '-1' }, h('h2', { id: `${id}-h` }, info.title ?? '', mark), messages);
    this.slot(path, { messages, describedBy: [] });
    if (path[0] === 'measures') wrap.append(this.measures());
    else for (const name of info.fields!) wrap.append(this.field([...path, name]));
    return wrap;
  }

  /** The element for any field; drawing it again replaces the element with this id. */
  field(path: Key[]): HTMLElement {
    const element = this.fieldElement(path);
    if (isChangeOnlyField(path)) element.dataset.changeOnly = JSON.stringify(path);
    return element;
  }

  private fieldElement(path: Key[]): HTMLElement {
    const info = fieldAt(path);
    if (!info) return h('div');
    if (path.length === 2 && path[0] === 'port' && path[1] === 'name') return this.portName(path, info);
    if (path.length === 2 && path[0] === 'port' && path[1] === 'prefecture') return this.prefecture(path, info);
    switch (info.kind) {
      case 'object':
        return this.group(path, info);
      case 'array':
        return this.list(path, info);
      default:
        return this.input(path, info);
    }
  }

  /**
   * Shows a measure's 実施予定日 and 理由 when its 実施状況 asks for them (or when something is written in them), and
   * marks 任意 only what the status leaves optional: the validator's own table (dependentNeeds.ts).
   */
  updateMeasureFields(root: ParentNode = document): void {
    const filing = normalizeInput(this.data);
    for (const box of root.querySelectorAll<HTMLElement>('details.measure')) {
      const path: Key[] = ['measures', box.dataset.requirement!];
      const status = choiceOf('measureStatus', getAt(this.data, [...path, 'status'])) as EnumValue<'measureStatus'> | '';
      for (const name of ['description', 'plannedDate', 'reason'] as const) {
        const wrap = box.querySelector<HTMLElement>(`[data-field="${pathId('f', [...path, name])}"]`);
        if (!wrap) continue;
        const asked = status ? Boolean(dependentNeedAt(filing, [...path, name])?.asked) : name === 'description';
        const optional = wrap.querySelector<HTMLElement>(':scope > label > .opt');
        if (optional) optional.hidden = asked;
        wrap.hidden = name !== 'description' && !asked && getAt(this.data, [...path, name]) === undefined;
      }
    }
  }

  /**
   * Shows the parts only a change of the business plan has (変更の概要, 現に受けている許可) when the 申請区分 is a
   * change, or when something is written in them already (so nothing written is ever hidden).
   */
  updateChangeOnly(root: ParentNode = document): void {
    const change = choiceOf('applicationKind', getAt(this.data, ['application', 'kind'])) !== 'new-license';
    for (const el of root.querySelectorAll<HTMLElement>('[data-change-only]')) {
      el.hidden = !change && getAt(this.data, JSON.parse(el.dataset.changeOnly!) as Key[]) === undefined;
    }
  }

  private group(path: Key[], info: FieldInfo): HTMLElement {
    const id = pathId('f', path);
    const messages = h('div', { class: 'messages', id: `${id}-m` });
    // a measure's 詳細 is what examiners look for (a warning when it is missing), not a part to leave out
    const examined = path.length === 3 && path[0] === 'measures' && path[2] === 'details';
    const mark = examined ? h('span', { class: 'opt examined' }, '審査で確認される事項') : this.needMark(path) ?? (info.optional ? h('span', { class: 'opt' }, '任意') : null);
    const box = h('fieldset', { class: 'group', id, tabindex: '-1' }, h('legend', {}, info.title ?? '', mark), messages);
    this.slot(path, { messages, describedBy: [] });
    for (const name of info.fields!) box.append(this.field([...path, name]));
    return box;
  }

  private input(path: Key[], info: FieldInfo): HTMLElement {
    const id = pathId('f', path);
    const stored = getAt(this.data, path);
    const messages = h('div', { class: 'messages', id: `${id}-m` });
    const describedBy: string[] = [];
    // a blank left in the file (as `init` leaves them) is asked for by the validator: not marked optional then
    const blankInFile = typeof stored === 'string' && stored.trim() === '';
    // a detail the examiner looks for is asked for (a warning when missing), not offered as optional
    const keyDetail = this.keyDetailHint(path);
    const label = h('label', { for: id }, info.title ?? '', this.needMark(path) ?? (info.optional && !blankInFile && !keyDetail ? h('span', { class: 'opt' }, '任意') : null));
    let control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const extras: HTMLElement[] = [];
    switch (info.kind) {
      case 'enum': {
        const current = info.enumName ? choiceOf(info.enumName, stored) : '';
        control = h('select', { id }, h('option', { value: '' }, '（選択してください）'));
        for (const o of info.options ?? []) control.append(h('option', { value: o.value, selected: o.value === current }, o.label));
        break;
      }
      case 'boolean': {
        const current = yesNoOf(stored);
        control = h(
          'select',
          { id },
          h('option', { value: '' }, '（選択してください）'),
          h('option', { value: 'yes', selected: current === 'yes' }, 'はい'),
          h('option', { value: 'no', selected: current === 'no' }, 'いいえ'),
        );
        break;
      }
      case 'date': {
        control = h('input', { id, type: 'text', autocomplete: 'off', placeholder: '例：令和8年4月1日', class: 'date' });
        control.value = textOf(stored);
        extras.push(h('span', { class: 'reading', id: `${id}-r` }, readingText(control.value)));
        describedBy.push(`${id}-r`);
        break;
      }
      default: {
        const long = (info.maxLength ?? 0) > 400;
        control = long ? h('textarea', { id, rows: '3' }) : h('input', { id, type: 'text', autocomplete: 'off', inputmode: info.kind === 'email' ? 'email' : undefined });
        control.value = textOf(stored);
      }
    }
    if (keyDetail) {
      extras.push(h('span', { class: 'hint', id: `${id}-k` }, keyDetail));
      describedBy.push(`${id}-k`);
    }
    if (describedBy.length) control.setAttribute('aria-describedby', describedBy.join(' '));
    this.controls.set(control, { path, info });
    this.slot(path, { messages, control, describedBy });
    return h('div', { class: `field kind-${info.kind}`, 'data-field': id }, label, h('div', { class: 'control' }, control, ...extras), messages);
  }

  /** The mark of a field whose need depends on another value; updateDependentNeeds says 必須 or 任意 from the rule. */
  private needMark(path: Key[]): HTMLElement | null {
    if (!dependentNeedAt({}, path)) return null;
    return h('span', { class: 'opt need', 'data-need': JSON.stringify(path) }, '任意');
  }

  /** 必須／任意 of every field another value asks for, from the validator's own table (dependentNeeds.ts). */
  updateDependentNeeds(root: ParentNode = document): void {
    const filing = normalizeInput(this.data);
    for (const mark of root.querySelectorAll<HTMLElement>('[data-need]')) {
      const found = dependentNeedAt(filing, JSON.parse(mark.dataset.need!) as Key[]);
      const asked = Boolean(found?.asked);
      mark.textContent = !asked ? '任意' : found!.need.severity === 'error' ? '必須' : '記載をお願いします';
      mark.classList.toggle('asked', asked);
    }
  }

  /** 「審査で確認される事項」 beside the detail fields the catalog says an examiner looks for. */
  private keyDetailHint(path: Key[]): string | null {
    if (path[0] !== 'measures' || path[2] !== 'details' || path.length !== 4) return null;
    const req = REQUIREMENTS.find((r) => r.id === path[1]);
    return (req?.keyDetails as readonly string[] | undefined)?.includes(String(path[3])) ? '審査で確認される事項' : null;
  }

  private portName(path: Key[], info: FieldInfo): HTMLElement {
    const wrap = this.input(path, info);
    const control = this.slots.get(pathId('f', path))!.control as HTMLInputElement;
    control.setAttribute('list', 'port-names');
    const list = h('datalist', { id: 'port-names' });
    for (const p of PORTS) list.append(h('option', { value: p.name }));
    const reading = h('span', { class: 'reading', id: 'port-class' }, portReading(textOf(getAt(this.data, path))));
    control.setAttribute('aria-describedby', 'port-class');
    this.slots.get(pathId('f', path))!.describedBy.push('port-class');
    control.after(reading, list);
    return wrap;
  }

  /** 港の所在する都道府県: a text field that offers the 47 names (for a port outside the registry). */
  private prefecture(path: Key[], info: FieldInfo): HTMLElement {
    const wrap = this.input(path, info);
    const control = this.slots.get(pathId('f', path))!.control as HTMLInputElement;
    control.setAttribute('list', 'prefecture-names');
    const list = h('datalist', { id: 'prefecture-names' });
    for (const p of PREFECTURES) list.append(h('option', { value: p.name }));
    control.after(list);
    return wrap;
  }

  private list(path: Key[], info: FieldInfo): HTMLElement {
    const element = fieldAt([...path, 0])!;
    if (element.kind === 'enum') return this.choices(path, info, element);
    const id = pathId('f', path);
    const stored = getAt(this.data, path);
    const items = Array.isArray(stored) ? stored : [];
    const messages = h('div', { class: 'messages', id: `${id}-m` });
    const itemTitle = element.title ?? info.title ?? '';
    const box = h('fieldset', { class: 'list', id, tabindex: '-1' }, h('legend', {}, info.title ?? '', info.optional ? h('span', { class: 'opt' }, '任意') : null, h('span', { class: 'count' }, `${items.length}件`)), messages);
    this.slot(path, { messages, describedBy: [] });
    const body = h('div', { class: 'items' });
    items.forEach((_item, i) => body.append(this.item([...path, i], element, itemTitle, i, items.length)));
    box.append(body, h('button', { type: 'button', class: 'add', 'data-action': 'add', 'data-list': JSON.stringify(path) }, `＋ ${itemTitle}を追加`));
    // a list left blank (an imported plan that does not say) is not yet 「ない」: one button says so
    if (!Array.isArray(stored) && !info.optional)
      box.append(h('button', { type: 'button', class: 'none', 'data-action': 'none', 'data-list': JSON.stringify(path), 'aria-label': `${info.title ?? ''}はなし` }, 'なし（0件）'));
    return box;
  }

  private item(path: Key[], element: FieldInfo, title: string, index: number, count: number): HTMLElement {
    const id = pathId('f', path);
    const name = `${title}（${index + 1}件目）`;
    const listPath = JSON.stringify(path.slice(0, -1));
    const tools = h(
      'div',
      { class: 'item-tools' },
      h('button', { type: 'button', 'data-action': 'up', 'data-list': listPath, 'data-index': String(index), disabled: index === 0, 'aria-label': `${name}を上へ` }, '↑ 上へ'),
      h('button', { type: 'button', 'data-action': 'down', 'data-list': listPath, 'data-index': String(index), disabled: index === count - 1, 'aria-label': `${name}を下へ` }, '↓ 下へ'),
      h('button', { type: 'button', 'data-action': 'remove', 'data-list': listPath, 'data-index': String(index), 'aria-label': `${name}を削除` }, '削除'),
    );
    if (element.kind === 'object') {
      const messages = h('div', { class: 'messages', id: `${id}-m` });
      const box = h('fieldset', { class: 'item', id, tabindex: '-1' }, h('legend', {}, name), tools, messages);
      this.slot(path, { messages, describedBy: [] });
      for (const field of element.fields!) box.append(this.field([...path, field]));
      return box;
    }
    const row = this.input(path, { ...element, title: name, optional: false });
    row.classList.add('item-row');
    row.append(tools);
    return row;
  }

  /** A list of choices (委託内容, 認証要素…) as one checkbox per choice. */
  private choices(path: Key[], info: FieldInfo, element: FieldInfo): HTMLElement {
    const id = pathId('f', path);
    const stored = getAt(this.data, path);
    const chosen = new Set((Array.isArray(stored) ? stored : []).map((v) => (element.enumName ? choiceOf(element.enumName, v) : '')));
    const messages = h('div', { class: 'messages', id: `${id}-m` });
    const box = h('fieldset', { class: 'choices', id, tabindex: '-1' }, h('legend', {}, info.title ?? '', info.optional ? h('span', { class: 'opt' }, '任意') : null));
    (element.options ?? []).forEach((o, i) => {
      const cid = `${id}-o${i}`;
      const box1 = h('input', { type: 'checkbox', id: cid, checked: chosen.has(o.value) });
      this.controls.set(box1, { path, info, option: o.value });
      box.append(h('span', { class: 'choice' }, box1, h('label', { for: cid }, o.label)));
    });
    box.append(messages);
    this.slot(path, { messages, describedBy: [] });
    return box;
  }

  // ---------- measures ----------

  private measures(): HTMLElement {
    const wrap = h('div', { class: 'measures' });
    wrap.append(h('p', { class: 'port-rule', id: 'measures-rule' }, ''));
    for (const req of REQUIREMENTS) wrap.append(this.measure(req));
    return wrap;
  }

  private measure(req: Requirement): HTMLElement {
    const path: Key[] = ['measures', req.id];
    const id = pathId('f', path);
    const messages = h('div', { class: 'messages', id: `${id}-m` });
    const references = req.references.map((r) => formatReference(r)).join('、');
    const box = h(
      'details',
      { class: 'measure', id, 'data-requirement': req.id, 'data-scope': req.scope },
      h('summary', {}, h('span', { class: 'measure-title' }, req.title), h('span', { class: 'badge' }, ''), h('span', { class: 'scope' }, SCOPE_LABELS[req.scope])),
      h('div', { class: 'measure-about' }, h('p', { class: 'summary' }, req.summary), h('p', { class: 'ref' }, `ガイドライン：${references}`)),
      messages,
    );
    this.slot(path, { messages, describedBy: [] });
    const info = fieldAt(path)!;
    for (const name of info.fields!) {
      if (name === 'details') {
        const details = this.field([...path, name]);
        details.classList.add('measure-details');
        box.append(details);
      } else box.append(this.field([...path, name]));
    }
    return box;
  }

  /** Marks each measure mandatory or optional for the port now written, and opens the mandatory ones. */
  updateMeasures(root: ParentNode = document): void {
    const port = currentPort(this.data);
    const applicable = new Set(requirementsFor(port).map((r) => r.id));
    const rule = root.querySelector('#measures-rule');
    if (rule) {
      const name = port.name ?? port.input;
      rule.textContent = name
        ? `${name}は${port.name === null ? '登録簿にない港として、' : ''}${port.specified ? PORT_CLASS_LABELS.specified : PORT_CLASS_LABELS.general}です。必須：${applicable.size}項目、任意：${REQUIREMENTS.length - applicable.size}項目。`
        : '港名を記入すると、その港で必須の項目が示されます。';
    }
    for (const box of root.querySelectorAll<HTMLDetailsElement>('details.measure')) {
      const required = applicable.has(box.dataset.requirement as Requirement['id']);
      const wasRequired = box.dataset.required === 'true';
      box.dataset.required = String(required);
      box.querySelector('.badge')!.textContent = required ? '必須' : '任意（この港では記載不要）';
      const hasData = getAt(this.data, ['measures', box.dataset.requirement!]) !== undefined;
      if (required && !wasRequired) box.open = true;
      if (!required && wasRequired && !hasData) box.open = false;
      if (hasData) box.open = true;
    }
  }
}

export function currentPort(data: Data): PortClassification {
  const name = textOf(getAt(data, ['port', 'name'])).trim();
  return classifyPort(name);
}

export function portReading(name: string): string {
  if (!name.trim()) return '';
  const port = classifyPort(name);
  if (port.name === null) {
    const near = port.suggestions.length ? `もしかして${port.suggestions.map((n) => `「${n}」`).join('、')}ですか。` : '';
    return `登録簿にない港名です。${near}港名の誤りでなければ、「登録簿にない一般の港であることの確認」を「はい」にし、「港の所在する都道府県」を選んでください。`;
  }
  if (port.kind === 'not-designated') return `${port.name}：港湾運送事業法の指定港ではない港・${port.bureau}（許可が必要か${port.bureau}に確認してください）`;
  const cls = port.specified ? `${PORT_CLASS_LABELS.specified}（${port.specifiedPort}）` : PORT_CLASS_LABELS.general;
  const within = port.kind === 'part' && port.designatedPort && !port.specified ? `指定港「${port.designatedPort}」の一部・` : '';
  return `${port.name}：${within}${cls}・${port.bureau}`;
}

export function readingText(typed: string): string {
  if (!typed.trim()) return '';
  const reading = dateReading(typed);
  return reading ? `→ ${reading}` : '日付として読めません';
}

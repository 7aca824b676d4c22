import { requirementById } from '../catalog/requirements.ts';
import { formatPath, type Finding, type FindingCode } from '../validate/finding.ts';
import { documentMessage } from '../validate/documentMessage.ts';
import { fieldWords } from '../validate/messages.ts';
import type { Key } from '../model/schemaWalk.ts';
import { GapMark } from './gapMark.ts';

/** A requirement's findings repeat its title (「…」：); under the requirement's own heading that is said already. */
function withoutTitle(f: Finding, message: string): string {
  const title = f.requirementId ? requirementById(f.requirementId)?.title : undefined;
  if (!title) return message;
  if (message.startsWith(`「${title}」：`)) return message.slice(title.length + 3);
  return message.startsWith(`「${title}」の`) ? message.slice(title.length + 3) : message;
}

/** 「講じている措置：」 for a finding about one field of a measure that its message does not name. */
function measureFieldOf(f: Finding): string {
  if (f.segments[0] !== 'measures' || f.segments.length < 3 || f.code.startsWith('MEASURE_')) return '';
  return `${fieldWords(f.segments).split(' › ').slice(2).join('の')}：`;
}

/** Findings whose mark in place says all there is to say: no note repeats them. */
const SAID_IN_PLACE = new Set<FindingCode>([
  'MEASURE_DESCRIPTION_MISSING',
  'MEASURE_PLANNED_DATE_MISSING',
  'MEASURE_REASON_MISSING',
  'LICENSE_MISSING',
  'CHANGE_SUMMARY_MISSING',
  'TOS_OWNER_ASSURANCE_MISSING',
  'CONNECTION_SOURCE_UNRESTRICTED',
  'AGENT_NAME_MISSING',
]);

/** Findings whose message names the place itself (外部接続「…」, 港名「…」, ターミナル「…」). */
const NAMES_ITS_PLACE = /^(CONNECTION_|PORT_|TERMINAL_|MANUAL_OPERATION_|AGENT_)/;

/**
 * The marks a draft shows: 【未記入：…】 where something is missing, 【要確認：…】 where something should be checked,
 * each naming the place in the document's words. A final document has no marks (every lookup gives null).
 */
export class FindingMarks {
  private readonly shown: Finding[];

  constructor(
    findings: readonly Finding[],
    readonly draft: boolean,
    /** Findings about a text the draft left blank: the blank itself is marked in place. */
    private readonly isFilledGap: (f: Finding) => boolean = () => false,
  ) {
    this.shown = draft ? findings.filter((f) => f.severity !== 'info') : [];
  }

  /** The mark for a place: a finding of one of `codes` at exactly `path`. */
  at(path: readonly Key[], codes: readonly FindingCode[], label: string): GapMark | null {
    const p = formatPath(path);
    const f = this.shown.find((x) => x.path === p && codes.includes(x.code));
    return f ? new GapMark(f.severity === 'error' ? 'missing' : 'review', label) : null;
  }

  /** Whether the measure of a requirement is missing (error or, for the unclear items, warning). */
  measureMissing(id: string, label: string): GapMark | null {
    const f = this.shown.find((x) => x.requirementId === id && x.code === 'MEASURE_MISSING');
    return f ? new GapMark(f.severity === 'error' ? 'missing' : 'review', label) : null;
  }

  /** Notes under a requirement's table: its findings that no mark in place explains. */
  notesFor(id: string): GapMark[] {
    return this.shown
      .filter((f) => f.requirementId === id && !SAID_IN_PLACE.has(f.code) && !(f.code === 'MEASURE_MISSING' && f.severity === 'error') && !this.isFilledGap(f))
      .map((f) => this.note(f, `${measureFieldOf(f)}${withoutTitle(f, documentMessage(f))}`));
  }

  /** Notes for the cover: findings that belong to no requirement and no marked place. */
  general(): GapMark[] {
    return this.shown
      .filter((f) => !f.requirementId && !SAID_IN_PLACE.has(f.code) && !this.isFilledGap(f))
      .map((f) => this.note(f, NAMES_ITS_PLACE.test(f.code) ? documentMessage(f) : `${fieldWords(f.segments).split(' › ').join('の')}：${documentMessage(f)}`));
  }

  private note(f: Finding, text: string): GapMark {
    return new GapMark(f.severity === 'error' ? 'missing' : 'review', text);
  }
}

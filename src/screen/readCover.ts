import { lookupPort } from '../catalog/classifyPort.ts';
import type { TextBlock } from '../readers/plan/textBlock.ts';
import { withoutExampleColumns } from './formGuidance.ts';

/** A value read from the plan, with the block it was read from. */
export interface Found<T> {
  value: T;
  /** TextBlock.index of the block. */
  block: number;
}

export interface CoverRead {
  /** 宛先 as written, without 殿・様 (関東運輸局長). */
  addressee?: Found<string>;
  /** 申請日 as an ISO date (令和6年4月1日 → 2024-04-01). */
  date?: Found<string>;
  applicant?: {
    name?: Found<string>;
    representative?: Found<{ title?: string; name: string }>;
    address?: Found<string>;
  };
  /** The port as the plan spells it, when the port registry knows it (横浜港, 福岡港). */
  port?: Found<string>;
  terminal?: Found<string>;
  tosName?: Found<string>;
}

const clean = (s: string) => s.normalize('NFKC').replace(/[\u3000\s]+/g, ' ').trim();
/**
 * The name as the document writes it (「神戸ＰＩコンテナ株式会社」 in full-width letters), found again in the block it was
 * read from after the reading folded it (NFKC); the folded name when the block writes it otherwise.
 */
function asWritten(raw: string, folded: string): string {
  // (「有限会社　豊川港運」: the blank a clerk put after the company's form is part of the name as written)
  const bare = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
  const wanted = bare(folded);
  for (let start = 0; start < raw.length; start++) {
    if (/\s/.test(raw[start]!)) continue;
    for (let end = start + 1; end <= raw.length && end - start <= folded.length * 2; end++) {
      const piece = bare(raw.slice(start, end));
      if (piece === wanted && !/\s/.test(raw[end - 1]!)) return raw.slice(start, end);
      if (!wanted.startsWith(piece)) break;
    }
  }
  return folded;
}

/** A form's label typed with blanks between its characters (「住　所」「名　称」「代 表 者」) as one word. */
const spacedLabel = (s: string) => s.replace(/^(\S) (\S) (\S)(?= |[:：]|$)/, '$1$2$3').replace(/^(\S) (\S)(?= |[:：]|$)/, '$1$2');

// ---- dates ----

const KANJI_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 「十二」「三十一」「元」「６」 → 12, 31, 1, 6. */
function numberOf(s: string): number | undefined {
  if (s === '元') return 1;
  if (/^[0-9]+$/.test(s)) return Number(s);
  if (!/^[〇零一二三四五六七八九十]+$/.test(s)) return undefined;
  if (!s.includes('十')) return Number([...s].map((c) => KANJI_DIGITS[c]).join(''));
  const [tens, ones] = s.split('十');
  return (tens ? KANJI_DIGITS[tens]! : 1) * 10 + (ones ? KANJI_DIGITS[ones]! : 0);
}

const ERAS: Record<string, number> = { 令和: 2018, r: 2018, 平成: 1988, h: 1988 };
const NUM = '([0-9]{1,4}|[〇零一二三四五六七八九十]{1,4}|元)';
const ERA_DATE = new RegExp(`(令和|平成)\\s*${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日`);
const ERA_SHORT = /(?<![a-z])([rh])\s*([0-9]{1,2})[.\/年]\s*([0-9]{1,2})[.\/月]\s*([0-9]{1,2})日?/i;
const WESTERN = /(20[0-9]{2})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|[\/.\-]([0-9]{1,2})[\/.\-]([0-9]{1,2}))/;

const iso = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/** The first date a text states, as ISO: 令和6年4月1日, 令和元年5月1日, 令和六年四月一日, R6.4.1, 2024年4月1日, 2024/4/1. */
export function parseJapaneseDate(text: string): string | undefined {
  const s = text.normalize('NFKC');
  const era = ERA_DATE.exec(s);
  if (era) {
    const [y, m, d] = [numberOf(era[2]!), numberOf(era[3]!), numberOf(era[4]!)];
    if (y !== undefined && m !== undefined && d !== undefined) return iso(ERAS[era[1]!]! + y, m, d);
  }
  const short = ERA_SHORT.exec(s);
  if (short) return iso(ERAS[short[1]!.toLowerCase()]! + Number(short[2]), Number(short[3]), Number(short[4]));
  const west = WESTERN.exec(s);
  if (west) return iso(Number(west[1]), Number(west[2] ?? west[4]), Number(west[3] ?? west[5]));
  return undefined;
}

// ---- names ----

const COMPANY_FORMS = '株式会社|有限会社|合同会社|合資会社|合名会社|一般社団法人|一般財団法人|協同組合|\\(株\\)|\\(有\\)|㈱|㈲';
const NAME_CHARS = '[^\\s、。,，:：()（）「」『』【】]';
const COMPANY = new RegExp(`((?:${COMPANY_FORMS})${NAME_CHARS}{1,30}|${NAME_CHARS}{1,30}(?:${COMPANY_FORMS}))`);
const REP_TITLE =
  '代表取締役(?:社長|会長|副社長|専務)?(?:執行役員|社長)?|代表執行役(?:社長)?|代表社員|代表理事(?:長)?|取締役社長|代表者|社長|理事長|組合長|代表';
const REPRESENTATIVE = new RegExp(`(${REP_TITLE})\\s*(?:氏名)?\\s*[:：]?\\s*([一-龥々〆ヵヶぁ-んァ-ヶー]{1,6}(?:[ \\u3000]{1,3}[一-龥々〆ヵヶぁ-んァ-ヶー]{1,6})?)`);
const PREFECTURE = /^(?:〒?\s*[0-9]{3}-?[0-9]{4}\s*)?((?:東京都|北海道|(?:京都|大阪)府|[一-龥]{2,3}県)[^\s].*)$/;

const LABEL = (words: string) => new RegExp(`^(?:[A-Za-z][A-Za-z .]*\\/\\s*)?(?:[【［\\[]\\s*)?(?:${words})(?:\\s*[】］\\]]\\s*[:：]?\\s*|\\s*[:：]\\s*|\\s+|$)(.*)$`);
const ADDRESSEE = /^(.{1,30}?(?:運輸局長|運輸監理部長|総合事務局長|運輸支局長|大臣|局長))\s*(?:殿|様|御中)?\s*$/;
const ADDRESSEE_LABEL = LABEL('宛先|提出先|あて先');
const DATE_LABEL = LABEL('申請日|提出日|届出日|申請年月日|提出年月日|届出年月日|作成日|日付');
const NAME_LABEL = LABEL('申請者(?:の)?(?:名称|名|氏名)?|届出者(?:の)?(?:名称|名)?|事業者(?:の)?名(?:称)?|会社名|法人名|商号(?:又は名称)?|名称|氏名又は名称|氏名または名称');
const ADDRESS_LABEL = LABEL('住所|所在地|本社所在地|本店所在地|主たる事務所(?:の所在地)?|本社住所');
const PORT_LABEL = LABEL('港湾(?:及び|および|・)施設|港の名称|港名|対象港(?:湾)?|港湾名|所在港|対象となる港|申請に係る港|事業を行う港|事業港|港');
const TERMINAL_LABEL = LABEL('(?:港名|港)・ターミナル(?:名)?|ターミナル(?:の)?(?:名|名称)?|対象ターミナル|埠頭名|ふ頭名|施設名');
const TOS_LABEL = LABEL('システム名(?:称)?|TOS(?:の)?(?:名称|名)|(?:ご)?使用(?:する|している|中の)TOS(?:の名称)?|TOS');

/** The blocks of the cover: those before the first heading of the plan's body, at most the first 40. */
function coverBlocks(blocks: readonly TextBlock[]): TextBlock[] {
  return blocks.slice(0, 40);
}

function firstLabelled(blocks: readonly TextBlock[], label: RegExp, accept: (value: string) => string | undefined): Found<string> | undefined {
  for (const [i, b] of blocks.entries()) {
    const text = spacedLabel(clean(b.text));
    const m = label.exec(text);
    if (!m) continue;
    const inline = m[1]!.trim();
    if (inline) {
      const accepted = accept(inline);
      if (accepted) return { value: accepted, block: b.index };
      continue;
    }
    // a label cell with its value in the next cell (of its own row), or a label line with the value on one of the next lines
    // (申請者 | 名称 | 株式会社…: a label cell after the label is a narrower label of the same thing, and the value follows it)
    const sameRow = (next: TextBlock) => next.cell?.table === b.cell!.table && next.cell.row === b.cell!.row;
    const narrower = b.cell && blocks[i + 1] && sameRow(blocks[i + 1]!) && label.exec(spacedLabel(clean(blocks[i + 1]!.text)))?.[1]?.trim() === '' ? 1 : 0;
    const following = b.cell ? blocks.slice(i + 1 + narrower, i + 2 + narrower).filter(sameRow) : blocks.slice(i + 1, i + 4);
    for (const next of following) {
      const accepted = accept(clean(next.text));
      if (accepted) return { value: accepted, block: next.index };
    }
  }
  return undefined;
}

function companyIn(text: string): string | undefined {
  const m = COMPANY.exec(text.normalize('NFKC'));
  return m ? m[1]!.replace(/^(申請者|届出者|名称|商号)/, '') : undefined;
}

/** What may stand beside the applicant's name in its own line: a label, its department, its place, its address. */
const LINE_LABEL = /^(申請者|届出者|提出者|発注者|依頼者|依頼人|委任者|発行(者|元)?|作成(者)?|記入(者)?|事業者|会社名|社名)\s*[:：]?\s*/;
const PLACE_OR_UNIT = /(港|港区|ふ頭|埠頭|ターミナル|ヤード|CT|センター|事業所|営業所|支店|支社|本社|本店|出張所|工場|倉庫|部|課|室|係|班|グループ|チーム|担当)$/;
/** A document's title beside the name in a heading line: 「潮見埠頭株式会社　情報セキュリティ対策計画書」. */
const TITLE_WORDS = /(計画(書)?|対策(一覧|表|書)?|一覧(表)?|報告(書)?|付表|別紙|資料|申請書|届出書|概要|について|における.{0,20})$/;

/**
 * The applicant's name in a line of its own with other words beside it: 「勇振コンテナ埠頭株式会社　苫小牧港東港区コンテナ
 * ヤード」「発行：広島港運株式会社　総務部」「神奈川県…５番地３　株式会社南本牧ポートサービス」 — each other word a
 * label, a department, a place or an address (a sentence that names a company is no such line).
 */
function companyLineIn(text: string): string | undefined {
  const t = clean(text)
    .replace(REPRESENTATIVE, ' ')
    .replace(LINE_LABEL, '')
    // 「株式会社 南本牧ポートサービス」「広島港運 株式会社」: the form apart from the name by a blank
    .replace(new RegExp(`(^|\\s)(${COMPANY_FORMS})\\s+`), '$1$2')
    .replace(new RegExp(`\\s+(${COMPANY_FORMS})(?=\\s|$)`), '$1')
    .trim();
  if (/[。、]/.test(t) || t.length > 80) return undefined;
  const parts = t.split(/\s+/).filter(Boolean);
  const company = parts.find((part) => companyIn(part) === part);
  if (!company) return undefined;
  const besides = parts.filter((part) => part !== company);
  const fits = (part: string) => TITLE_WORDS.test(part) || PREFECTURE.test(part) || /[市区町村郡].*[0-9丁目番地号]/.test(part) || PLACE_OR_UNIT.test(part) || !!portIn(part) || /^[0-9-]+$/.test(part);
  return besides.length <= 3 && besides.every(fits) ? company : undefined;
}

/**
 * The applicant named in a sentence: 「泉北ポートロジスティクス株式会社（以下「当社」という。）は…」, 「会社名は「泉北ポート
 * ロジスティクス株式会社」でお願いします」.
 */
function companyInSentence(text: string): string | undefined {
  const s = text.normalize('NFKC');
  const self = new RegExp(`(${NAME_CHARS}{1,40}?)\\s*\\(\\s*以下\\s*[「『]?\\s*(?:当社|弊社|当組合|申請者|会社)`).exec(s);
  // the sentence's words before the name: 「申請者である」「当社、」
  const named = self?.[1]!.replace(/^.*(である|では|には|とは|は|が|を|にて|において)(?=.)/, '');
  if (named && companyIn(named) === named) return named;
  const quoted = /(?:会社名|社名|名称|申請者名?|申請者の名称|商号)(?:は|を|:|：)?\s*[「『]([^」』]{2,40})[」』]/.exec(s);
  if (quoted && companyIn(quoted[1]!) === quoted[1]!) return quoted[1]!;
  return undefined;
}

function representativeIn(text: string): { title?: string; name: string } | undefined {
  // 「代表者　代表取締役　伊勢　直樹」「代表者の氏名：…」: the label first, then the title and the name
  const m = REPRESENTATIVE.exec(clean(text).replace(/^(?:代表者(?:の)?(?:氏名)?|代表者名)\s*[:：]?\s*(?=\S*(?:代表|社長|理事))/, ''));
  if (!m) return undefined;
  let title: string | undefined = m[1]!;
  let name = m[2]!.replace(/[ \u3000]+/g, ' ').replace(/\s*(印|㊞)$/, '').trim();
  // 「代表者 代表取締役 山田 太郎」: the label, then the title in the value
  if (title === '代表者' || title === '代表') {
    const inner = new RegExp(`^(${REP_TITLE})\\s+(.+)$`).exec(name);
    if (inner) [title, name] = [inner[1]!, inner[2]!];
    else title = undefined;
  }
  // (「代表者」 alone, a label cell: its 者 is no name)
  if (!name || name.length < 2 || /株式会社|会社|港運/.test(name)) return undefined;
  return { ...(title ? { title } : {}), name };
}

/** The port a text names, as written, when the registry knows it: the longest registry name ending at a 港. */
export function portIn(text: string): string | undefined {
  const s = text.normalize('NFKC').replace(/[\s\u3000]+/g, '');
  for (let i = s.indexOf('港'); i >= 0; i = s.indexOf('港', i + 1)) {
    // 港湾・港運 are no port; 港区 of a port is (常陸那珂港区 → 常陸那珂港), a city's 港区 ward names none
    if (/[湾運]/.test(s[i + 1] ?? '') || s[i - 1] === '空') continue;
    for (let len = Math.min(8, i); len >= 1; len--) {
      const candidate = s.slice(i - len, i + 1);
      const outer = lookupPort(candidate);
      if (!outer) continue;
      // 「京浜港（横浜港）」: the part of the 指定港 the writer names within it is the one meant (not 「川崎港（京浜港）」)
      const inner = /^[(（]([^()（）]{1,8}港)[)）]/.exec(s.slice(i + 1))?.[1];
      const part = inner ? lookupPort(inner) : undefined;
      return part && part.name !== outer.name && part.designatedPort === outer.name ? inner! : candidate;
    }
  }
  return undefined;
}

/**
 * The terminal a sentence names, without the sentence around it: 「当社は名古屋港飛島ふ頭南側コンテナターミナルに
 * おいて…」 → 飛島ふ頭南側コンテナターミナル. The name is the run of words before ターミナル／ふ頭 that holds no
 * particle (は, の, において: hiragana other than the ふ of ふ頭), less the port's name in front of it.
 */
export function terminalIn(text: string): string | undefined {
  const m = /((?:[^\s\u3041-\u3096、。,:：()（）「」『』]|ふ(?=頭)){1,40}(?:コンテナターミナル|ターミナル|コンテナふ頭|ふ頭|埠頭|CT))(?![ァ-ヶー])/.exec(text.normalize('NFKC'));
  if (!m) return undefined;
  let name = m[1]!;
  const port = portIn(name);
  if (port && name.startsWith(port) && name.length > port.length + 2) name = name.slice(port.length);
  // (「他ターミナル」「各ふ頭」 name none; 「神戸市灘区摩耶埠頭」 is an address)
  if (/^(コンテナ)?(ターミナル|ふ頭|埠頭|CT)$/.test(name) || name.length < 3 || /^(他|各|当|本|同|両|全|その|この)/.test(name) || /^(.{2,3}[都道府県])?.{1,5}[市郡].{1,5}[区町村]/.test(name)) return undefined;
  return name;
}

/**
 * What a plan's cover says: 宛先, 申請日, the applicant (名称・代表者・所在地), the port and terminal and the
 * TOS's name, each with the block it was read from. Labelled fields (名称：…) are preferred; otherwise the
 * conventional places (a line ending in 殿, a 株式会社 line near 代表取締役, the first known port name).
 */
export function readCover(allBlocks: readonly TextBlock[]): CoverRead {
  // (a form's column of examples names a made-up company's system, not the applicant's)
  const blocks = withoutExampleColumns([...allBlocks].sort((a, b) => a.index - b.index));
  const cover = coverBlocks(blocks);
  const out: CoverRead = {};

  const addressee = firstLabelled(cover, ADDRESSEE_LABEL, (v) => v.replace(/\s*(殿|様|御中)$/, '') || undefined);
  const addresseeFound = addressee ?? (() => {
    for (const b of cover) {
      const m = ADDRESSEE.exec(clean(b.text));
      if (m) return { value: m[1]!.trim(), block: b.index };
    }
    return undefined;
  })();
  if (addresseeFound) out.addressee = addresseeFound;

  const date =
    firstLabelled(cover, DATE_LABEL, parseJapaneseDate) ??
    (() => {
      for (const b of cover) {
        const d = parseJapaneseDate(b.text);
        if (d) return { value: d, block: b.index };
      }
      return undefined;
    })();
  if (date) out.date = date;

  const applicant: NonNullable<CoverRead['applicant']> = {};
  const name =
    // (a name without a company's form is taken as written, but not a system's name in Latin letters or one with a note's mark:
    // 「名称｜ＴＡＫＡＳＡＧＯ－ＹＡＲＤ（※1）」 in a table of the TOS)
    // (nor a company in the value's brackets: 「名称｜ＨＯＮＭＯＫＵ－ＴＯＳ（開発・保守：株式会社ベイリンク…）」 names the vendor)
    firstLabelled(cover, NAME_LABEL, (v) =>
      companyIn(v.replace(/[(（](?![株有][)）])[^()（）]*[)）]/g, ' ')) ?? (v.length <= 30 && !PREFECTURE.test(v) && !/港湾運送|事業計画|システム|TOS|丁目|番地|代表|※|稼働|導入|令和|平成|[0-9０-９]+年/.test(v) && !/^[A-Za-z0-9\s\-_.・ー]+$/.test(v.normalize('NFKC').replace(/[(（].*$/, '')) ? v : undefined),
    ) ??
    // a letter to the operator from someone else (a vendor's proposal: 「伊勢湾北部港運株式会社　常務取締役　加藤　正樹　様」
    // above the sender's name): the company addressed is the one the document is about
    (() => {
      const first = cover.slice(0, 6).find((b) => /(様|御中)\s*$/.test(clean(b.text)) && !/運輸局|殿/.test(b.text));
      const addressed = first ? companyIn(clean(first.text).replace(REPRESENTATIVE, ' ')) : undefined;
      return addressed && cover.some((b) => b.index > first!.index && /(弊社|当社|担当)/.test(b.text)) && cover.some((b) => /弊社|貴社/.test(b.text)) ? { value: addressed, block: first!.index } : undefined;
    })() ??
    (() => {
      for (const b of cover) {
        if (/殿|様|御中|運輸局/.test(b.text)) continue;
        const c = companyIn(b.text);
        // the applicant's own line (「株式会社○○」「株式会社○○ 代表取締役 ○○」), not a company named in a sentence
        const rest = clean(b.text).replace(c ?? '', '').replace(REPRESENTATIVE, '').replace(/^(申請者|届出者)\s*[:：]?/, '').trim();
        if (c && rest.length <= 12 && !/[。、:：(（]/.test(rest)) return { value: c, block: b.index };
        const own = companyLineIn(b.text);
        if (own) return { value: own, block: b.index };
        // a block of several lines (a letterhead typed with line breaks): its lines one by one, without the words
        // in brackets beside the name (「辰巳ポート株式会社」「（東京港　大井ふ頭）」, 「…株式会社　システム管理室　（社内資料より）」)
        for (const line of b.text.split('\n').map((l) => l.replace(/[(（][^()（）]*[)）]/g, ' ').trim())) {
          const inLine = line !== b.text ? companyLineIn(line) : undefined;
          if (inLine) return { value: inLine, block: b.index };
        }
      }
      return undefined;
    })() ??
    // 「〜株式会社（以下「当社」という。）」 or 「会社名は「〜」」 anywhere in the plan
    (() => {
      for (const b of blocks) {
        const c = companyInSentence(b.text);
        if (c) return { value: c, block: b.index };
      }
      return undefined;
    })() ??
    // the signature at the end of a letter or a memo: the name in a line of its own among the last lines
    (() => {
      for (const b of blocks.slice(-12).reverse()) {
        const own = companyLineIn(b.text);
        if (own) return { value: own, block: b.index };
      }
      return undefined;
    })();
  if (name) applicant.name = { ...name, value: asWritten(blocks.find((b) => b.index === name.block)?.text ?? '', name.value) };
  for (const b of cover) {
    const r = representativeIn(b.text);
    if (r) {
      applicant.representative = { value: r, block: b.index };
      break;
    }
  }
  const address =
    firstLabelled(cover, ADDRESS_LABEL, (v) => (PREFECTURE.test(v) || /[市区町村]/.test(v) ? v.replace(/^〒?\s*[0-9]{3}-?[0-9]{4}\s*/, '') : undefined)) ??
    (() => {
      for (const b of cover) {
        const m = PREFECTURE.exec(clean(b.text));
        if (m && /[市区町村郡]/.test(m[1]!)) return { value: m[1]!.split(/\s+(?=株式会社|代表)/)[0]!, block: b.index };
      }
      return undefined;
    })();
  if (address) applicant.address = address;
  if (applicant.name || applicant.representative || applicant.address) out.applicant = applicant;

  const port =
    firstLabelled(blocks.slice(0, 80), PORT_LABEL, portIn) ??
    (() => {
      for (const b of blocks) {
        // 「秋田県男鹿市船川港船川…」: an address's town is no port
        if (ADDRESS_LABEL.test(spacedLabel(clean(b.text))) || PREFECTURE.test(clean(b.text))) continue;
        const p = portIn(b.text);
        if (p) return { value: p, block: b.index };
      }
      return undefined;
    })();
  if (port) out.port = port;

  const terminal =
    // (「港名・ターミナル｜仙台塩釜港（仙台港区）高砂コンテナターミナル」: the terminal without the port)
    firstLabelled(blocks.slice(0, 80), TERMINAL_LABEL, (v) => (portIn(v) ? terminalIn(clean(v)) : undefined) ?? (v.length <= 40 ? v : undefined)) ??
    (() => {
      for (const b of blocks.slice(0, 80)) {
        const name = terminalIn(clean(b.text));
        if (name) return { value: name, block: b.index };
      }
      return undefined;
    })();
  if (terminal) out.terminal = terminal;

  const tos =
    // (「ＧＡＭＯ－ＣＴＳ（平成２９年４月稼働）」: the name without the note on when it started)
    firstLabelled(blocks.slice(0, 80), TOS_LABEL, (v) => {
      // (and the first sentence only: 「ＣＴ－ＮＡＶＩ（…製、平成３０年導入）。本船の積付計画…に使用。」)
      const name = v.split('。')[0]!.replace(/\s*[(（](?:[^()（）]|[(（][^()（）]*[)）])*(稼働|導入|運用|更新|開発|保守|年|製)(?:[^()（）]|[(（][^()（）]*[)）])*[)）]\s*$/, '');
      return name.length <= 40 && !/ターミナルオペレーションシステム$/.test(name) ? name : undefined;
    }) ??
    (() => {
      for (const b of blocks.slice(0, 80)) {
        const m =
          /(?:TOS|ターミナルオペレーションシステム|システム)[^「」]{0,12}「([^」]{1,30})」|「([^」]{1,30})」[^「」]{0,8}(?:TOS|ターミナルオペレーションシステム)|「([^」]{0,25}TOS[^」]{0,10})」/.exec(clean(b.text));
        if (m) return { value: (m[1] ?? m[2] ?? m[3])!, block: b.index };
      }
      return undefined;
    })();
  if (tos) out.tosName = tos;
  return out;
}

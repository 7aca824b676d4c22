import { type PortClassification, classifyPort, portLabel } from '../catalog/classifyPort.ts';
import { PREFECTURES, type Prefecture, findPrefecture } from '../catalog/prefectures.ts';
import { closest } from '../util/closest.ts';
import { type Lang, inLang } from '../util/lang.ts';

/**
 * The port a command starts from (`init --port`, `edit --port`, `catalog --port`): a registry port, or, with
 * `--unlisted` and `--prefecture`, a port outside the registry in a known 都道府県. An unknown name stops with the
 * closest registry names and the one command that goes on with it as an unlisted port.
 */

export interface PortRequest {
  name: string;
  unlisted?: boolean;
  prefecture?: string;
  /** How the command is written again with --unlisted, e.g. "tos-filing init" (the port options are added). */
  command: string;
  /** The command needs the 都道府県 with --unlisted (init, edit: the addressee is set from it). */
  needsPrefecture: boolean;
}

export type PortChoice =
  | { ok: true; port: PortClassification; unlisted?: { prefecture: Prefecture }; notes: string[] }
  | { ok: false; message: string };

const quote = (names: readonly string[]) => names.map((n) => `「${n}」`).join('、');

export function choosePort(request: PortRequest, lang: Lang = 'ja'): PortChoice {
  const port = classifyPort(request.name);
  const say = (text: { ja: string; en: string }) => inLang(text, lang);
  const notes: string[] = [];
  const prefecture = request.prefecture === undefined ? undefined : findPrefecture(request.prefecture);
  if (request.prefecture !== undefined && !prefecture) {
    const near = closest(request.prefecture.normalize('NFKC').trim(), PREFECTURES.map((p) => p.name));
    return {
      ok: false,
      message: say({
        ja: `--prefecture の「${request.prefecture}」は都道府県名として読めません。${near.length ? `もしかして${quote(near)}ですか。` : ''}「岩手県」のように指定してください。`,
        en: `--prefecture "${request.prefecture}" is not a prefecture${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}; write e.g. 岩手県.`,
      }),
    };
  }

  if (port.name !== null) {
    if (request.unlisted)
      notes.push(say({ ja: `「${port.name}」は登録簿にあるため、--unlisted は使いません。`, en: `${port.name} is in the registry; --unlisted is not used.` }));
    if (prefecture && !port.prefectures.includes(prefecture.name))
      notes.push(
        say({
          ja: `「${port.name}」は${port.prefectures.join('・')}の港です。--prefecture ${prefecture.name} は使いません。`,
          en: `${port.name} is in ${port.prefectures.join(', ')}; --prefecture ${prefecture.name} is not used.`,
        }),
      );
    if (port.kind === 'part' && port.designatedPort && port.designatedPort !== port.name && !port.specified)
      notes.push(say({ ja: `${portLabel(port)}：${port.name}は港湾運送事業法の指定港「${port.designatedPort}」の一部として扱います。`, en: `${port.name} is treated as part of the designated port ${port.designatedPort}.` }));
    if (port.kind === 'not-designated')
      notes.push(
        say({
          ja: `注意：「${port.name}」は港湾運送事業法施行令 別表第一の指定港ではありません。同法の許可（事業計画）が必要か、${port.bureau}に確認してください。${port.hint ?? ''}`,
          en: `Note: ${port.name} is not a designated port of the Act; confirm with ${port.bureau} whether the licence is needed.`,
        }),
      );
    return { ok: true, port, notes };
  }

  if (request.unlisted) {
    if (request.needsPrefecture && !prefecture)
      return {
        ok: false,
        message: say({
          ja: `登録簿にない港「${request.name}」で始めるには、港の所在する都道府県も指定してください（宛先をその都道府県を管轄する運輸局等にします）。例：${request.command} --port ${request.name} --unlisted --prefecture 岩手県`,
          en: `To start at "${request.name}", outside the registry, also give the prefecture (the addressee is set from it), e.g. ${request.command} --port ${request.name} --unlisted --prefecture 岩手県`,
        }),
      };
    if (port.suggestions.length)
      notes.push(say({ ja: `登録簿には ${quote(port.suggestions)} があります。その港であれば --port を直してください。`, en: `The registry has ${port.suggestions.join(', ')}; correct --port if you meant it.` }));
    return { ok: true, port, ...(prefecture ? { unlisted: { prefecture } } : {}), notes };
  }

  const hint = port.suggestions.length ? say({ ja: `もしかして${quote(port.suggestions)}ですか。`, en: ` Did you mean ${port.suggestions.join(', ')}?` }) : '';
  const again = `${request.command} --port ${request.name} --unlisted${request.needsPrefecture ? ` --prefecture ${prefecture?.name ?? '〇〇県'}` : ''}`;
  return {
    ok: false,
    message: say({
      ja:
        `港名「${request.name}」は登録簿にありません。${hint}\n` +
        '登録簿は港湾運送事業法施行令 別表第一の指定港（とその一部の港名）をすべて収めています。港名の誤りでなければ、登録簿にない港として続けられます' +
        `${request.needsPrefecture ? '（都道府県から宛先の運輸局等を定めます）' : '（一般の港の要件を示します）'}：\n  ${again}`,
      en:
        `port "${request.name}" is not in the registry.${hint}\n` +
        `If the name is right, go on with it as a port outside the registry${request.needsPrefecture ? ' (the prefecture sets the addressee)' : ''}:\n  ${again}`,
    }),
  };
}

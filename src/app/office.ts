import { agent as agentSchema } from '../model/filing.ts';
import { normalizeInput } from '../model/normalizeInput.ts';
import { type Lang, inLang } from '../util/lang.ts';
import { agentFindings } from '../validate/agentFindings.ts';
import { formatPath } from '../validate/finding.ts';
import { fieldWords, findingMessage } from '../validate/messages.ts';
import { schemaFindings } from '../validate/schemaFindings.ts';

/**
 * The office file: a firm's 代理人 written once (資格, 氏名, 事務所の名称, 登録番号, 所在地, 電話番号 at the top
 * level, as under `agent:` in a filing; a file holding just an `agent:` part is read the same way). `init
 * --agent` writes it into the skeleton and `build --agent` uses it for every filing that has no agent of its own.
 */

export type OfficeRead = { ok: true; agent: Record<string, unknown> } | { ok: false; message: string };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Judges the data of an office file; the message names the file, each field in the user's words and its key. */
export function officeAgent(file: string, data: unknown, lang: Lang = 'ja'): OfficeRead {
  const wrapped = isRecord(data) && Object.keys(data).length === 1 && isRecord(data.agent);
  const written = wrapped ? (data as { agent: unknown }).agent : data;
  if (!isRecord(written)) {
    return {
      ok: false,
      message: inLang(
        {
          ja: `${file}: 事務所ファイルには、代理人の資格・氏名などを「名前: 値」の形で記載してください（例：qualification: 行政書士、name: 山田花子）`,
          en: `${file}: an office file gives the agent's fields as a mapping (qualification: ..., name: ...)`,
        },
        lang,
      ),
    };
  }
  if (Object.hasOwn(written, 'application') || Object.hasOwn(written, 'applicant')) {
    return {
      ok: false,
      message: inLang(
        {
          ja: `${file}: 届出ファイルのようです。事務所ファイルには代理人の項目（資格・氏名・事務所の名称・登録番号・事務所の所在地・電話番号）だけを記載してください`,
          en: `${file}: this looks like a filing; an office file holds only the agent's fields`,
        },
        lang,
      ),
    };
  }
  const input = normalizeInput({ agent: written }) as { agent: unknown };
  const parsed = agentSchema.safeParse(input.agent);
  const findings = parsed.success ? [] : schemaFindings(parsed.error.issues.map((issue) => ({ ...issue, path: ['agent', ...issue.path] })), input);
  findings.push(...agentFindings(input.agent));
  if (!findings.length) return { ok: true, agent: written };
  const lines = findings.map((f) => {
    const key = formatPath(wrapped ? f.segments : f.segments.slice(1));
    return `  ${fieldWords(f.segments, lang)}（${key}）：${findingMessage(f, lang)}`;
  });
  return { ok: false, message: [inLang({ ja: `${file}: 事務所ファイルの記載に誤りがあります`, en: `${file}: the office file has errors` }, lang), ...lines].join('\n') };
}

/** The filing with the office's agent, unless it has an agent of its own (an `agent:` left empty is none). */
export function withOfficeAgent(data: unknown, agent: Record<string, unknown> | undefined): unknown {
  if (!agent || !isRecord(data)) return data;
  if (data.agent !== undefined && data.agent !== null) return data;
  return { ...data, agent: structuredClone(agent) };
}

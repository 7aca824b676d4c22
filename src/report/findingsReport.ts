import type { PortClassification } from '../catalog/classifyPort.ts';
import { SEVERITY_LABELS } from '../model/enums.ts';
import { type Lang, inLang } from '../util/lang.ts';
import { type Finding, countBySeverity } from '../validate/finding.ts';
import { fieldWords, findingMessage } from '../validate/messages.ts';
import { forTerminal } from '../util/terminalText.ts';

/** What `validate` reports for one file: the port and every finding with its message in the language asked for. */
export interface FindingsReport {
  file: string;
  port: {
    input: string;
    name: string | null;
    specified: boolean;
    specifiedPort: string | null;
    /** The 指定港 of 港湾運送事業法 the port is or lies in; null for a name that is not one, or unknown. */
    designatedPort?: string | null;
    /** true for a name the registry knows is not a 指定港. */
    notDesignated?: boolean;
  } | null;
  findings: (Omit<Finding, 'segments' | 'params'> & { field: string; message: string })[];
}

export function findingsReport(file: string, port: PortClassification | null, findings: readonly Finding[], lang: Lang = 'ja'): FindingsReport {
  return {
    file,
    port: port && {
      input: port.input,
      name: port.name,
      specified: port.specified,
      specifiedPort: port.specifiedPort,
      designatedPort: port.designatedPort,
      notDesignated: port.kind === 'not-designated',
    },
    findings: findings.map((f) => ({
      severity: f.severity,
      code: f.code,
      requirementId: f.requirementId,
      path: f.path,
      field: fieldWords(f.segments, lang),
      message: findingMessage(f, lang),
    })),
  };
}

export function describePort(port: FindingsReport['port'], lang: Lang): string {
  const say = (text: { ja: string; en: string }) => inLang(text, lang);
  if (!port) return say({ ja: '港：不明', en: 'port: unknown' });
  if (!port.name) return say({ ja: `港：${port.input}（登録簿にない港）`, en: `port: ${port.input} (not in the registry)` });
  if (port.notDesignated) return say({ ja: `港：${port.name}（指定港ではない港）`, en: `port: ${port.name} (not a designated port)` });
  const within = port.designatedPort && port.designatedPort !== port.name && port.designatedPort !== port.specifiedPort ? port.designatedPort : null;
  if (!port.specified)
    return say(
      within
        ? { ja: `港：${port.name}（${within}の一部、一般の港）`, en: `port: ${port.name} (part of ${within}, general port)` }
        : { ja: `港：${port.name}（一般の港）`, en: `port: ${port.name} (general port)` },
    );
  const part = port.name === port.specifiedPort ? '' : say({ ja: `${port.specifiedPort}の一部、`, en: `part of ${port.specifiedPort}, ` });
  return say({ ja: `港：${port.name}（${part}特定の港）`, en: `port: ${port.name} (${part}specified port)` });
}

/**
 * The report as text for a terminal: each finding with the field in the user's words, its path, and the message.
 * File names, paths and messages carry text from the filing, so control characters are dropped.
 */
export function formatFindingsText(report: FindingsReport, lang: Lang = 'ja'): string {
  const say = (text: { ja: string; en: string }) => inLang(text, lang);
  const lines = [`${report.file}  ${describePort(report.port, lang)}`];
  for (const f of report.findings) {
    const where = f.path === '(root)' ? inLang({ ja: 'ファイル全体', en: 'the whole file' }, lang) : f.field ? `${f.field}（${f.path}）` : f.path;
    lines.push(`  ${say(SEVERITY_LABELS[f.severity])}  ${where}`, `    ${f.message}`);
  }
  const c = countBySeverity(report.findings);
  lines.push(
    say({
      ja: `  エラー ${c.error}件、警告 ${c.warning}件、情報 ${c.info}件`,
      en: `  ${c.error} error(s), ${c.warning} warning(s), ${c.info} info`,
    }),
  );
  return forTerminal(lines.join('\n'));
}

import type { PortClassification } from '../catalog/classifyPort.ts';
import { forTerminal } from './terminalText.ts';
import type { Finding, Severity } from '../validate/finding.ts';

export interface FindingsReport {
  file: string;
  port: { input: string; name: string | null; specified: boolean; specifiedPort: string | null } | null;
  findings: Finding[];
}

export function findingsReport(file: string, port: PortClassification | null, findings: Finding[]): FindingsReport {
  return {
    file,
    port: port && { input: port.input, name: port.name, specified: port.specified, specifiedPort: port.specifiedPort },
    findings,
  };
}

export type ReportLang = 'ja' | 'en';

export const SEVERITY_LABEL: Record<Severity, { ja: string; en: string }> = {
  error: { ja: 'エラー', en: 'error' },
  warning: { ja: '警告', en: 'warning' },
  info: { ja: '情報', en: 'info' },
};

export function describePort(port: FindingsReport['port'], lang: ReportLang = 'ja'): string {
  const pick = (text: { ja: string; en: string }) => text[lang];
  if (!port) return pick({ ja: '港：不明', en: 'port: unknown' });
  if (!port.name) return pick({ ja: `港：${port.input}（登録簿にない港）`, en: `port: ${port.input} (not in the registry)` });
  if (!port.specified) return pick({ ja: `港：${port.name}（一般の港）`, en: `port: ${port.name} (general port)` });
  const part = port.name === port.specifiedPort ? '' : pick({ ja: `${port.specifiedPort}の一部、`, en: `part of ${port.specifiedPort}, ` });
  return pick({ ja: `港：${port.name}（${part}特定の港）`, en: `port: ${port.name} (${part}specified port)` });
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * The report for the terminal. File names, field paths and messages can carry text from the filing, so
 * control characters are dropped (an ESC sequence in a value must not recolour or clear the screen).
 */
export function formatFindingsText(report: FindingsReport, lang: ReportLang = 'ja'): string {
  const lines = [`${report.file}  ${describePort(report.port, lang)}`];
  for (const f of report.findings) {
    const label = SEVERITY_LABEL[f.severity][lang];
    lines.push(`  ${label} ${f.code} ${f.path}`, `    ${f.message}`);
  }
  const c = countBySeverity(report.findings);
  lines.push(
    lang === 'ja' ? `  エラー ${c.error}件、警告 ${c.warning}件、情報 ${c.info}件` : `  ${c.error} error(s), ${c.warning} warning(s), ${c.info} info`,
  );
  return forTerminal(lines.join('\n'));
}
